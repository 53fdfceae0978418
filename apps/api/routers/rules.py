"""Legal rules and thresholds as open data. Mounted at /api/v1/."""

import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from apps.api.listing import list_endpoint
from apps.rules import selectors
from apps.rules.models import LegalRule, Threshold

router = Router(tags=["Legal rules and thresholds"])

DATE_DESCRIPTION = (
    "A date as YYYY-MM-DD. Only rows in force on that date are returned "
    "(valid_from ≤ date ≤ valid_to; an empty valid_to means still in force)."
)


class RuleOut(Schema):
    """A legal rule in plain language, with its citation, source and period of validity."""

    code: str = Field(
        description="Stable identifier used across Kokeboka, e.g. «foa-8-8». "
        "The rule is shown at /regelverk/#<code>."
    )
    citation: str = Field(description="The legal citation, e.g. «FOA § 8-8».")
    title: str = Field(description="Short title in Norwegian (bokmål).")
    summary: str = Field(description="Plain-language summary in Norwegian (bokmål).")
    title_nn: str = Field("", description="The title in nynorsk; empty when not translated.")
    summary_nn: str = Field("", description="The summary in nynorsk; empty when not translated.")
    title_en: str = Field("", description="The title in English; empty when not translated.")
    summary_en: str = Field("", description="The summary in English; empty when not translated.")
    law: str = Field(description="The act or regulation the rule belongs to; may be empty.")
    source_url: str = Field(description="Link to the official text or source; may be empty.")
    valid_from: datetime.date | None = Field(
        description="First day in force; null for a proposed (pending) rule."
    )
    valid_to: datetime.date | None = Field(
        description="Last day in force; null while still in force."
    )
    verified: bool = Field(
        description="True when an editor has checked the rule against its source. "
        "Unverified rules must be treated as uncertain."
    )
    pending: bool = Field(
        description="True for a proposed rule that is not in force and has no start date."
    )


class ThresholdOut(Schema):
    """An amount in NOK excluding VAT for one threshold and one period."""

    key: str = Field(description="Which threshold: one of " + ", ".join(Threshold.Key.values) + ".")
    label: str = Field(description="Human-readable name of the threshold.")
    amount: int = Field(description="Amount in whole NOK, excluding VAT.")
    valid_from: datetime.date | None = Field(
        description="First day in force; null for a proposed (pending) value."
    )
    valid_to: datetime.date | None = Field(
        description="Last day in force; null while still in force."
    )
    citation: str = Field(description="The legal citation for the amount, e.g. «FOA § 5-3».")
    source_url: str = Field(description="Link to the source of the amount; may be empty.")
    verified: bool = Field(
        description="True when an editor has checked the amount and dates against the source."
    )
    pending: bool = Field(
        description="True for a proposed value that is not in force. Never true in /thresholds."
    )

    @staticmethod
    def resolve_label(obj: Threshold) -> str:
        return str(obj.get_key_display())


@list_endpoint(
    router,
    "/rules",
    response=RuleOut,
    updated_field="updated_at",
    summary="List legal rules",
    description="All legal rules, proposed ones included, ordered by citation. "
    "With ?date= only the rules in force on that date.",
)
def list_rules(
    request: HttpRequest,
    date: datetime.date | None = Query(None, description=DATE_DESCRIPTION),  # noqa: B008
):
    if date is not None:
        return selectors.rules_in_force(on=date)
    return LegalRule.objects.order_by("citation", "code")


@list_endpoint(
    router,
    "/thresholds",
    response=ThresholdOut,
    updated_field="updated_at",
    summary="Thresholds in force on a date",
    description="One row per threshold in force on the date (default: today in Europe/Oslo). "
    "A threshold with no row for the date is left out: the data does not cover it.",
)
def list_thresholds(
    request: HttpRequest,
    date: datetime.date | None = Query(None, description=DATE_DESCRIPTION),  # noqa: B008
):
    on = date or selectors.today_oslo()
    return list(selectors.thresholds_in_force(on=on).values())


@list_endpoint(
    router,
    "/thresholds/history",
    response=ThresholdOut,
    updated_field="updated_at",
    summary="Every threshold row",
    description="All rows of every threshold, proposed ones included: by threshold, "
    "then newest first.",
)
def list_threshold_history(request: HttpRequest):
    return [row for rows in selectors.threshold_history().values() for row in rows]
