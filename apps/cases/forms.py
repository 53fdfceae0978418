from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.models import County, Municipality, Sector
from apps.core.selectors import vocabulary_choices
from apps.core.widgets import ListSelect

from .models import CollaborationForm
from .selectors import municipalities_with_cases


class CaseFilterForm(forms.Form):
    """Filters of the examples list; plain GET so that it works without JavaScript and every
    filtered list has its own address. A value that cannot be used is reported and ignored,
    and the other filters still apply."""

    # ListSelect: the same markup as Django's Select without a template per option (the
    # municipality list has hundreds of options; decision 0033).
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=ListSelect)
    form = forms.ChoiceField(
        label=_("Form of collaboration"),
        required=False,
        choices=[("", _("All forms")), *CollaborationForm.choices],
        widget=ListSelect,
    )
    county = forms.ChoiceField(label=_("County"), required=False, widget=ListSelect)
    municipality = forms.CharField(
        label=_("Municipality"),
        required=False,
        widget=ListSelect,
        help_text=_("Municipalities with at least one example."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [
            ("", _("All sectors")),
            *vocabulary_choices(Sector),
        ]
        self.fields["county"].choices = [
            ("", _("All counties")),
            *County.objects.current().order_by("name").values_list("code", "name"),
        ]
        # The list offers the municipalities that have examples; any valid municipality
        # number still filters, so links from elsewhere keep working.
        choices = [
            (municipality.code, municipality.name) for municipality in municipalities_with_cases()
        ]
        chosen = self._chosen_municipality()
        if chosen is not None and chosen.code not in {code for code, _name in choices}:
            choices.append((chosen.code, chosen.name))
            choices.sort(key=lambda choice: choice[1])
        self.fields["municipality"].widget.choices = [("", _("All municipalities")), *choices]
        for field in self.fields.values():
            field.widget.attrs["class"] = "ds-input"

    def _chosen_municipality(self) -> Municipality | None:
        code = (self.data.get("municipality") or "").strip() if self.is_bound else ""
        if not code:
            return None
        if not hasattr(self, "_chosen"):
            self._chosen = Municipality.objects.filter(code=code).first()
        return self._chosen

    def clean_municipality(self) -> str:
        code = self.cleaned_data["municipality"].strip()
        if code and self._chosen_municipality() is None:
            raise forms.ValidationError(
                _("«%(value)s» is not a municipality number."), params={"value": code[:10]}
            )
        return code

    def active_filters(self) -> dict[str, str]:
        """The usable, non-empty filters; values that failed validation are left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value and name not in self.errors
        }
