"""The dashboard's filters: county, municipality and period (years), sent with GET so that
every filtered view has its own address and works without JavaScript."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from apps.core.models import County, Municipality
from apps.core.widgets import ListSelect
from apps.rules.selectors import today_oslo

FIRST_YEAR = 2015


@dataclass(frozen=True)
class Filters:
    county: County | None = None
    municipality: Municipality | None = None
    year_from: int | None = None
    year_to: int | None = None

    @property
    def period(self) -> tuple[datetime.date | None, datetime.date | None]:
        start = datetime.date(self.year_from, 1, 1) if self.year_from else None
        end = datetime.date(self.year_to, 12, 31) if self.year_to else None
        return start, end

    @property
    def has_period(self) -> bool:
        return bool(self.year_from or self.year_to)

    def query(self) -> str:
        params = {
            "county": self.county.code if self.county else "",
            "municipality": self.municipality.code if self.municipality else "",
            "from": self.year_from or "",
            "to": self.year_to or "",
        }
        return urlencode({key: value for key, value in params.items() if value})


def _years() -> list[tuple[str, str]]:
    return [(str(year), str(year)) for year in range(today_oslo().year, FIRST_YEAR - 1, -1)]


class InsightFilterForm(forms.Form):
    """A value that cannot be used is reported and ignored; the other filters still apply."""

    # Drawn in Python (ListSelect): 357 municipalities through Django's per-option templates
    # were two thirds of the dashboard's time once its charts came from the cache.
    county = forms.ChoiceField(label=_("County"), required=False, widget=ListSelect)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False, widget=ListSelect)
    year_from = forms.ChoiceField(label=_("From year"), required=False, widget=ListSelect)
    year_to = forms.ChoiceField(label=_("To year"), required=False, widget=ListSelect)

    def __init__(self, *args, with_place: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_place:
            self.fields["county"].choices = [
                ("", _("All counties")),
                *County.objects.current().order_by("name").values_list("code", "name"),
            ]
            self.fields["municipality"].choices = [
                ("", _("All municipalities")),
                *Municipality.objects.current().order_by("name").values_list("code", "name"),
            ]
        else:
            del self.fields["county"]
            del self.fields["municipality"]
        self.fields["year_from"].choices = [("", _("Any year")), *_years()]
        self.fields["year_to"].choices = [("", _("Any year")), *_years()]
        for field in self.fields.values():
            field.widget.attrs["class"] = "ds-input"

    def add_prefix(self, field_name: str) -> str:
        # Short GET parameters: ?county=32&municipality=3201&from=2020&to=2024
        return {"year_from": "from", "year_to": "to"}.get(field_name, field_name)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        if start and end and int(start) > int(end):
            self.add_error("year_to", _("The last year cannot be before the first year."))
        return cleaned

    def filters(self) -> Filters:
        """The usable filters; values that failed validation are left out."""
        if not self.is_bound:
            return Filters()
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        county_code = data.get("county") or ""
        municipality_code = data.get("municipality") or ""
        county = County.objects.filter(code=county_code).first() if county_code else None
        municipality = (
            Municipality.objects.select_related("county").filter(code=municipality_code).first()
            if municipality_code
            else None
        )
        return Filters(
            county=county,
            municipality=municipality,
            year_from=int(data["year_from"]) if data.get("year_from") else None,
            year_to=int(data["year_to"]) if data.get("year_to") else None,
        )
