from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import Municipality

from .models import Outcome, SuggestionField


class TipForm(forms.Form):
    text = forms.CharField(
        label=_("Your tip"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Advice that would have helped you the first time. At most 2000 characters."),
    )


class TriedReportForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.order_by("name"),
        empty_label=_("Choose a municipality"),
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000)
    outcome = forms.ChoiceField(label=_("How did it go?"), choices=Outcome.choices)
    what_we_would_do_differently = forms.CharField(
        label=_("What would you do differently?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError(_("Enter a year between 2000 and this year."))
        return year


class SuggestionForm(forms.Form):
    field = forms.ChoiceField(label=_("Which part should change?"), choices=SuggestionField.choices)
    step_number = forms.TypedChoiceField(
        label=_("Step"), coerce=int, required=False, empty_value=None, choices=()
    )
    text = forms.CharField(
        label=_("Your suggested text"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    reason = forms.CharField(
        label=_("Why should it change?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, step_titles: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step_number"].choices = [("", _("Not a step"))] + [
            (index, f"{index}. {title}") for index, title in enumerate(step_titles, start=1)
        ]

    def clean(self):
        data = super().clean()
        if data.get("field") == SuggestionField.STEP and not data.get("step_number"):
            self.add_error("step_number", _("Choose the step you suggest a change to."))
        return data


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with it?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Send me a summary"),
        choices=(),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        from .models import DigestFrequency

        super().__init__(*args, **kwargs)
        self.fields["frequency"].choices = DigestFrequency.choices


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        choices=(("publish", _("Publish")), ("hide", _("Hide")), ("restore", _("Restore")))
    )
    items = forms.MultipleChoiceField(choices=(), required=True)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = choices


class BlockForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=(("accept", _("Accept")), ("reject", _("Reject"))))
    comment = forms.CharField(
        label=_("Comment to the suggester"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
