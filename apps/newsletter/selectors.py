"""Reads of the newsletter: topics, what was published since the last issue (read-only
through the other apps' selectors and models), and what one subscriber receives."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.core.models import vocabulary_name
from apps.core.vocabulary import NAMES_EN, NAMES_NN, SECTORS

from .models import Delivery, Issue, Subscriber

TOPIC_CODES = [code for code, _name in SECTORS]
# When no issue was sent yet, the first one looks this far back.
FIRST_ISSUE_LOOKBACK = datetime.timedelta(days=30)
ITEMS_PER_KIND = 10
SUMMARY_LENGTH = 300


def topic_choices() -> list[tuple[str, str]]:
    """(code, name in the active language) of every topic."""
    return [
        (code, vocabulary_name(name, NAMES_NN.get(code, ""), NAMES_EN.get(code, "")))
        for code, name in SECTORS
    ]


def topic_names(codes: list[str]) -> list[str]:
    names = dict(topic_choices())
    return [names[code] for code in codes if code in names]


def subscriber_for_email(email: str) -> Subscriber | None:
    return Subscriber.objects.filter(email__iexact=(email or "").strip()).first()


def last_sent_at(*, exclude: Issue | None = None) -> datetime.datetime:
    sent = Issue.objects.filter(status=Issue.Status.SENT, sent_at__isnull=False)
    if exclude is not None and exclude.pk:
        sent = sent.exclude(pk=exclude.pk)
    latest = sent.order_by("-sent_at").values_list("sent_at", flat=True).first()
    return latest or timezone.now() - FIRST_ISSUE_LOOKBACK


def _short(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rstrip() + "…"


def _codes(obj) -> list[str]:
    return sorted({s.code for s in obj.sectors.all()})


def published_since(*, since: datetime.datetime) -> list[dict]:
    """Items for a new issue: posts, recipes published or revised, meetings open for
    registration, open calls with their deadlines and new public needs, each with a site path
    (made absolute when mailed) and the sector codes it concerns (empty: everyone)."""
    from apps.blog.selectors import published_posts
    from apps.broker.selectors import needs_public
    from apps.cookbook.models import RecipePage
    from apps.events.selectors import events_upcoming
    from apps.fund.selectors import calls_open

    now = timezone.now()
    items: list[dict] = []
    for post in (
        published_posts()
        .filter(first_published_at__gte=since)
        .order_by("-first_published_at")[:ITEMS_PER_KIND]
    ):
        items.append(
            {
                "kind": "post",
                "title": post.title,
                "url": post.url or "/",
                "summary": _short(post.intro),
                "topics": [],
            }
        )
    recipes = (
        RecipePage.objects.live()
        .public()
        .filter(last_published_at__gte=since)
        .prefetch_related("sectors")
        .order_by("-last_published_at")[:ITEMS_PER_KIND]
    )
    for recipe in recipes:
        new = recipe.first_published_at and recipe.first_published_at >= since
        items.append(
            {
                "kind": "recipe" if new else "recipe_revised",
                "title": recipe.title,
                "url": recipe.url or "/",
                "summary": _short(recipe.summary),
                "topics": _codes(recipe),
            }
        )
    for event in events_upcoming(now=now)[: ITEMS_PER_KIND * 3]:
        if not event.registration_open(now):
            continue
        items.append(
            {
                "kind": "meeting",
                "title": event.title,
                "url": event.get_absolute_url(),
                "summary": _short(event.summary),
                "deadline": date_format(
                    timezone.localtime(event.registration_deadline), "DATETIME_FORMAT"
                ),
                "topics": [],
            }
        )
        if sum(1 for i in items if i["kind"] == "meeting") >= ITEMS_PER_KIND:
            break
    for call in calls_open(now=now).select_related("fund")[:ITEMS_PER_KIND]:
        items.append(
            {
                "kind": "call",
                "title": f"{call.fund.name}: {call.title}" if call.fund_id else call.title,
                "url": call.get_absolute_url(),
                "summary": _short(call.text),
                "deadline": (
                    date_format(timezone.localtime(call.deadline), "DATETIME_FORMAT")
                    if call.deadline
                    else ""
                ),
                "topics": [],
            }
        )
    needs = (
        needs_public()
        .filter(created_at__gte=since)
        .prefetch_related("sectors")
        .order_by("-created_at")[:ITEMS_PER_KIND]
    )
    for need in needs:
        items.append(
            {
                "kind": "need",
                "title": need.title,
                "url": need.get_absolute_url(),
                "summary": _short(need.description),
                "topics": _codes(need),
            }
        )
    return items


KIND_ORDER = ("post", "recipe", "recipe_revised", "meeting", "call", "need")


def sections_for(*, issue: Issue, subscriber: Subscriber) -> list[dict]:
    """The issue's items this subscriber asked for, grouped by kind in a fixed order, with
    translated headings (call inside the subscriber's language)."""
    headings = {
        "post": _("From the blog"),
        "recipe": _("New recipes"),
        "recipe_revised": _("Recipes with a new version"),
        "meeting": _("Meetings open for registration"),
        "call": _("Open calls"),
        "need": _("New needs from municipalities"),
    }
    sections = []
    for kind in KIND_ORDER:
        items = [
            item
            for item in issue.items or []
            if item.get("kind") == kind and subscriber.wants(item.get("topics") or [])
        ]
        if items:
            sections.append({"heading": headings[kind], "items": items})
    other = [
        item
        for item in issue.items or []
        if item.get("kind") not in KIND_ORDER and subscriber.wants(item.get("topics") or [])
    ]
    if other:
        sections.append({"heading": _("Also"), "items": other})
    return sections


def delivery_counts(*, issue: Issue) -> dict[str, int]:
    counts = dict(
        Delivery.objects.filter(issue=issue)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status, _label in Delivery.Status.choices}


def confirmed_count() -> int:
    return Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count()


def issues_due(*, now: datetime.datetime | None = None):
    return Issue.objects.filter(
        status=Issue.Status.SCHEDULED, scheduled_at__lte=now or timezone.now()
    ).order_by("scheduled_at", "pk")


def unfinished_rows(*, issue: Issue):
    return Delivery.objects.filter(issue=issue).filter(
        Q(status=Delivery.Status.PENDING)
        | Q(status=Delivery.Status.SENDING)
        | Q(status=Delivery.Status.RETRY)
    )
