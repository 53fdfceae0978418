"""Forms of the matching app: the broker's open invitation and the entrepreneur's answer."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import limits

# The score an open invitation starts from: high enough to leave out chance resemblances
# (a shared sector alone gives 14), low enough to reach offers worded differently.
DEFAULT_MIN_SCORE = 40
DEFAULT_DAYS_OPEN = 14


def default_deadline() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=DEFAULT_DAYS_OPEN)


class InvitationForm(forms.Form):
    min_score = forms.IntegerField(
        label=_("Lowest score"),
        min_value=1,
        max_value=100,
        initial=DEFAULT_MIN_SCORE,
        help_text=_(
            "Every entrepreneur with an approved offer scoring at least this (of 100) is "
            "invited. You see the list before anything is sent."
        ),
    )
    deadline = forms.DateField(
        label=_("Answer by"),
        help_text=_("Answers are taken until the end of this day."),
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"],
    )
    message = forms.CharField(
        label=_("Message to the entrepreneurs"),
        max_length=limits.TEXT,
        widget=forms.Textarea,
    )

    def clean_deadline(self) -> datetime.date:
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline has passed. Choose a date from today on."))
        return deadline


class AnswerForm(forms.Form):
    interested = forms.TypedChoiceField(
        label=_("Are you interested?"),
        choices=[("yes", _("Yes, we are interested")), ("no", _("No, not this time"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("Comment to the broker"),
        help_text=_("For example how you would go about it, or why not now."),
        max_length=limits.TEXT,
        required=False,
        widget=forms.Textarea,
    )
