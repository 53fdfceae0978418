"""Reads for contributions."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet

from .models import (
    Comment,
    ContributorStanding,
    Follow,
    Report,
    Status,
    SuggestedChange,
    SuggestionStatus,
    Tip,
    TipUseful,
    TopicFollow,
    TriedReport,
)


def recipe_tried_count(*, recipe) -> int:
    """How many different municipalities report having tried the recipe (published reports)."""
    return (
        TriedReport.objects.published()
        .filter(recipe=recipe)
        .values("municipality_id")
        .distinct()
        .count()
    )


def recipe_tips(*, recipe) -> QuerySet[Tip]:
    """Published tips, most useful first, with the author and the useful count."""
    return (
        Tip.objects.published()
        .filter(recipe=recipe)
        .select_related("author")
        .annotate(useful_count=Count("useful_marks"))
        .order_by("-useful_count", "-created_at")
    )


def recipe_tried_reports(*, recipe) -> QuerySet[TriedReport]:
    return (
        TriedReport.objects.published()
        .filter(recipe=recipe)
        .select_related("municipality", "organisation", "example", "author")
        .order_by("-year", "-created_at")
    )


def tips_marked_useful_by(*, user, tips) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        TipUseful.objects.filter(user=user, tip__in=[t.pk for t in tips]).values_list(
            "tip_id", flat=True
        )
    )


def is_following(*, user, recipe) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Follow.objects.filter(user=user, recipe=recipe).exists()


def post_comments(*, post, user=None) -> list[Comment]:
    """Published comments, plus the person's own comments awaiting moderation."""
    visible = Q(status=Status.PUBLISHED)
    if getattr(user, "is_authenticated", False):
        visible |= Q(status=Status.PENDING, author=user)
    return list(
        Comment.objects.filter(visible, post=post).select_related("author").order_by("created_at")
    )


def user_pending_tips(*, user, recipe) -> list[Tip]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(Tip.objects.pending().filter(recipe=recipe, author=user))


def is_blocked(*, user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return ContributorStanding.objects.filter(user=user, blocked=True).exists()


@dataclass
class ModerationQueue:
    tips: list = field(default_factory=list)
    tried_reports: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    reports: list = field(default_factory=list)
    hidden_tips: list = field(default_factory=list)
    hidden_tried_reports: list = field(default_factory=list)
    hidden_comments: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)


def waiting_count() -> int:
    """Items waiting for a moderator: pending contributions and unresolved reports."""
    return (
        Tip.objects.pending().count()
        + TriedReport.objects.pending().count()
        + Comment.objects.pending().count()
        + Report.objects.filter(resolved=False).count()
    )


def suggestions_waiting_count() -> int:
    return SuggestedChange.objects.filter(
        status__in=[SuggestionStatus.PENDING, SuggestionStatus.IN_REVIEW]
    ).count()


def _with_content(reports: list[Report]) -> list[Report]:
    by_type: dict[int, list[int]] = {}
    for report in reports:
        by_type.setdefault(report.content_type_id, []).append(report.object_id)
    objects = {}
    for ct_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        for obj in model.objects.filter(pk__in=ids).select_related("author"):
            objects[(ct_id, obj.pk)] = obj
    for report in reports:
        target = objects.get((report.content_type_id, report.object_id))
        report.target = target
        # The template reads these plain attributes: each kind keeps its text in a different
        # field, and a template lookup of a field the kind lacks fails the whole queue.
        report.target_kind = _REPORT_KINDS.get(type(target), "")
        report.target_text = _report_text(target)
    return reports


_REPORT_KINDS = {Tip: "tip", TriedReport: "tried", Comment: "comment"}


def _report_text(target) -> str:
    if target is None:
        return ""
    if isinstance(target, TriedReport):
        return target.what_we_would_do_differently or str(target.get_outcome_display())
    return target.text


def moderation_queue(*, limit: int = 100) -> ModerationQueue:
    queue = ModerationQueue()
    queue.tips = list(Tip.objects.pending().select_related("author", "recipe")[:limit])
    queue.tried_reports = list(
        TriedReport.objects.pending().select_related("author", "recipe", "municipality")[:limit]
    )
    queue.comments = list(Comment.objects.pending().select_related("author", "post")[:limit])
    queue.reports = _with_content(
        list(Report.objects.filter(resolved=False).select_related("reporter")[:limit])
    )
    queue.hidden_tips = list(
        Tip.objects.filter(status=Status.HIDDEN).select_related("author", "recipe")[:limit]
    )
    queue.hidden_tried_reports = list(
        TriedReport.objects.filter(status=Status.HIDDEN).select_related(
            "author", "recipe", "municipality"
        )[:limit]
    )
    queue.hidden_comments = list(
        Comment.objects.filter(status=Status.HIDDEN).select_related("author", "post")[:limit]
    )
    queue.suggestions = list(
        SuggestedChange.objects.filter(
            status__in=[SuggestionStatus.PENDING, SuggestionStatus.IN_REVIEW]
        ).select_related("author", "recipe")[:limit]
    )
    queue.counts = {
        "tips": Tip.objects.pending().count(),
        "tried_reports": TriedReport.objects.pending().count(),
        "comments": Comment.objects.pending().count(),
        "reports": Report.objects.filter(resolved=False).count(),
        "suggestions": suggestions_waiting_count(),
    }
    queue.counts["total"] = (
        queue.counts["tips"]
        + queue.counts["tried_reports"]
        + queue.counts["comments"]
        + queue.counts["reports"]
    )
    return queue


def followed_topic_ids(*, user) -> set[int]:
    """Ids of the sectors (topics) the person follows; empty for anonymous visitors."""
    if user is None or not user.is_authenticated:
        return set()
    return set(TopicFollow.objects.filter(user=user).values_list("sector_id", flat=True))


def followed_recipes(*, user) -> list:
    """The recipes the person follows, by title."""
    from apps.cookbook.models import RecipePage

    ids = Follow.objects.filter(user=user).values("recipe_id")
    return list(RecipePage.objects.filter(pk__in=ids).order_by("title"))
