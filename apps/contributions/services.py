"""Writes for contributions. Every function is atomic, audited, and leaves mail to the task
worker after the transaction has committed."""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Page, Revision, Workflow
from wagtail.rich_text import RichText

from apps.accounts.models import Organisation, User
from apps.accounts.permissions import EDITORS_GROUP, is_editor, is_moderator
from apps.core.models import Sector
from apps.core.services import audit_record

from .models import (
    Comment,
    ContributorStanding,
    Follow,
    Notification,
    NotificationKind,
    NotificationPreference,
    Report,
    Status,
    SuggestedChange,
    SuggestionField,
    SuggestionStatus,
    Tip,
    TipUseful,
    TopicFollow,
    TriedReport,
)

REVIEW_WORKFLOW_NAME = "Fagvurdering → Publisering"
REVIEW_TASKS = ("Fagvurdering", "Publisering")
MODERATOR_ALERT_KEY = "contributions:moderator-alert"
MODERATOR_ALERT_SECONDS = 60 * 60
MODERATED_MODELS = {"tip": Tip, "tried": TriedReport, "comment": Comment}


# Standing -------------------------------------------------------------------------------


def standing_for(*, user: User) -> ContributorStanding | None:
    return ContributorStanding.objects.filter(user=user).first()


def _initial_status(user: User) -> str:
    """Trusted members, moderators and editors publish directly; new accounts wait;
    blocked or inactive people may not contribute at all."""
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied(_("Log in to contribute."))
    standing = standing_for(user=user)
    if standing is not None and standing.blocked:
        raise PermissionDenied(_("Your account may not contribute."))
    if (standing is not None and standing.trusted) or is_moderator(user) or is_editor(user):
        return Status.PUBLISHED
    return Status.PENDING


def _clean_text(text: str, *, field: str, max_length: int) -> str:
    value = (text or "").strip()
    if not value:
        raise ValidationError({field: _("This field is required.")})
    if len(value) > max_length:
        raise ValidationError(
            {field: _("Write at most %(count)d characters.") % {"count": max_length}}
        )
    return value


def _after_contribution(obj) -> None:
    """Moderators hear about waiting items; followers about new published tips."""
    if obj.status == Status.PENDING:
        transaction.on_commit(moderators_alert_schedule)
    elif isinstance(obj, Tip) and obj.status == Status.PUBLISHED:
        _notify_followers_of_tip(obj)


@transaction.atomic
def account_set_trusted(*, user: User, moderator: User, trusted: bool) -> ContributorStanding:
    if not is_moderator(moderator):
        raise PermissionDenied
    standing, _created = ContributorStanding.objects.get_or_create(user=user)
    standing.trusted = trusted
    standing.save()
    audit_record(
        actor=moderator,
        action="contributions.account.trusted" if trusted else "contributions.account.untrusted",
        obj=standing,
    )
    return standing


@transaction.atomic
def account_block(*, user: User, moderator: User, reason: str) -> ContributorStanding:
    """Blocks the person from contributing and hides what is still waiting from them."""
    if not is_moderator(moderator):
        raise PermissionDenied
    # Moderators and editors lose their group before they can be blocked, never by a peer.
    if user.pk == moderator.pk or is_moderator(user) or is_editor(user):
        raise PermissionDenied(_("This account cannot be blocked."))
    reason = _clean_text(reason, field="reason", max_length=1000)
    standing, _created = ContributorStanding.objects.get_or_create(user=user)
    standing.blocked = True
    standing.trusted = False
    standing.blocked_reason = reason
    standing.save()
    now = timezone.now()
    for model in MODERATED_MODELS.values():
        model.objects.filter(author=user, status=Status.PENDING).update(
            status=Status.HIDDEN, moderated_at=now
        )
    audit_record(actor=moderator, action="contributions.account.blocked", obj=standing)
    return standing


@transaction.atomic
def account_unblock(*, user: User, moderator: User) -> ContributorStanding:
    if not is_moderator(moderator):
        raise PermissionDenied
    standing, _created = ContributorStanding.objects.get_or_create(user=user)
    standing.blocked = False
    standing.blocked_reason = ""
    standing.save()
    audit_record(actor=moderator, action="contributions.account.unblocked", obj=standing)
    return standing


# Tips, reports, comments -------------------------------------------------------------------


def _text_submit(model, *, author: User, text: str, max_length: int, action: str, **parent):
    """A member's text contribution (a tip on a recipe, a comment on a post): published at
    once or held for moderation by the author's standing, audited, and announced."""
    status = _initial_status(author)
    contribution = model.objects.create(
        **parent,
        author=author,
        text=_clean_text(text, field="text", max_length=max_length),
        status=status,
    )
    audit_record(actor=author, action=action, obj=contribution)
    _after_contribution(contribution)
    return contribution


@transaction.atomic
def tip_submit(*, recipe, author: User, text: str) -> Tip:
    return _text_submit(
        Tip,
        recipe=recipe,
        author=author,
        text=text,
        max_length=2000,
        action="contributions.tip.submitted",
    )


@transaction.atomic
def input_to_tip(*, recipe, text: str, author_name: str, author=None, credited_to: str = "") -> Tip:
    """Turns input given at a dialogue meeting into a published tip on the recipe. The
    organiser has already read it, so it is not held for moderation."""
    credit = (credited_to or author_name or "").strip()[:200]
    tip = Tip.objects.create(
        recipe=recipe,
        author=author if getattr(author, "pk", None) else None,
        text=_clean_text(text, field="text", max_length=2000),
        credited_to=credit,
        status=Status.PUBLISHED,
        moderated_at=timezone.now(),
    )
    audit_record(actor=author, action="contributions.tip.from_input", obj=tip)
    _after_contribution(tip)
    return tip


@transaction.atomic
def tip_mark_useful(*, tip: Tip, user: User) -> bool:
    """Marks a published tip as useful once per person; returns True when it was new."""
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    if tip.status != Status.PUBLISHED:
        raise PermissionDenied
    if tip.author_id == user.pk:
        raise PermissionDenied(_("You cannot mark your own tip as useful."))
    _mark, created = TipUseful.objects.get_or_create(tip=tip, user=user)
    return created


@transaction.atomic
def tried_report_submit(
    *,
    recipe,
    author: User,
    municipality,
    year: int,
    outcome: str,
    what_we_would_do_differently: str = "",
    organisation: Organisation | None = None,
    example=None,
) -> TriedReport:
    status = _initial_status(author)
    this_year = timezone.localdate().year
    if not (2000 <= int(year) <= this_year):
        raise ValidationError({"year": _("Enter a year between 2000 and this year.")})
    if outcome not in TriedReport.Outcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    if organisation is not None and not organisation.memberships.filter(user=author).exists():
        raise PermissionDenied(_("You are not a member of this organisation."))
    report = TriedReport.objects.create(
        recipe=recipe,
        author=author,
        organisation=organisation,
        municipality=municipality,
        year=int(year),
        outcome=outcome,
        what_we_would_do_differently=(what_we_would_do_differently or "").strip()[:3000],
        example=example,
        status=status,
    )
    audit_record(actor=author, action="contributions.tried.submitted", obj=report)
    _after_contribution(report)
    return report


@transaction.atomic
def comment_submit(*, post, author: User, text: str) -> Comment:
    return _text_submit(
        Comment,
        post=post,
        author=author,
        text=text,
        max_length=3000,
        action="contributions.comment.submitted",
    )


@transaction.atomic
def content_report(*, obj, reporter: User, reason: str) -> Report:
    """Anyone logged in may report a published contribution; moderators are alerted."""
    if reporter is None or not reporter.is_authenticated or not reporter.is_active:
        raise PermissionDenied
    if not isinstance(obj, tuple(MODERATED_MODELS.values())) or obj.status != Status.PUBLISHED:
        raise PermissionDenied
    report = Report.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        reporter=reporter,
        reason=_clean_text(reason, field="reason", max_length=1000),
    )
    audit_record(actor=reporter, action="contributions.report.created", obj=report)
    transaction.on_commit(moderators_alert_schedule)
    return report


MODERATION_ACTIONS = {
    "publish": Status.PUBLISHED,
    "hide": Status.HIDDEN,
    "restore": Status.PUBLISHED,
}


@transaction.atomic
def moderate(*, items: Iterable[Any], moderator: User, action: str) -> int:
    """Publishes, hides or restores many contributions at once and resolves their reports.
    Returns how many changed."""
    if not is_moderator(moderator):
        raise PermissionDenied
    if action not in MODERATION_ACTIONS:
        raise ValidationError({"action": _("Unknown action.")})
    new_status = MODERATION_ACTIONS[action]
    now = timezone.now()
    changed = 0
    for item in items:
        if not isinstance(item, tuple(MODERATED_MODELS.values())):
            raise ValidationError({"items": _("This cannot be moderated.")})
        if action == "restore" and item.status != Status.HIDDEN:
            continue
        was = item.status
        if was != new_status:
            item.status = new_status
            item.moderated_at = now
            item.save(update_fields=["status", "moderated_at"])
            changed += 1
            if isinstance(item, Tip) and new_status == Status.PUBLISHED and was == Status.PENDING:
                _notify_followers_of_tip(item)
        Report.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk, resolved=False
        ).update(resolved=True, resolved_by=moderator)
        audit_record(
            actor=moderator,
            action=f"contributions.moderated.{action}",
            obj=item,
            data={"from": was, "to": item.status},
        )
    return changed


@transaction.atomic
def report_dismiss(*, report: Report, moderator: User) -> Report:
    if not is_moderator(moderator):
        raise PermissionDenied
    report.resolved = True
    report.resolved_by = moderator
    report.save(update_fields=["resolved", "resolved_by"])
    audit_record(actor=moderator, action="contributions.report.dismissed", obj=report)
    return report


# Suggested changes and the review workflow --------------------------------------------------


@transaction.atomic
def suggestion_submit(
    *, recipe, author: User, field: str, text: str, reason: str, step_number: int | None = None
) -> SuggestedChange:
    _initial_status(author)  # only refuses blocked or anonymous people; editors decide anyway
    if field not in SuggestionField.values:
        raise ValidationError({"field": _("Choose which part of the recipe to change.")})
    if field == SuggestionField.STEP:
        steps = [b for b in recipe.steps if b.block_type == "step"]
        if not step_number or not (1 <= int(step_number) <= len(steps)):
            raise ValidationError({"step_number": _("Choose a step of this recipe.")})
    else:
        step_number = None
    suggestion = SuggestedChange.objects.create(
        recipe=recipe,
        author=author,
        field=field,
        step_number=step_number,
        text=_clean_text(text, field="text", max_length=5000),
        reason=_clean_text(reason, field="reason", max_length=2000),
    )
    audit_record(actor=author, action="contributions.suggestion.submitted", obj=suggestion)
    return suggestion


def review_workflow_ensure() -> Workflow:
    """The two-step workflow suggested changes go through; the data migration creates it too."""
    from wagtail.models import GroupApprovalTask, WorkflowTask

    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    workflow, _created = Workflow.objects.get_or_create(
        name=REVIEW_WORKFLOW_NAME, defaults={"active": True}
    )
    if not workflow.workflow_tasks.exists():
        for position, name in enumerate(REVIEW_TASKS):
            task = GroupApprovalTask.objects.filter(name=name).first()
            if task is None:
                task = GroupApprovalTask.objects.create(name=name)
                task.groups.set([editors])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=position)
    return workflow


def _as_rich_text(text: str) -> str:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _apply_suggestion(page, suggestion: SuggestedChange) -> None:
    if suggestion.field == SuggestionField.SUMMARY:
        page.summary = suggestion.text
    elif suggestion.field == SuggestionField.SITUATION:
        page.situation = _as_rich_text(suggestion.text)
    else:
        step_blocks = [b for b in page.steps if b.block_type == "step"]
        if not suggestion.step_number or suggestion.step_number > len(step_blocks):
            raise ValidationError({"step_number": _("The recipe no longer has this step.")})
        step_blocks[suggestion.step_number - 1].value["text"] = RichText(
            _as_rich_text(suggestion.text)
        )


def _credit(suggestion: SuggestedChange) -> str:
    name = suggestion.author.display_name if suggestion.author else _("Former member")
    return name


@transaction.atomic
def suggestion_start_review(*, suggestion: SuggestedChange, editor: User) -> Revision:
    """Applies the suggestion to a draft revision of the live recipe and submits it to the
    review workflow. The published version stays live."""
    if not is_editor(editor):
        raise PermissionDenied
    suggestion = SuggestedChange.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != SuggestionStatus.PENDING:
        raise ValidationError(_("This suggestion is already being handled."))
    from apps.cookbook.models import RecipePage

    recipe = RecipePage.objects.get(pk=suggestion.recipe_id)
    if recipe.workflow_in_progress:
        raise ValidationError(_("The recipe is already in review; finish that review first."))
    if recipe.has_unpublished_changes:
        raise ValidationError(
            _("The recipe has an unpublished draft; publish or discard it before this review.")
        )
    page = recipe.live_revision.as_object() if recipe.live_revision_id else recipe
    _apply_suggestion(page, suggestion)
    page.change_note = f"Forslag fra {_credit(suggestion)}"[:255]
    revision = page.save_revision(user=editor, log_action=True)
    workflow = review_workflow_ensure()
    workflow.start(recipe, editor)
    suggestion.status = SuggestionStatus.IN_REVIEW
    suggestion.editor = editor
    suggestion.revision = revision
    suggestion.save(update_fields=["status", "editor", "revision"])
    audit_record(
        actor=editor,
        action="contributions.suggestion.review_started",
        obj=suggestion,
        data={"revision": revision.pk},
    )
    return revision


def _approve_remaining_tasks(state, *, editor: User, comment: str) -> None:
    """Approves the current and every later task of the review in the editor's name and
    marks the workflow approved; the caller publishes the revision."""
    current = state.current_task_state
    current.approve(user=editor, update=False, comment=comment)
    later = state.workflow.workflow_tasks.filter(
        task__active=True,
        sort_order__gt=state.workflow.workflow_tasks.get(task=current.task).sort_order,
    ).select_related("task")
    for workflow_task in later.order_by("sort_order"):
        task_state = workflow_task.task.specific.start(state, user=editor)
        state.current_task_state = task_state
        state.save(update_fields=["current_task_state"])
        task_state.approve(user=editor, update=False, comment=comment)
    state.status = state.STATUS_APPROVED
    state.save(update_fields=["status"])


# Set while suggestion_decide runs, so the receivers for Wagtail's own workflow screens do not
# settle the same suggestion a second time when the service publishes or cancels.
_DECIDING: ContextVar[bool] = ContextVar("kokeboka_suggestion_deciding", default=False)


def _settle(suggestion: SuggestedChange, *, editor, accepted: bool, comment: str) -> None:
    suggestion.status = SuggestionStatus.ACCEPTED if accepted else SuggestionStatus.REJECTED
    suggestion.editor = editor if getattr(editor, "pk", None) else None
    suggestion.editor_comment = comment
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "editor", "editor_comment", "decided_at"])
    audit_record(
        actor=editor,
        action="contributions.suggestion.accepted"
        if accepted
        else "contributions.suggestion.rejected",
        obj=suggestion,
        data={"through": "wagtail-workflow"},
    )
    from .tasks import send_suggestion_outcome

    suggestion_id = suggestion.pk
    transaction.on_commit(lambda: send_suggestion_outcome.enqueue(suggestion_id=suggestion_id))


def _workflow_decision(*, first_revision_id: int, last_revision_id: int) -> tuple[str, Any]:
    """The comment and the reviewer of the last approved review task on these revisions."""
    from wagtail.models import TaskState

    states = (
        TaskState.objects.filter(
            revision_id__gte=first_revision_id,
            revision_id__lte=last_revision_id,
            status=TaskState.STATUS_APPROVED,
        )
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
    )
    last = states.first()
    commented = states.exclude(comment="").first()
    return (commented.comment if commented else ""), (last.finished_by if last else None)


@transaction.atomic
def suggestions_settle_published(*, recipe_id: int, revision_id: int, editor) -> int:
    """A recipe version published through Wagtail's own screens (the last review task
    approved, or the publish button) accepts the suggestions under review whose draft it
    contains; the suggester is told, with the reviewer's comment. Returns how many."""
    if _DECIDING.get():
        return 0
    suggestions = list(
        SuggestedChange.objects.select_for_update().filter(
            recipe_id=recipe_id,
            status=SuggestionStatus.IN_REVIEW,
            revision_id__isnull=False,
            revision_id__lte=revision_id,
        )
    )
    for suggestion in suggestions:
        comment, reviewer = _workflow_decision(
            first_revision_id=suggestion.revision_id, last_revision_id=revision_id
        )
        _settle(suggestion, editor=reviewer or editor, accepted=True, comment=comment)
    return len(suggestions)


@transaction.atomic
def suggestions_settle_rejected(*, recipe_id: int, revision_id: int, editor, comment: str) -> int:
    """A review task rejected on Wagtail's own screens rejects the suggestions under review
    whose draft was the one rejected (or an earlier one); the live version is unchanged and
    the suggester is told, with the reviewer's comment. Returns how many."""
    if _DECIDING.get():
        return 0
    suggestions = list(
        SuggestedChange.objects.select_for_update().filter(
            recipe_id=recipe_id,
            status=SuggestionStatus.IN_REVIEW,
            revision_id__isnull=False,
            revision_id__lte=revision_id,
        )
    )
    for suggestion in suggestions:
        _settle(suggestion, editor=editor, accepted=False, comment=(comment or "").strip())
    return len(suggestions)


@transaction.atomic
def suggestion_decide(
    *, suggestion: SuggestedChange, editor: User, accepted: bool, comment: str
) -> SuggestedChange:
    """Accepting approves the review and publishes the draft (its change note credits the
    suggester); rejecting leaves the live version as it is. The suggester is emailed."""
    if not is_editor(editor):
        raise PermissionDenied
    token = _DECIDING.set(True)
    try:
        return _suggestion_decide(
            suggestion=suggestion, editor=editor, accepted=accepted, comment=comment
        )
    finally:
        _DECIDING.reset(token)


def _suggestion_decide(
    *, suggestion: SuggestedChange, editor: User, accepted: bool, comment: str
) -> SuggestedChange:
    suggestion = SuggestedChange.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status not in (SuggestionStatus.PENDING, SuggestionStatus.IN_REVIEW):
        raise ValidationError(_("This suggestion has already been decided."))
    comment = (comment or "").strip()
    if not accepted and not comment:
        raise ValidationError({"comment": _("Tell the suggester why the change was not made.")})
    from apps.cookbook.models import RecipePage

    recipe = RecipePage.objects.get(pk=suggestion.recipe_id)
    if accepted and suggestion.revision_id is None:
        suggestion_start_review(suggestion=suggestion, editor=editor)
        suggestion.refresh_from_db()
        recipe.refresh_from_db()
    state = recipe.current_workflow_state
    ours = (
        state is not None
        and suggestion.revision_id is not None
        and (
            state.current_task_state is not None
            and state.current_task_state.revision_id == suggestion.revision_id
        )
    )
    if accepted:
        if ours:
            _approve_remaining_tasks(state, editor=editor, comment=comment)
        recipe.refresh_from_db()
        if recipe.live_revision_id != suggestion.revision_id:
            # The service has checked is_editor; Wagtail's page permissions are not required.
            suggestion.revision.publish(user=editor, skip_permission_checks=True)
    else:
        if ours:
            state.cancel(user=editor)
        if suggestion.revision_id and recipe.latest_revision_id == suggestion.revision_id:
            # Back to the live version, so the next edit does not start from the rejected draft.
            Page.objects.filter(pk=recipe.pk).update(
                latest_revision_id=recipe.live_revision_id,
                has_unpublished_changes=False,
                draft_title=recipe.title,
            )
    suggestion.status = SuggestionStatus.ACCEPTED if accepted else SuggestionStatus.REJECTED
    suggestion.editor = editor
    suggestion.editor_comment = comment
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "editor", "editor_comment", "decided_at"])
    audit_record(
        actor=editor,
        action="contributions.suggestion.accepted"
        if accepted
        else "contributions.suggestion.rejected",
        obj=suggestion,
    )
    from .tasks import send_suggestion_outcome

    suggestion_id = suggestion.pk
    transaction.on_commit(lambda: send_suggestion_outcome.enqueue(suggestion_id=suggestion_id))
    return suggestion


# Follows and notifications ------------------------------------------------------------------


@transaction.atomic
def follow_toggle(*, user: User, recipe) -> bool:
    """Follows the recipe, or stops following it; returns True when now following."""
    if user is None or not user.is_authenticated:
        raise PermissionDenied
    deleted, _rows = Follow.objects.filter(user=user, recipe=recipe).delete()
    if deleted:
        return False
    Follow.objects.create(user=user, recipe=recipe)
    NotificationPreference.objects.get_or_create(user=user)
    return True


@transaction.atomic
def notification_frequency_set(*, user: User, frequency: str) -> NotificationPreference:
    if frequency not in NotificationPreference.Frequency.values:
        raise ValidationError({"frequency": _("Choose how often.")})
    preference, _created = NotificationPreference.objects.get_or_create(user=user)
    preference.frequency = frequency
    preference.save(update_fields=["frequency"])
    return preference


@transaction.atomic
def topic_follow_toggle(*, user: User, sector: Sector) -> bool:
    """Follows the topic (a sector tag), or stops following it; True when now following."""
    if user is None or not user.is_authenticated:
        raise PermissionDenied
    deleted, _rows = TopicFollow.objects.filter(user=user, sector=sector).delete()
    if deleted:
        return False
    TopicFollow.objects.create(user=user, sector=sector)
    NotificationPreference.objects.get_or_create(user=user)
    return True


def recipe_follower_ids(*, recipe_id: int) -> list[int]:
    """Everyone who follows the recipe itself or one of the topics it is tagged with, once
    each, in id order. Recipes without a sector (they fit every sector) reach only their own
    followers, so following a topic does not bring every general recipe along."""
    from apps.cookbook.models import RecipePage

    sector_ids = RecipePage.sectors.through.objects.filter(recipepage_id=recipe_id).values(
        "sector_id"
    )
    direct = Follow.objects.filter(recipe_id=recipe_id).values_list("user_id", flat=True)
    topical = TopicFollow.objects.filter(sector_id__in=sector_ids).values_list("user_id", flat=True)
    return sorted(set(direct) | set(topical))


def _notify_followers_of_tip(tip: Tip) -> None:
    followers = [
        user_id
        for user_id in recipe_follower_ids(recipe_id=tip.recipe_id)
        if user_id != tip.author_id
    ]
    Notification.objects.bulk_create(
        Notification(user_id=user_id, kind=NotificationKind.NEW_TIP, recipe_id=tip.recipe_id)
        for user_id in followers
    )


def recipe_version_notify(*, recipe, change_note: str) -> int:
    """Called when a recipe version is published: followers of the recipe and of its topics
    hear about it in their digest."""
    followers = recipe_follower_ids(recipe_id=recipe.pk)
    Notification.objects.bulk_create(
        Notification(
            user_id=user_id,
            kind=NotificationKind.NEW_VERSION,
            recipe_id=recipe.pk,
            text=change_note or "",
        )
        for user_id in followers
    )
    return len(followers)


def moderators_alert_schedule() -> bool:
    """Enqueues one alert to the moderators at most once an hour; returns True when it did."""
    if not cache.add(MODERATOR_ALERT_KEY, 1, timeout=MODERATOR_ALERT_SECONDS):
        return False
    from .tasks import alert_moderators

    alert_moderators.enqueue()
    return True
