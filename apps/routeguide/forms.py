"""The route guide's questions. One form validates the step pages, the answer page and the
API, so a visitor and an API client get the same rules and the same messages."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .engine import Situation
from .models import RouteGuideFeedback
from .vocabulary import Authority, OnMarket, Provider, Purpose, Service, YesNo

# An upper bound that no public purchase reaches, so that a typing slip is caught.
MAX_VALUE = 10**12
MAX_YEARS = 50

STEPS = {
    1: ("purpose",),
    2: ("value", "annual_value", "years", "service"),
    3: (
        "provider",
        "authority",
        "on_market",
        "counter_performance",
        "benefits_shared",
        "date",
    ),
}
FIELD_ORDER = tuple(name for step in STEPS.values() for name in step)
STEP_OF_FIELD = {name: step for step, names in STEPS.items() for name in names}
LAST_STEP = max(STEPS)


class NokField(forms.CharField):
    """Whole kroner. Spaces between thousands (as Norwegians write them) and a trailing
    «kr» or «,-» are accepted."""

    default_error_messages = {
        "invalid": _("Enter a whole number of kroner, for example 1 800 000."),
        "negative": _("The value cannot be negative."),
        "too_large": _("The value is too large. Check the number of digits."),
    }

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        text = re.sub(r"[\s\u00a0\u202f]", "", value).lower()
        text = re.sub(r"^(kr\.?|nok)|(kr\.?|nok|,-)$", "", text)
        if not re.fullmatch(r"-?\d+", text):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        number = int(text)
        if number < 0:
            raise forms.ValidationError(self.error_messages["negative"], code="negative")
        if number > MAX_VALUE:
            raise forms.ValidationError(self.error_messages["too_large"], code="too_large")
        return number


class IsoDateField(forms.DateField):
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {
        "invalid": _("Enter a date as YYYY-MM-DD, for example 2024-03-14."),
    }


def _choice(choices, label, help_text="", *, required=True):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        help_text=help_text,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose one of the answers."),
            "invalid_choice": _("Choose one of the answers listed."),
        },
    )


class SituationForm(forms.Form):
    purpose = _choice(Purpose.choices, _("What do you want to do?"))
    value = NokField(
        label=_("Estimated total value"),
        required=False,
        help_text=_(
            "In kroner excluding VAT, over the whole contract period including options and "
            "extensions."
        ),
    )
    annual_value = NokField(
        label=_("Value per year"),
        required=False,
        help_text=_("In kroner excluding VAT."),
    )
    years = forms.IntegerField(
        label=_("Number of years"),
        required=False,
        min_value=1,
        max_value=MAX_YEARS,
        help_text=_("Including options to extend."),
        error_messages={
            "invalid": _("Enter a whole number of years."),
            "min_value": _("Enter at least one year."),
            "max_value": _("Enter at most %(limit_value)s years."),
        },
    )
    service = _choice(
        Service.choices,
        _("What kind of purchase is it?"),
        _(
            "Health and social services: for example home care, child welfare, follow-up of "
            "young people, support contacts and help for people with drug problems. Other "
            "special services: for example education and courses, cultural services, legal "
            "services and hotels and restaurants. Ordinary services: for example cleaning, IT, "
            "consultancy and transport. If you are unsure, the answer lets you compare with "
            "the other kinds."
        ),
    )
    provider = _choice(Provider.choices, _("Who do you want to work with?"))
    authority = _choice(Authority.choices, _("Who is buying?"))
    on_market = _choice(OnMarket.choices, _("Can the solution be bought on the market today?"))
    counter_performance = _choice(
        YesNo.choices,
        _("Must the recipient deliver something to you in return for the grant?"),
        _("For example a service to your users, a report you ordered or a product."),
        required=False,
    )
    benefits_shared = _choice(
        YesNo.choices,
        _("Will the supplier keep some of the results, or will you pay only part of the cost?"),
        _("Answer yes if you do not both pay for all of it and keep all of the benefit."),
        required=False,
    )
    date = IsoDateField(
        label=_("Date of the purchase"),
        required=False,
        help_text=_("YYYY-MM-DD. Leave empty for today."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, steps: tuple[int, ...] = tuple(STEPS), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.steps = steps
        keep = {name for step in steps for name in STEPS[step]}
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]

    def clean(self):
        data = super().clean()
        fields = self.fields
        purpose, service = data.get("purpose"), data.get("service")
        if "value" in fields and not self.has_error("value") and not self.has_error("annual_value"):
            self._clean_value(data, purpose)
        if "counter_performance" in fields:
            if purpose == Purpose.GRANT and not data.get("counter_performance"):
                self.add_error("counter_performance", _("Choose one of the answers."))
            elif purpose != Purpose.GRANT:
                data["counter_performance"] = ""
        if "benefits_shared" in fields:
            rd = purpose == Purpose.RD or service == Service.RD
            if rd and not data.get("benefits_shared"):
                self.add_error("benefits_shared", _("Choose one of the answers."))
            elif not rd:
                data["benefits_shared"] = ""
        return data

    def _clean_value(self, data: dict, purpose: str | None) -> None:
        value, annual, years = data.get("value"), data.get("annual_value"), data.get("years")
        if value is not None and (annual is not None or years is not None):
            self.add_error(
                "value", _("Give either the total value or the value per year, not both.")
            )
        elif annual is not None and years is None and not self.has_error("years"):
            self.add_error("years", _("Give the number of years for the value per year."))
        elif years is not None and annual is None:
            self.add_error("annual_value", _("Give the value per year for the number of years."))
        elif value is None and annual is None and purpose != Purpose.DIALOGUE:
            self.add_error(
                "value",
                _("Give the estimated value, as a total or as a value per year and years."),
            )

    @property
    def first_invalid_step(self) -> int | None:
        steps = [STEP_OF_FIELD[name] for name in self.errors if name in STEP_OF_FIELD]
        return min(steps) if steps else None

    def situation(self, *, today: datetime.date) -> Situation:
        """Only for a valid form of every step."""
        data = self.cleaned_data
        return Situation(
            purpose=data["purpose"],
            service=data["service"],
            provider=data["provider"],
            authority=data["authority"],
            on_market=data["on_market"],
            on=data.get("date") or today,
            value=data.get("value"),
            annual_value=data.get("annual_value"),
            years=data.get("years"),
            counter_performance=data.get("counter_performance") or None,
            benefits_shared=data.get("benefits_shared") or None,
        )


def canonical_query(situation: Situation, *, dated: bool) -> str:
    """The answer's query string: only the answers that count, in a fixed order, so one
    situation has one shareable URL (and one cache entry)."""
    params: list[tuple[str, object]] = [("purpose", situation.purpose)]
    if situation.value is not None:
        params.append(("value", situation.value))
    elif situation.annual_value is not None:
        params += [("annual_value", situation.annual_value), ("years", situation.years)]
    params += [
        ("service", situation.service),
        ("provider", situation.provider),
        ("authority", situation.authority),
        ("on_market", situation.on_market),
    ]
    if situation.counter_performance:
        params.append(("counter_performance", situation.counter_performance))
    if situation.benefits_shared:
        params.append(("benefits_shared", situation.benefits_shared))
    if dated:
        params.append(("date", situation.on.isoformat()))
    return urlencode(params)


def carried_answers(data, *, exclude: tuple[str, ...]) -> list[tuple[str, str]]:
    """The earlier (or later) answers that a step page carries in hidden fields."""
    return [
        (name, data.get(name))
        for name in FIELD_ORDER
        if name not in exclude and data.get(name) not in (None, "")
    ]


class FeedbackForm(forms.ModelForm):
    helpful = forms.TypedChoiceField(
        label=_("Was this answer helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )

    class Meta:
        model = RouteGuideFeedback
        fields = ["helpful", "comment"]
        labels = {"comment": _("What could be better? (optional)")}
        help_texts = {"comment": _("Do not write personal information.")}
        widgets = {"comment": forms.Textarea(attrs={"rows": 3})}
