from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.cases.models import CollaborationForm
from apps.core import limits

from .models import Collaboration, LogKind, OutcomeKind
from .stages import Stage


class IntroductionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to both parties"),
        max_length=limits.TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Say why you introduce them and what you suggest they talk about first. "
            "Both organisations' members get it by email with a link to the collaboration."
        ),
        error_messages={"required": _("Write a message to the parties.")},
    )


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("New stage"), choices=Stage.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    note = forms.CharField(
        label=_("Note on the change"),
        max_length=limits.TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "stage")
        super().__init__(*args, **kwargs)


class EndForm(forms.Form):
    """Confirmation of ending a collaboration, with how it ended and what came of it."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    outcome_kind = forms.ChoiceField(
        label=_("How did the collaboration end?"),
        choices=OutcomeKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the collaboration ended.")},
    )
    outcome = forms.CharField(
        label=_("What came of it"),
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "For example what was agreed, why it was not taken further, or what the parties "
            "learned. It becomes the collaboration's outcome."
        ),
        error_messages={"required": _("Write what came of the collaboration.")},
    )

    def clean_outcome(self) -> str:
        outcome = self.cleaned_data["outcome"].strip()
        if not outcome:
            raise forms.ValidationError(_("Write what came of the collaboration."))
        return outcome


class ReopenForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(
        label=_("Why is it reopened?"),
        max_length=limits.TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write why the collaboration is reopened.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "reopen")
        super().__init__(*args, **kwargs)

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Write why the collaboration is reopened."))
        return reason


class ConsentForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "consent")
        super().__init__(*args, **kwargs)


class LogEntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=LogKind.choices, initial=LogKind.MEETING)
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        error_messages={
            "required": _("Give the date."),
            "invalid": _("Enter a date as YYYY-MM-DD, for example 2026-03-14."),
        },
    )
    text = forms.CharField(
        label=_("What happened"),
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write what happened.")},
    )
    value = forms.DecimalField(
        label=_("Figure (outcomes only)"),
        required=False,
        max_digits=14,
        decimal_places=2,
        help_text=_("For an outcome with a number, for example 12."),
        error_messages={"invalid": _("Enter a number, for example 12 or 12.5.")},
    )
    unit = forms.CharField(
        label=_("Unit (outcomes only)"),
        max_length=50,
        required=False,
        help_text=_("For example «participants» or «%»."),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "log")
        super().__init__(*args, **kwargs)

    def clean_value(self):
        value = self.cleaned_data.get("value")
        if value is not None and value.is_nan():
            raise forms.ValidationError(_("Enter a number, for example 12 or 12.5."))
        return value


class CollaborationEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    title = forms.CharField(
        label=_("Title"),
        max_length=limits.TITLE,
        error_messages={"required": _("Give the collaboration a title.")},
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=limits.SUMMARY,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One to three sentences on what the parties do together."),
    )
    collaboration_form = forms.ChoiceField(
        label=_("Form of collaboration"),
        required=False,
        choices=[("", _("Not decided"))] + list(CollaborationForm.choices),
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What came of it. Separate paragraphs with an empty line."),
    )
    lessons = forms.CharField(
        label=_("Lessons learned"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    @classmethod
    def for_collaboration(cls, collaboration: Collaboration) -> CollaborationEditForm:
        return cls(
            initial={
                "version": collaboration.version,
                "title": collaboration.title,
                "summary": collaboration.summary,
                "collaboration_form": collaboration.collaboration_form,
                "outcome": collaboration.outcome,
                "lessons": collaboration.lessons,
            }
        )


class RecipeForm(forms.Form):
    recipe = forms.ModelChoiceField(
        label=_("Recipe"),
        queryset=None,
        empty_label=_("Choose a recipe"),
        error_messages={
            "required": _("Choose a recipe."),
            "invalid_choice": _("Choose one of the published recipes listed."),
        },
    )

    def __init__(self, *args, queryset, **kwargs) -> None:
        kwargs.setdefault("prefix", "recipe")
        super().__init__(*args, **kwargs)
        self.fields["recipe"].queryset = queryset


class RouteGuideForm(forms.Form):
    url = forms.CharField(
        label=_("Address of the route-guide answer"),
        max_length=2000,
        help_text=_("Open the answer in the route guide, copy the address and paste it here."),
        error_messages={"required": _("Paste the address of an answer from the route guide.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "routeguide")
        super().__init__(*args, **kwargs)


class SaveAnswerForm(forms.Form):
    """Which of the person's collaborations to save a route-guide answer to. The choices
    are the person's own collaborations; the view refuses any other (404) before this."""

    collaboration = forms.TypedChoiceField(
        label=_("Which collaboration?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the collaboration to save the answer to."),
            "invalid_choice": _("Choose one of your collaborations."),
        },
    )
    query = forms.CharField(widget=forms.HiddenInput, max_length=2000)

    def __init__(self, *args, collaborations=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["collaboration"].choices = [(c.pk, c.title) for c in collaborations]


class PipelineFilterForm(forms.Form):
    """GET filter of the board and the table for brokers of several municipalities, drawn by
    components/filter_form.html. A municipality that is not one of the broker's is named and
    ignored (the pipeline shows all of them). The table's sort order rides along in a hidden
    field, so choosing a municipality keeps it; parse_sort decides what it means."""

    kommune = forms.TypedChoiceField(
        label=_("Municipality"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )

    def __init__(self, *args, organisations, sort: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kommune"].choices = [("", _("All my municipalities"))] + [
            (org.pk, org.name) for org in organisations
        ]
        if sort:
            # No length check: a hidden field's error would have no control to point to.
            self.fields["sort"] = forms.CharField(
                required=False, widget=forms.HiddenInput, initial=sort
            )

    @classmethod
    def from_query(cls, query, **kwargs) -> PipelineFilterForm:
        """Bound only when a municipality was chosen, so a list that is only sorted offers no
        "Clear filters" link."""
        return cls(query if query.get("kommune") else None, **kwargs)

    def organisation_id(self) -> int | None:
        """The chosen municipality's organisation, or None for all (also when unusable)."""
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get("kommune")
