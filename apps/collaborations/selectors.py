"""Reads of the collaborations app. Lists cost a fixed number of queries whatever their
length: related rows come with select_related, and permissions use the Viewer read once."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from apps.accounts.models import Organisation

from .models import Collaboration, LogEntry, StageChange
from .permissions import Viewer
from .routeguide_links import answer_url
from .stages import ORDER, Stage, next_stages

# GET value -> ordering of the broker's table; "-" in front sorts the other way.
TABLE_SORTS: dict[str, tuple[str, ...]] = {
    "title": ("title", "pk"),
    "stage": ("stage_position", "stage_changed_at", "pk"),
    "municipality": ("municipality_org__name", "title", "pk"),
    "entrepreneur": ("entrepreneur_org__name", "title", "pk"),
    # Longest in its stage first: the earliest change of stage.
    "time": ("stage_changed_at", "pk"),
    "updated": ("-updated_at", "-pk"),
}
DEFAULT_SORT = "time"


def collaborations_of(*, viewer: Viewer) -> QuerySet[Collaboration]:
    """The person's own collaborations: their organisations are a party."""
    if not viewer.is_authenticated:
        return Collaboration.objects.none()
    return Collaboration.objects.for_organisations(viewer.org_ids).for_board()


def pipeline_organisations(*, viewer: Viewer) -> list[Organisation]:
    """The municipalities' organisations whose pipeline the person sees as broker."""
    return list(Organisation.objects.filter(pk__in=viewer.broker_org_ids).order_by("name"))


def pipeline(*, viewer: Viewer, organisation_id: int | None = None) -> QuerySet[Collaboration]:
    """Collaborations of the municipalities where the person is a broker, optionally of one
    of them."""
    qs = Collaboration.objects.for_board().filter(municipality_org_id__in=viewer.broker_org_ids)
    if organisation_id is not None:
        qs = qs.filter(municipality_org_id=organisation_id)
    return qs


@dataclass(frozen=True)
class BoardColumn:
    stage: str
    label: str
    cards: list[Collaboration]


def board_columns(collaborations) -> list[BoardColumn]:
    """One column per stage, in pipeline order; longest in the stage first."""
    by_stage: dict[str, list[Collaboration]] = {stage: [] for stage in ORDER}
    for collaboration in sorted(collaborations, key=lambda c: (c.stage_changed_at, c.pk)):
        by_stage.setdefault(collaboration.stage, []).append(collaboration)
    return [
        BoardColumn(stage=stage, label=str(Stage(stage).label), cards=by_stage[stage])
        for stage in ORDER
    ]


def parse_sort(value: str | None) -> tuple[str, bool]:
    """(key, descending) from the GET value, falling back to the default."""
    value = (value or "").strip()
    descending = value.startswith("-")
    key = value.lstrip("-")
    if key not in TABLE_SORTS:
        return DEFAULT_SORT, False
    return key, descending


def table_rows(qs: QuerySet[Collaboration], *, sort: str, descending: bool) -> list[Collaboration]:
    from django.db.models import Case, IntegerField, Value, When

    qs = qs.annotate(
        stage_position=Case(
            *[When(stage=stage, then=Value(position)) for position, stage in enumerate(ORDER)],
            output_field=IntegerField(),
        )
    )
    ordering = list(TABLE_SORTS[sort])
    if descending:
        ordering = [name[1:] if name.startswith("-") else f"-{name}" for name in ordering]
    return list(qs.order_by(*ordering))


def collaboration_for_detail(pk: int) -> Collaboration | None:
    return (
        Collaboration.objects.select_related(
            "municipality_org__municipality",
            "entrepreneur_org__municipality",
            "need",
            "offer",
            "case",
            "introduction__introduced_by",
        )
        .prefetch_related("sectors", "target_groups")
        .filter(pk=pk)
        .first()
    )


def log_entries(collaboration: Collaboration) -> list[LogEntry]:
    return list(collaboration.log_entries.select_related("author"))


def stage_history(collaboration: Collaboration) -> list[StageChange]:
    return list(collaboration.stage_changes.select_related("changed_by"))


def recipes_used(collaboration: Collaboration) -> list:
    return list(collaboration.recipes.order_by("title"))


def recipe_choices(collaboration: Collaboration):
    """Published recipes not yet linked, by title."""
    from apps.cookbook.models import RecipePage

    return (
        RecipePage.objects.published()
        .exclude(pk__in=collaboration.recipes.values("pk"))
        .order_by("title")
    )


@dataclass(frozen=True)
class RouteGuideAnswerLink:
    query: str
    url: str
    regime_label: str
    # The day the answer is for, when it was saved with one.
    on: datetime.date | None = None
    # What the guide would say differently today (empty: the same); None for an answer
    # without a date or dated today.
    differences: tuple[str, ...] | None = None
    today_url: str = ""


def routeguide_links(
    collaboration: Collaboration, *, today: datetime.date | None = None
) -> list[RouteGuideAnswerLink]:
    """The saved answers, each dated one compared with today's answer to the same
    questions. The rule rows are read once for all of them (apps.routeguide.selectors.
    RuleBook), so the page costs the same number of queries whatever the number of answers
    (at most services.MAX_ROUTEGUIDE_ANSWERS)."""
    from dataclasses import replace

    from django.http import QueryDict

    from apps.routeguide.forms import SituationForm, canonical_query
    from apps.routeguide.selectors import RuleBook, compare_answers
    from apps.routeguide.vocabulary import Regime
    from apps.rules.selectors import today_oslo

    today = today or today_oslo()
    book: RuleBook | None = None
    links = []
    for item in collaboration.routeguide_answers or []:
        query = item.get("query", "")
        regime = item.get("regime", "")
        label = str(Regime(regime).label) if regime in Regime.values else ""
        on = differences = None
        today_url = ""
        form = SituationForm(QueryDict(query))
        if form.is_valid() and form.cleaned_data.get("date"):
            situation = form.situation(today=today)
            on = situation.on
            if on != today:
                book = book or RuleBook(today=today)
                then = book.answer(situation)
                now = book.answer(replace(situation, on=today))
                differences = tuple(compare_answers(then=then, now=now))
                today_url = answer_url(canonical_query(situation, dated=False))
        links.append(
            RouteGuideAnswerLink(
                query=query,
                url=answer_url(query),
                regime_label=label,
                on=on,
                differences=differences,
                today_url=today_url,
            )
        )
    return links


def fund_applications(collaboration: Collaboration) -> list:
    """The fund applications linked to the collaboration (the fund app adds the relation;
    empty while it does not exist)."""
    related = getattr(collaboration, "fund_applications", None)
    if related is None:
        return []
    return list(related.all())


def allowed_next_stages(collaboration: Collaboration) -> list[tuple[str, str]]:
    return [(stage, str(Stage(stage).label)) for stage in next_stages(collaboration.stage)]


# My page ("what is waiting for me") ---------------------------------------------------------


def dialogues_to_follow_up(*, viewer: Viewer) -> QuerySet[Collaboration]:
    """Introductions in the municipalities the person brokers for that are still at the
    first stage (dialogue): the broker's next step is to move them on or end them."""
    return Collaboration.objects.filter(
        municipality_org_id__in=viewer.broker_org_ids, stage=Stage.DIALOG
    ).order_by("stage_changed_at", "pk")


def introductions_received(*, viewer: Viewer) -> QuerySet[Collaboration]:
    """Introductions to the person's entrepreneur organisations still at the dialogue
    stage: the entrepreneur is asked to answer the municipality."""
    if not viewer.is_authenticated:
        return Collaboration.objects.none()
    return Collaboration.objects.filter(
        entrepreneur_org_id__in=viewer.org_ids, stage=Stage.DIALOG
    ).order_by("-stage_changed_at", "-pk")


def _consent_request_key():
    from django.db.models import CharField, Value
    from django.db.models.functions import Cast, Concat

    return Concat(
        Cast("pk", CharField()), Value(":"), Cast("version", CharField()), output_field=CharField()
    )


def consent_requests_waiting(*, viewer: Viewer) -> QuerySet[Collaboration]:
    """Finished collaborations of the person's entrepreneur organisations whose broker has
    asked for consent to publish them as an example (services.example_consent_request),
    and that have no consent to the texts as they are now. One query."""
    from django.db.models import Exists, F, OuterRef, Q

    from apps.operations.models import Delivery

    from .services import CONSENT_REQUEST

    if not viewer.is_authenticated:
        return Collaboration.objects.none()
    asked = Delivery.objects.filter(kind=CONSENT_REQUEST, key=OuterRef("request_key"))
    return (
        Collaboration.objects.filter(
            entrepreneur_org_id__in=viewer.org_ids, stage=Stage.AVSLUTTET, case__isnull=True
        )
        .exclude(Q(example_consent_at__isnull=False) & Q(example_consent_version=F("version")))
        .annotate(request_key=_consent_request_key())
        .filter(Exists(asked))
        .order_by("-stage_changed_at", "-pk")
    )


def consent_requested_at(collaboration: Collaboration):
    """When the entrepreneur was asked to consent to the texts as they are now, or None."""
    from apps.operations.models import Delivery

    from .services import CONSENT_REQUEST, consent_request_key

    return (
        Delivery.objects.filter(kind=CONSENT_REQUEST, key=consent_request_key(collaboration))
        .values_list("created_at", flat=True)
        .first()
    )


def example_state(collaboration: Collaboration) -> str | None:
    """Where publishing the collaboration as an example stands: None while it is not
    finished; "consent" (waiting for the entrepreneur's consent), "consent_again" (texts
    changed since the consent), "ready" (consent given, a broker may send it to the
    editors), "editor" (a draft waits for an editor) or "published" (live)."""
    from .services import has_valid_consent

    if collaboration.case_id is not None:
        return "published" if collaboration.case.live else "editor"
    if collaboration.stage != Collaboration.Stage.AVSLUTTET:
        return None
    if collaboration.example_consent_at is None:
        return "consent"
    return "ready" if has_valid_consent(collaboration) else "consent_again"
