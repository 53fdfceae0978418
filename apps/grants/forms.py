from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core import limits
from apps.fund.models import ApplicationStatus, Criterion, Milestone

from .models import Outcome, ReportKind
from .scoring import SCORE_MAX, SCORE_MIN


class ScreeningForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Result of the screening"),
        choices=[("eligible", _("Eligible")), ("ineligible", _("Not eligible"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose eligible or not eligible.")},
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=limits.TEXT,
        widget=forms.Textarea,
        help_text=_("Required when the application is not eligible; the applicant sees it."),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "screen")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("result") == "ineligible" and not data.get("note", "").strip():
            self.add_error("note", _("Say why the application is not eligible."))
        return data


class AssignForm(forms.Form):
    reviewer = forms.TypedChoiceField(
        label=_("Reviewer"),
        coerce=int,
        error_messages={"required": _("Choose a reviewer.")},
    )

    def __init__(self, *args, reviewers=(), **kwargs) -> None:
        kwargs.setdefault("prefix", "assign")
        super().__init__(*args, **kwargs)
        self.reviewers = {person.pk: person for person in reviewers}
        self.fields["reviewer"].choices = [("", _("Choose a reviewer"))] + [
            (person.pk, person.get_full_name() or person.email) for person in reviewers
        ]

    def clean_reviewer(self):
        return self.reviewers[self.cleaned_data["reviewer"]]


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose granted or rejected.")},
    )
    amount = forms.IntegerField(
        label=_("Amount granted (NOK)"),
        required=False,
        min_value=1,
        help_text=_("Whole kroner; required when granted."),
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea,
        help_text=_("Conditions of the grant, e.g. reports and how the money may be used."),
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea,
        help_text=_("Required when rejected; also shown in the decision letter when granted."),
    )

    def __init__(
        self, *args, amount_requested: int = 0, cautions: list[str] | None = None, **kwargs
    ) -> None:
        kwargs.setdefault("prefix", "decision")
        super().__init__(*args, **kwargs)
        self.amount_requested = amount_requested
        # Reasons to pause (selectors.decision_cautions): reviews not complete, scores far
        # apart. Then the manager must tick a box saying they decide anyway; no JavaScript.
        self.cautions = list(cautions or [])
        if self.cautions:
            self.fields["confirm"] = forms.BooleanField(
                label=_("I have read the warning above and want to decide now"),
                required=False,
            )

    def clean(self):
        data = super().clean()
        if self.cautions and not data.get("confirm"):
            self.add_error(
                "confirm",
                _("Tick the box to confirm that you decide now: %(reasons)s")
                % {"reasons": " ".join(str(reason) for reason in self.cautions)},
            )
        if data.get("outcome") == Outcome.GRANTED:
            amount = data.get("amount")
            if not amount and "amount" not in self.errors:
                self.add_error("amount", _("Give the amount granted."))
            elif amount and self.amount_requested and amount > self.amount_requested:
                self.add_error(
                    "amount", _("The amount granted cannot exceed the amount applied for.")
                )
        if data.get("outcome") == Outcome.REJECTED and not data.get("reasons", "").strip():
            self.add_error("reasons", _("Give the reasons for the rejection."))
        return data


class ConflictForm(forms.Form):
    note = forms.CharField(
        label=_("Describe the conflict of interest"),
        max_length=limits.TEXT,
        widget=forms.Textarea,
        help_text=_(
            "For example a close relationship to the applicant or a partner, or an interest "
            "in the outcome. You will no longer see or assess the application."
        ),
        error_messages={"required": _("Describe the conflict of interest.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "conflict")
        super().__init__(*args, **kwargs)


SCORE_CHOICES = [(str(value), str(value)) for value in range(SCORE_MIN, SCORE_MAX + 1)]


class ScoreForm(forms.Form):
    """One radio group (0–5) and one comment per criterion."""

    def __init__(self, *args, criteria: list[Criterion], initial_scores=None, **kwargs) -> None:
        kwargs.setdefault("prefix", "score")
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        initial_scores = initial_scores or {}
        for criterion in criteria:
            existing = initial_scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.name,
                choices=SCORE_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                help_text=criterion.description,
                initial=str(existing.score) if existing else None,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on %(criterion)s") % {"criterion": criterion.name},
                required=False,
                max_length=limits.TEXT,
                widget=forms.Textarea,
                initial=existing.comment if existing else "",
            )

    def rows(self):
        for criterion in self.criteria:
            yield criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"]

    def check_complete(self) -> bool:
        """Every criterion scored; adds an error to each one that is not."""
        complete = True
        for criterion in self.criteria:
            if self.cleaned_data.get(f"score_{criterion.pk}") in (None, ""):
                self.add_error(
                    f"score_{criterion.pk}",
                    _("Give a score for %(criterion)s.") % {"criterion": criterion.name},
                )
                complete = False
        return complete

    def scores(self):
        from .services import ScoreInput

        result = []
        for criterion in self.criteria:
            raw = self.cleaned_data.get(f"score_{criterion.pk}")
            result.append(
                ScoreInput(
                    criterion_id=criterion.pk,
                    score=int(raw) if raw not in (None, "") else None,
                    comment=self.cleaned_data.get(f"comment_{criterion.pk}", ""),
                )
            )
        return result


class PaymentForm(forms.Form):
    milestone = forms.TypedChoiceField(label=_("Milestone"), coerce=int, required=False)
    amount = forms.IntegerField(
        label=_("Amount (NOK)"),
        min_value=1,
        error_messages={"required": _("Give the amount.")},
    )
    due_date = forms.DateField(
        label=_("Due date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Give the due date."),
            "invalid": _("Give the date as YYYY-MM-DD."),
        },
    )
    project_account = forms.CharField(
        label=_("Project number"),
        max_length=60,
        help_text=_("The project account in the applicant's accounts the money goes to."),
        error_messages={"required": _("Give the project number.")},
    )

    def __init__(self, *args, milestones: list[Milestone] = (), **kwargs) -> None:
        kwargs.setdefault("prefix", "payment")
        super().__init__(*args, **kwargs)
        self.milestones = {milestone.pk: milestone for milestone in milestones}
        self.fields["milestone"].choices = [("", _("Not tied to a milestone"))] + [
            (milestone.pk, f"{milestone.title} ({milestone.due_date:%d.%m.%Y})")
            for milestone in milestones
        ]

    def clean_milestone(self):
        value = self.cleaned_data.get("milestone")
        return self.milestones.get(value) if value not in (None, "") else None


class PlanForm(forms.Form):
    project_account = forms.CharField(
        label=_("Project number"),
        max_length=60,
        help_text=_("One payment is planned for each milestone with an amount."),
        error_messages={"required": _("Give the project number.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "plan")
        super().__init__(*args, **kwargs)


class ReportRequireForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of report"),
        choices=ReportKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a kind of report.")},
    )
    due_date = forms.DateField(
        label=_("Due date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Give the due date."),
            "invalid": _("Give the date as YYYY-MM-DD."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "require")
        super().__init__(*args, **kwargs)


class ReportForm(forms.Form):
    text = forms.CharField(
        label=_("Report"),
        max_length=limits.DOCUMENT,
        widget=forms.Textarea,
        help_text=_("What was done, what worked, what did not, and what comes next."),
        error_messages={"required": _("Write the report.")},
    )
    results_summary = forms.CharField(
        label=_("Results (public summary)"),
        max_length=limits.TEXT,
        required=False,
        widget=forms.Textarea,
        help_text=_("A few sentences for the public list of granted projects."),
    )

    def __init__(self, *args, final: bool = False, **kwargs) -> None:
        kwargs.setdefault("prefix", "report")
        super().__init__(*args, **kwargs)
        self.final = final
        if final:
            self.fields["results_summary"].required = True
            self.fields["results_summary"].error_messages["required"] = _(
                "Summarise the results for the public list."
            )


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=limits.TITLE, required=False)
    target = forms.DecimalField(label=_("Target"), required=False, max_digits=14, decimal_places=2)
    value = forms.DecimalField(label=_("Achieved"), required=False, max_digits=14, decimal_places=2)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)

    def clean(self):
        data = super().clean()
        filled = any(data.get(key) not in (None, "") for key in ("target", "value", "unit"))
        if filled and not data.get("name", "").strip():
            self.add_error("name", _("Name the indicator."))
        return data


IndicatorFormSet = forms.formset_factory(IndicatorForm, extra=3, max_num=20, absolute_max=20)


class FundFilterForm(forms.Form):
    """The fund choice of the public lists (granted projects, statistics) and of the
    managers' list: plain GET, so every filtered list has its own address. A slug that is not
    one of the funds offered is reported and ignored, and the list shows every fund, as it
    did before this form existed."""

    fond = forms.ChoiceField(
        label=_("Fund"),
        required=False,
        error_messages={"invalid_choice": _("Choose a fund from the list.")},
    )

    names = ("fond",)
    all_label = _("All funds")

    def __init__(self, *args, funds, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.funds = {fund.slug: fund for fund in funds}
        self.fields["fond"].choices = [("", self.all_label), *((f.slug, f.name) for f in funds)]

    @classmethod
    def from_query(cls, query, **kwargs) -> FundFilterForm:
        """Bound only when a filter was given, so an unfiltered (or only paged) list offers no
        "Clear filters" link."""
        return cls(query if any(query.get(name) for name in cls.names) else None, **kwargs)

    def _value(self, name: str) -> str:
        if not self.is_bound:
            return ""
        self.is_valid()  # a field that failed is left out of cleaned_data
        return self.cleaned_data.get(name) or ""

    def chosen_fund(self):
        """The chosen fund, or None for every fund (also when the slug could not be used)."""
        return self.funds.get(self._value("fond"))


class ManageFilterForm(FundFilterForm):
    """The managers' list: their funds and a status. Drafts and withdrawn applications are not
    offered, but any status still filters, as the list's address always allowed."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *ApplicationStatus.choices],
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )

    names = ("fond", "status")
    all_label = _("All my funds")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].widget.choices = [
            ("", _("Any status")),
            *(
                (value, label)
                for value, label in ApplicationStatus.choices
                if value not in ("draft", "withdrawn")
            ),
        ]

    def chosen_status(self) -> str:
        return self._value("status")
