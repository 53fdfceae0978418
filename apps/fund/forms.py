"""Forms of the fund. Every message is a complete sentence through gettext."""

from __future__ import annotations

from django import forms
from django.forms import formset_factory, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from apps.core import limits
from apps.core.models import Sector

from .models import (
    Call,
    CostType,
    Criterion,
    EligibilityQuestion,
    EligibleApplicant,
    FundingSource,
    PartnerRequirement,
    RequiredAttachment,
)

RESERVED_SLUGS = {"soknader", "forvaltning", "vurdering", "tildelinger", "statistikk", "ny"}

REQUIRED = _("Fill in this field.")
WHOLE_NUMBER = _("Write a whole number of kroner, without spaces or decimals.")


class WholeNumberField(forms.IntegerField):
    """A whole number typed as text (inputmode numeric), as Norwegians write it: spaces
    between thousands and a trailing «kr» are fine; «300 000,50» is not a whole number."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\u00a0", "").replace(" ", "").removesuffix("kr")
        return super().to_python(value)

    def widget_attrs(self, widget):
        # no min/max attributes on a text input; the server checks the range
        return {}


def _messages(**extra) -> dict:
    return {"required": REQUIRED, **extra}


class StartApplicationForm(forms.Form):
    title = forms.CharField(
        label=_("Project title"),
        max_length=200,
        error_messages=_messages(max_length=_("Keep the title under 200 characters.")),
    )
    organisation = forms.ChoiceField(
        label=_("Applicant organisation"),
        error_messages=_messages(invalid_choice=_("Choose one of your organisations.")),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(org.pk): org for org in organisations}
        self.fields["organisation"].choices = [(str(o.pk), o.name) for o in organisations]

    def clean_organisation(self):
        return self.organisations[self.cleaned_data["organisation"]]


SUBMISSION_REQUIRED = ("summary", "description", "need_text")


class ApplicationForm(forms.Form):
    """The project and need sections. Only the title is needed to save a draft; the rest
    is checked when the application is submitted."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Project title"),
        max_length=200,
        error_messages=_messages(max_length=_("Keep the title under 200 characters.")),
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few sentences that tell what the project will do."),
        error_messages={"max_length": _("Keep the summary under 1000 characters.")},
    )
    description = forms.CharField(
        label=_("Project description"),
        required=False,
        max_length=limits.DOCUMENT,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What you will do, who takes part, and how you will know it worked."),
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label=_("Choose a sector"),
        error_messages={"invalid_choice": _("Choose one of the sectors in the list.")},
    )
    need_text = forms.CharField(
        label=_("Need addressed"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Describe the need as a need, not as a solution: who has it, and why."),
    )
    need = forms.ModelChoiceField(
        label=_("Need in the broker service"),
        queryset=None,
        required=False,
        empty_label=_("None"),
        help_text=_("If your organisation has posted the need in the broker service, link it."),
        error_messages={"invalid_choice": _("Choose one of your organisation's needs.")},
    )
    collaboration = forms.ModelChoiceField(
        label=_("Collaboration"),
        queryset=None,
        required=False,
        empty_label=_("None"),
        help_text=_("If the project grows out of a collaboration in the broker service, link it."),
        error_messages={"invalid_choice": _("Choose one of your organisation's collaborations.")},
    )

    def __init__(self, *args, organisation, **kwargs):
        from django.db.models import Q

        from apps.broker.models import Need
        from apps.collaborations.models import Collaboration

        super().__init__(*args, **kwargs)
        # A draft may leave these empty, but the application cannot be sent without them:
        # the form says so instead of calling them optional.
        for name in SUBMISSION_REQUIRED:
            self.fields[name].label_note = _("must be filled in before submission")
        self.fields["need"].queryset = Need.objects.filter(organisation=organisation).order_by(
            "title"
        )
        self.fields["collaboration"].queryset = Collaboration.objects.filter(
            Q(municipality_org=organisation) | Q(entrepreneur_org=organisation)
        ).order_by("pk")


class AnswersForm(forms.Form):
    """One yes/no question per eligibility question of the call (answers may be left open
    while drafting)."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.ChoiceField(
                label=question.text,
                required=False,
                widget=forms.RadioSelect,
                choices=[("yes", _("Yes")), ("no", _("No"))],
                error_messages={"invalid_choice": _("Answer yes or no.")},
            )

    def answers(self) -> dict[int, str]:
        return {
            q.pk: self.cleaned_data.get(f"q{q.pk}")
            for q in self.questions
            if self.cleaned_data.get(f"q{q.pk}")
        }


class RowForm(forms.Form):
    """A row of a list in the application; a wholly empty row is ignored."""

    def row(self) -> dict | None:
        if not self.has_changed() or self.cleaned_data.get("DELETE"):
            return None
        return {k: v for k, v in self.cleaned_data.items() if k != "DELETE"}


class PartnerForm(RowForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        error_messages=_messages(max_length=_("Keep the name under 200 characters.")),
    )
    kind = forms.ChoiceField(
        label=_("Kind of partner"),
        required=False,
        choices=[
            ("", _("Choose")),
            ("municipal", _("Municipal service")),
            ("social_entrepreneur", _("Social entrepreneur")),
            ("research", _("Research institution")),
            ("other", _("Other")),
        ],
        error_messages={"invalid_choice": _("Choose a kind of partner from the list.")},
    )
    role = forms.CharField(label=_("Role in the project"), max_length=200, required=False)
    org_number = forms.RegexField(
        label=_("Organisation number"),
        regex=r"^\d{3} ?\d{3} ?\d{3}$",  # nine digits, as written or in groups of three
        required=False,
        error_messages={"invalid": _("An organisation number has nine digits.")},
    )

    def clean_org_number(self):
        return (self.cleaned_data.get("org_number") or "").replace(" ", "")


class BudgetLineForm(RowForm):
    cost_type = forms.ChoiceField(
        label=_("Cost type"),
        choices=[("", _("Choose"))] + list(CostType.choices),
        error_messages=_messages(invalid_choice=_("Choose a cost type from the list.")),
    )
    year = WholeNumberField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        error_messages=_messages(
            invalid=_("Write the year with four digits, for example 2027."),
            min_value=_("Write the year with four digits, for example 2027."),
            max_value=_("Write the year with four digits, for example 2027."),
        ),
    )
    amount = WholeNumberField(
        label=_("Amount (NOK)"),
        min_value=0,
        error_messages=_messages(
            invalid=WHOLE_NUMBER, min_value=_("The amount cannot be negative.")
        ),
    )
    source = forms.ChoiceField(
        label=_("Source"),
        choices=[("", _("Choose"))] + list(FundingSource.choices),
        error_messages=_messages(invalid_choice=_("Choose fund or co-funding.")),
    )


class MilestoneForm(RowForm):
    title = forms.CharField(label=_("Milestone"), max_length=200, error_messages=_messages())
    due_date = forms.DateField(
        label=_("Due date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=_messages(invalid=_("Write the date as dd.mm.yyyy, e.g. 31.03.2027.")),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )
    amount = WholeNumberField(
        label=_("Payment (NOK)"),
        min_value=0,
        required=False,
        error_messages={"invalid": WHOLE_NUMBER, "min_value": _("The amount cannot be negative.")},
    )
    description = forms.CharField(label=_("Description"), required=False, max_length=limits.TEXT)

    def row(self):
        row = super().row()
        if row is not None and row.get("amount") is None:
            row["amount"] = 0
        return row


PartnerFormSet = formset_factory(PartnerForm, extra=2, can_delete=True)
BudgetLineFormSet = formset_factory(BudgetLineForm, extra=3, can_delete=True)
MilestoneFormSet = formset_factory(MilestoneForm, extra=2, can_delete=True)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("PDF file"),
        help_text=_("PDF only, at most 10 MB."),
        error_messages=_messages(
            required=_("Choose a PDF file to upload."),
            empty=_("The file is empty."),
            invalid=_("Choose a PDF file to upload."),
        ),
    )
    required = forms.ModelChoiceField(
        label=_("Which document is this?"),
        queryset=RequiredAttachment.objects.none(),
        required=False,
        empty_label=_("Other attachment"),
        error_messages={"invalid_choice": _("Choose a document from the list.")},
    )

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required"].queryset = call.required_attachments.all()


# --- Managers ------------------------------------------------------------------------------


class OsloDateTimeField(forms.DateTimeField):
    """A date and time as entered in Norway (the current time zone is Europe/Oslo); times
    that do not exist or happen twice at a daylight-saving change are refused by Django."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"])
        super().__init__(**kwargs)


class CallForm(forms.ModelForm):
    eligible_applicants = forms.MultipleChoiceField(
        label=_("Who may apply"),
        choices=EligibleApplicant.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_messages(required=_("Choose at least one group who may apply.")),
    )
    partner_requirement = forms.ChoiceField(
        label=_("Partner requirement"),
        choices=PartnerRequirement.choices,
        widget=forms.RadioSelect,
        error_messages=_messages(),
    )
    opens_at = OsloDateTimeField(
        label=_("Opens (Norwegian time)"),
        error_messages=_messages(invalid=_("Write a date and time, e.g. 01.02.2027 09:00.")),
    )
    deadline = OsloDateTimeField(
        label=_("Deadline (Norwegian time)"),
        required=False,
        help_text=_("Leave empty for a call with rolling assessment."),
        error_messages={"invalid": _("Write a date and time, e.g. 31.03.2027 23:59.")},
    )

    class Meta:
        model = Call
        fields = [
            "title",
            "slug",
            "text",
            "eligible_applicants",
            "partner_requirement",
            "budget",
            "min_amount",
            "max_amount",
            "cofunding_percent",
            "opens_at",
            "deadline",
            "published",
        ]
        error_messages = {
            "title": _messages(),
            "slug": _messages(invalid=_("Use only lower-case letters, digits and hyphens.")),
            "budget": _messages(invalid=WHOLE_NUMBER),
            "min_amount": _messages(invalid=WHOLE_NUMBER),
            "max_amount": _messages(invalid=WHOLE_NUMBER),
            "cofunding_percent": _messages(
                invalid=_("Write a whole number from 0 to 100."),
                max_value=_("Write a whole number from 0 to 100."),
            ),
        }

    def __init__(self, *args, fund, **kwargs):
        super().__init__(*args, **kwargs)
        self.fund = fund
        self.instance.fund = fund
        limits.limit_form_field(self.fields["text"], limits.LONG_TEXT)

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This address is reserved. Choose another."))
        clash = Call.objects.filter(fund=self.fund, slug=slug).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Another call in this fund has this address."))
        return slug

    def clean(self):
        data = super().clean()
        low, high = data.get("min_amount"), data.get("max_amount")
        if low is not None and high and high < low:
            self.add_error("max_amount", _("The maximum cannot be lower than the minimum."))
        opens, deadline = data.get("opens_at"), data.get("deadline")
        if opens and deadline and deadline <= opens:
            self.add_error("deadline", _("The deadline must come after the opening."))
        return data

    def validate_unique(self):
        # The slug is checked against the fund in clean_slug.
        pass


class _LimitedRowForm(forms.ModelForm):
    """A row of criteria or required attachments: its free text gets the TEXT limit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length is None:
                limits.limit_form_field(field, limits.TEXT)


CriterionFormSet = inlineformset_factory(
    Call,
    Criterion,
    form=_LimitedRowForm,
    fields=["name", "description", "weight", "order"],
    extra=2,
    can_delete=True,
)
QuestionFormSet = inlineformset_factory(
    Call,
    EligibilityQuestion,
    fields=["text", "required_answer", "order"],
    extra=2,
    can_delete=True,
)
RequiredAttachmentFormSet = inlineformset_factory(
    Call,
    RequiredAttachment,
    form=_LimitedRowForm,
    fields=["name", "description"],
    extra=1,
    can_delete=True,
)
