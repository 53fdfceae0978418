from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.models import Sector
from apps.core.selectors import vocabulary_choices

from .models import Audience, Phase


class RecipeFilterForm(forms.Form):
    """Filters of the book index; plain GET so that it works without JavaScript and every
    filtered view has its own address."""

    phase = forms.ChoiceField(
        label=_("Phase"),
        required=False,
        choices=[("", _("All phases")), *Phase.choices],
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    audience = forms.ChoiceField(
        label=_("Audience"),
        required=False,
        choices=[("", _("Everyone")), *Audience.choices],
        help_text=_("Recipes for both audiences are included in either choice."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [
            ("", _("All sectors")),
            *vocabulary_choices(Sector),
        ]
        for field in self.fields.values():
            field.widget.attrs["class"] = "ds-input"

    def active_filters(self) -> dict[str, str]:
        """The valid, non-empty filters; empty when the form is unbound or invalid."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}
