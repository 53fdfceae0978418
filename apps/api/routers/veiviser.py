"""The route guide (veiviser) as open data. Mounted at /api/v1/veiviser.

Input is validated by the same form as the web pages, so both give the same answers and
the same messages. Bad input gives HTTP 422 with one message per field. A date the rule
data does not cover gives HTTP 200 with regime «UNKNOWN» and a DATA_GAP warning: the
guide never invents an answer.
"""

import datetime

from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from apps.routeguide.engine import Answer
from apps.routeguide.forms import SituationForm, canonical_query
from apps.routeguide.selectors import answer_for, recipes_for
from apps.routeguide.vocabulary import (
    Authority,
    OnMarket,
    Overlay,
    Procedure,
    Provider,
    Purpose,
    Regime,
    Service,
    WarningCode,
    YesNo,
)
from apps.rules.models import Threshold
from apps.rules.selectors import today_oslo

router = Router(tags=["Route guide"])


def _one_of(choices) -> str:
    return "One of: " + ", ".join(choices.values) + "."


class VeiviserQuery(Schema):
    purpose: str | None = Field(
        None,
        description="What the authority wants to do (required). " + _one_of(Purpose),
        json_schema_extra={"enum": Purpose.values},
    )
    value: str | None = Field(
        None,
        description="Estimated total value in whole NOK excluding VAT, over the whole period "
        "including options. Required unless annual_value and years are given, or purpose is "
        "dialogue.",
        examples=["1800000"],
    )
    annual_value: str | None = Field(
        None,
        description="Value per year in whole NOK excluding VAT; the guide multiplies it by "
        "years. Give either value or annual_value with years.",
    )
    years: str | None = Field(None, description="Number of years (1–50) for annual_value.")
    service: str | None = Field(
        None,
        description="Kind of purchase (required). " + _one_of(Service),
        json_schema_extra={"enum": Service.values},
    )
    provider: str | None = Field(
        None,
        description="Who the authority wants to work with (required). " + _one_of(Provider),
        json_schema_extra={"enum": Provider.values},
    )
    authority: str | None = Field(
        None,
        description="Who is buying (required). " + _one_of(Authority),
        json_schema_extra={"enum": Authority.values},
    )
    on_market: str | None = Field(
        None,
        description="Can the solution be bought on the market today (required). "
        + _one_of(OnMarket),
        json_schema_extra={"enum": OnMarket.values},
    )
    counter_performance: str | None = Field(
        None,
        description="Grants only (required when purpose=grant): must the recipient deliver "
        "something in return? " + _one_of(YesNo),
        json_schema_extra={"enum": YesNo.values},
    )
    benefits_shared: str | None = Field(
        None,
        description="Research and development only (required when purpose=rd or service=rd): "
        "does the authority not both pay for all of it and keep all of the benefit? "
        + _one_of(YesNo),
        json_schema_extra={"enum": YesNo.values},
    )
    date: str | None = Field(
        None,
        description="The date to answer for, YYYY-MM-DD. Default: today in Europe/Oslo.",
        json_schema_extra={"format": "date"},
        examples=["2024-03-14"],
    )


class CitationOut(Schema):
    code: str = Field(description="Stable rule code, e.g. «foa-8-8».")
    citation: str = Field(description="The legal citation, e.g. «FOA § 8-8».")
    title: str = Field(description="Short title in Norwegian.")
    url: str = Field(description="Link to the official text or source; may be empty.")
    rule_url: str = Field(description="The rule on Kokeboka's page of legal rules.")
    verified: bool = Field(description="False: not yet checked against the source.")
    pending: bool = Field(description="True for a proposed rule that is not in force.")


class ThresholdUsedOut(Schema):
    key: str = Field(description=_one_of(Threshold.Key))
    amount: int = Field(description="Whole NOK excluding VAT.")
    valid_from: datetime.date | None = Field(description="First day this amount is in force.")
    citation: str
    url: str = Field(description="Source of the amount; may be empty.")
    verified: bool


class RecipeOut(Schema):
    title: str
    url: str


class WarningOut(Schema):
    code: str = Field(description=_one_of(WarningCode))
    message: str = Field(description="In Norwegian.")


class VeiviserOut(Schema):
    date: datetime.date = Field(description="The date answered for.")
    value: int | None = Field(description="The total value used, NOK excluding VAT.")
    regime: str | None = Field(
        description=_one_of(Regime)
        + " UNKNOWN: the rule data does not cover the date (see the DATA_GAP warning). "
        "null: not decided because no value was given (purpose=dialogue)."
    )
    regime_label: str
    procedures: list[str] = Field(description="Codes; each one of: " + ", ".join(Procedure.values))
    overlays: list[str] = Field(
        description="Duties and options; each one of: " + ", ".join(Overlay.values)
    )
    citations: list[CitationOut]
    thresholds: list[ThresholdUsedOut] = Field(description="The thresholds compared with.")
    recipes: list[RecipeOut] = Field(description="Published recipes citing these rules.")
    warnings: list[WarningOut]
    explanation: list[str] = Field(description="Why, one Norwegian sentence per statement.")
    answer_url: str = Field(description="The same answer as a web page.")


class FieldErrorOut(Schema):
    loc: list[str] = Field(description='["query", <parameter>]')
    msg: str
    type: str


class ValidationErrorOut(Schema):
    detail: list[FieldErrorOut]


def _errors(form: SituationForm) -> list[dict]:
    return [
        {"loc": ["query", name], "msg": error["message"], "type": error["code"] or "invalid"}
        for name, errors in form.errors.get_json_data().items()
        for error in errors
    ]


def _payload(request: HttpRequest, answer: Answer, query: str) -> dict:
    return {
        "date": answer.situation.on,
        "value": answer.value,
        "regime": answer.regime,
        "regime_label": str(answer.regime_label),
        "procedures": answer.procedure_codes,
        "overlays": answer.overlay_codes,
        "citations": [
            {
                "code": rule.code,
                "citation": rule.citation,
                "title": rule.title,
                "url": rule.url,
                "rule_url": request.build_absolute_uri(rule.page_url) if rule.page_url else "",
                "verified": rule.verified,
                "pending": rule.pending,
            }
            for rule in answer.citations
        ],
        "thresholds": [
            {
                "key": row.key,
                "amount": row.amount,
                "valid_from": row.valid_from,
                "citation": row.citation,
                "url": row.source_url,
                "verified": row.verified,
            }
            for row in answer.thresholds
        ],
        "recipes": [
            {"title": link.title, "url": request.build_absolute_uri(link.url)}
            for link in recipes_for(answer=answer, request=request)
        ],
        "warnings": [
            {"code": notice.code, "message": notice.statement.render()}
            for notice in answer.warnings
        ],
        "explanation": [statement.render() for statement in answer.explanation],
        "answer_url": request.build_absolute_uri(f"{reverse('routeguide:answer')}?{query}"),
    }


@router.get(
    "",
    response={200: VeiviserOut, 422: ValidationErrorOut},
    summary="Ask the route guide",
    description=(
        "Which procurement regime applies to a situation on a date, the procedures open, "
        "the duties and options that follow, the citations and thresholds behind the answer, "
        "warnings, and recipes to read next. Explanations and warnings are in Norwegian. "
        "Every amount and citation comes from the dated rule data, so the answer for a past "
        "date stays as it was. A date the data does not cover gives regime UNKNOWN with a "
        "DATA_GAP warning (status 200). Invalid input gives 422 with one entry per field."
    ),
)
def ask(request: HttpRequest, params: Query[VeiviserQuery]):
    with translation.override("nb"):
        data = QueryDict(mutable=True)
        for name, value in params.dict().items():
            if value is not None:
                data[name] = value
        form = SituationForm(data)
        if not form.is_valid():
            raise ValidationError(_errors(form))
        situation = form.situation(today=today_oslo())
        query = canonical_query(situation, dated=form.cleaned_data.get("date") is not None)
        return _payload(request, answer_for(situation=situation), query)
