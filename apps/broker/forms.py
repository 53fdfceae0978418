"""Forms of the broker service. Filters use GET so that every list works without
JavaScript; the need form asks one question per field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.cases.models import CasePage
from apps.core import limits
from apps.core.models import County, Municipality, Sector, TargetGroup
from apps.core.selectors import vocabulary_choices
from apps.core.widgets import ListSelect
from apps.registers.forms import RegisterCheckMixin

from .models import Maturity, NeedStatus, NeedVisibility
from .widgets import AreaChooser


class DesignSystemMixin:
    """Designsystemet classes on every widget; aria-describedby for help texts and errors,
    aria-invalid on fields with errors."""

    def style_fields(self) -> None:
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            widget.attrs.setdefault("class", "ds-input")
            if field.help_text:
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}_help"

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            auto_id = self[name].auto_id
            described = widget.attrs.get("aria-describedby", "")
            widget.attrs["aria-describedby"] = f"{described} {auto_id}_error".strip()
            widget.attrs["aria-invalid"] = "true"

    def error_links(self) -> list[tuple[str, str]]:
        """(message, anchor) pairs for the error summary."""
        links = []
        for name, errors in self.errors.items():
            if name == "__all__" or name not in self.fields:
                links += [(str(message), "main-form") for message in errors]
                continue
            field = self[name]
            anchor = field.auto_id
            if isinstance(field.field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                anchor = f"{anchor}_0"
            links += [(f"{field.label}: {message}", anchor) for message in errors]
        return links


def _areas():
    """Today's municipalities with their county, for the area chooser's groups."""
    return Municipality.objects.current().select_related("county").order_by("name")


def _vocabulary(model):
    return model.objects.order_by("position", "name")


class NeedForm(DesignSystemMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Municipality posting the need"),
        queryset=None,
        empty_label=None,
    )
    title = forms.CharField(
        label=_("A short title for the need"),
        max_length=limits.TITLE,
        help_text=_("Name the problem, for example «Young people who drop out of school»."),
    )
    description = forms.CharField(
        label=_("What is the problem?"),
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Describe what is not working today and why it matters. Do not describe the "
            "solution you have in mind."
        ),
    )
    affected = forms.CharField(
        label=_("Who is affected?"),
        required=False,
        max_length=limits.TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The people who live with the problem, and the services involved."),
    )
    tried = forms.CharField(
        label=_("What has been tried?"),
        required=False,
        max_length=limits.TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you and others have already tried, and what you learned."),
    )
    outcome = forms.CharField(
        label=_("What outcome do you want?"),
        required=False,
        max_length=limits.TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("How would things be different for the people affected if it worked?"),
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors involved"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose every sector the need touches; two or more make it cross-sector."),
    )
    no_clear_owner = forms.BooleanField(
        label=_("No clear owner: no single service owns this need"),
        required=False,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    budget_min = forms.IntegerField(
        label=_("Budget from (NOK excl. VAT)"), required=False, min_value=0
    )
    budget_max = forms.IntegerField(
        label=_("Budget to (NOK excl. VAT)"), required=False, min_value=0
    )
    timeframe = forms.CharField(
        label=_("Timeframe"),
        required=False,
        max_length=limits.TITLE,
        help_text=_("For example «a trial during the school year 2027/28»."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=NeedStatus.choices,
        widget=forms.RadioSelect,
        initial=NeedStatus.DRAFT,
        help_text=_("A draft is seen only by your organisation."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may see the need"),
        choices=NeedVisibility.choices,
        widget=forms.RadioSelect,
        initial=NeedVisibility.PUBLIC,
        help_text=_("Members only: members of organisations verified by Kokeboka's staff."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    confirm_solution_words = forms.BooleanField(
        label=_("Save anyway: the words describe the need, not a solution"),
        required=False,
    )

    def __init__(self, *args, organisations=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing or organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
        self.fields["sectors"].queryset = _vocabulary(Sector)
        self.fields["target_groups"].queryset = _vocabulary(TargetGroup)
        for name in ("budget_min", "budget_max"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"
        self.style_fields()

    def clean(self):
        data = super().clean()
        low, high = data.get("budget_min"), data.get("budget_max")
        if low is not None and high is not None and low > high:
            self.add_error("budget_max", _("The upper budget must be at least the lower budget."))
        return data

    def solution_texts(self) -> list[str]:
        return [
            self.cleaned_data.get(name, "") or ""
            for name in ("title", "description", "outcome", "affected")
        ]


class NeedFilterForm(DesignSystemMixin, forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=ListSelect)
    target_group = forms.ChoiceField(label=_("Target group"), required=False, widget=ListSelect)
    county = forms.ChoiceField(label=_("County"), required=False, widget=ListSelect)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False, widget=ListSelect)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Open and in dialogue")), *NeedStatus.choices],
        widget=ListSelect,
    )
    cross_sector = forms.BooleanField(label=_("Only cross-sector needs"), required=False)
    no_clear_owner = forms.BooleanField(label=_("Only needs with no clear owner"), required=False)

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [
            ("", _("All sectors")),
            *vocabulary_choices(Sector),
        ]
        self.fields["target_group"].choices = [
            ("", _("All target groups")),
            *vocabulary_choices(TargetGroup),
        ]
        self.fields["county"].choices = [
            ("", _("All counties")),
            *County.objects.current().order_by("name").values_list("code", "name"),
        ]
        municipalities = (
            municipalities
            if municipalities is not None
            else Municipality.objects.current().order_by("name")
        )
        self.fields["municipality"].choices = [
            ("", _("All municipalities")),
            *((m.code, m.name) for m in municipalities),
        ]
        self.style_fields()

    def values(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value and name not in self.errors
        }


class ProfileFilterForm(DesignSystemMixin, forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=ListSelect)
    target_group = forms.ChoiceField(label=_("Target group"), required=False, widget=ListSelect)
    municipality = forms.ChoiceField(
        label=_("Area served (municipality)"), required=False, widget=ListSelect
    )
    maturity = forms.ChoiceField(
        label=_("Maturity of an offer"),
        required=False,
        choices=[("", _("Any maturity")), *Maturity.choices],
        widget=ListSelect,
    )
    work_integration = forms.BooleanField(
        label=_("Only work-integration enterprises"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [
            ("", _("All sectors")),
            *vocabulary_choices(Sector),
        ]
        self.fields["target_group"].choices = [
            ("", _("All target groups")),
            *vocabulary_choices(TargetGroup),
        ]
        self.fields["municipality"].choices = [
            ("", _("Anywhere")),
            *Municipality.objects.current().order_by("name").values_list("code", "name"),
        ]
        self.style_fields()

    values = NeedFilterForm.values


class ProfileForm(RegisterCheckMixin, DesignSystemMixin, forms.Form):
    summary = forms.CharField(
        label=_("What you do"),
        max_length=limits.SUMMARY,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Two or three sentences about the enterprise and whom it helps."),
    )
    evidence = forms.CharField(
        label=_("Evidence and results"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Evaluations, research, figures and what municipalities have seen."),
    )
    area_national = forms.BooleanField(label=_("We work in the whole country"), required=False)
    areas = forms.ModelMultipleChoiceField(
        label=_("Municipalities served"),
        queryset=None,
        required=False,
        widget=AreaChooser,
        help_text=_("Open a county to choose its municipalities, or all of it at once."),
    )
    examples = forms.ModelMultipleChoiceField(
        label=_("Examples in the examples bank"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Collaborations you have taken part in."),
    )

    def __init__(self, *args, organisation=None, **kwargs):
        """`organisation`: whose profile it is; its organisation number is checked in
        Enhetsregisteret when the profile is saved (apps.registers)."""
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["areas"].queryset = _areas()
        self.fields["examples"].queryset = CasePage.objects.live().order_by("title")
        self.add_register_field()
        self.style_fields()

    def clean(self):
        data = super().clean()
        number = getattr(self.organisation, "org_number", "") or ""
        self.check_register(number, field=None)
        return data


class OfferForm(DesignSystemMixin, forms.Form):
    title = forms.CharField(label=_("Title of the offer"), max_length=limits.TITLE)
    description = forms.CharField(
        label=_("What you offer"),
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you do, for whom, and what a municipality can expect."),
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    maturity = forms.ChoiceField(
        label=_("Maturity"), choices=Maturity.choices, widget=forms.RadioSelect
    )
    area_national = forms.BooleanField(label=_("Offered in the whole country"), required=False)
    areas = forms.ModelMultipleChoiceField(
        label=_("Municipalities"),
        queryset=None,
        required=False,
        widget=AreaChooser,
        help_text=_("Open a county to choose its municipalities, or all of it at once."),
    )
    active = forms.BooleanField(label=_("Active (shown to municipalities)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = _vocabulary(Sector)
        self.fields["target_groups"].queryset = _vocabulary(TargetGroup)
        self.fields["areas"].queryset = _areas()
        self.style_fields()


class ReviewForm(DesignSystemMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the entrepreneur"),
        required=False,
        max_length=limits.TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you reject the profile."),
    )

    def __init__(self, *args, changes: bool = False, **kwargs):
        """With `changes`, the decision is on an approved profile's waiting changes:
        approve them, or return them with a comment (the approved version stays public)."""
        super().__init__(*args, **kwargs)
        self.changes = changes
        if changes:
            self.fields["decision"].label = _("Decision on the changes")
            self.fields["decision"].choices = [
                ("approve", _("Approve the changes")),
                ("reject", _("Return with a comment")),
            ]
            self.fields["note"].label = _("Comment to the entrepreneur")
            self.fields["note"].help_text = _("Required when you return the changes.")

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("note") or "").strip():
            if self.changes:
                self.add_error("note", _("Say what should change before the changes are approved."))
            else:
                self.add_error("note", _("Say why the profile is rejected."))
        return data
