"""The area chooser: municipalities as checkboxes grouped by county, each county a
<details> with a "whole county" box, instead of a native multi-select of 357 names that is
unusable on a phone (issue 12, item 9). Plain HTML form controls, so it works by keyboard,
touch and without JavaScript; a small script (broker/areas.js) only keeps the counts and the
county boxes in step while someone ticks."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms

COUNTY_SUFFIX = "_county"


@dataclass
class _Option:
    value: str
    label: str
    id: str
    selected: bool


@dataclass
class _County:
    code: str
    name: str
    id: str
    options: list[_Option] = field(default_factory=list)

    @property
    def selected(self) -> list[_Option]:
        return [option for option in self.options if option.selected]

    @property
    def whole(self) -> bool:
        return bool(self.options) and len(self.selected) == len(self.options)


class AreaChooser(forms.CheckboxSelectMultiple):
    """For a ModelMultipleChoiceField over core.Municipality whose queryset selects the
    county. A ticked "whole county" box (name `<field>_county`) stands for every
    municipality of that county, so the model needs no county of its own."""

    template_name = "broker/widgets/area_chooser.html"
    # The field component (templates/components/field.html) puts it in a fieldset described
    # also by the summary of what is chosen.
    draws_group = True
    describedby_suffixes = ("_chosen",)

    def _municipalities(self):
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None:
            return []
        return list(queryset)

    def _counties(self, name: str, value, attrs) -> list[_County]:
        chosen = {str(v) for v in (value or [])}
        base_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        counties: dict[str, _County] = {}
        for index, municipality in enumerate(self._municipalities()):
            county = municipality.county
            group = counties.get(county.code)
            if group is None:
                group = counties[county.code] = _County(
                    code=county.code, name=county.name, id=f"{base_id}_county_{county.code}"
                )
            group.options.append(
                _Option(
                    value=str(municipality.pk),
                    label=municipality.name,
                    id=f"{base_id}_{index}",
                    selected=str(municipality.pk) in chosen,
                )
            )
        return sorted(counties.values(), key=lambda group: group.name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        counties = self._counties(name, context["widget"]["value"], attrs)
        context["widget"]["counties"] = counties
        context["widget"]["county_name"] = name + COUNTY_SUFFIX
        context["widget"]["chosen"] = [
            option.label for county in counties for option in county.selected
        ]
        return context

    def value_from_datadict(self, data, files, name):
        values = list(super().value_from_datadict(data, files, name) or [])
        getlist = getattr(data, "getlist", None)
        whole = set(
            getlist(name + COUNTY_SUFFIX) if getlist else data.get(name + COUNTY_SUFFIX, [])
        )
        if whole:
            seen = set(values)
            for municipality in self._municipalities():
                if municipality.county.code in whole and str(municipality.pk) not in seen:
                    values.append(str(municipality.pk))
                    seen.add(str(municipality.pk))
        return values

    def value_omitted_from_data(self, data, files, name):
        # Unticking every box sends nothing: that is an empty choice, not an omission.
        return False

    def id_for_label(self, id_, index=None):
        return f"{id_}_0" if id_ and index is None else super().id_for_label(id_, index)
