"""Moderation and the suggestion queue in the Wagtail admin."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.models import User
from apps.accounts.permissions import is_editor, is_moderator
from apps.accounts.second_factor import require_second_factor

from . import services
from .forms import BlockForm, DecisionForm, ModerationForm
from .models import Comment, Report, SuggestedChange, SuggestionStatus, Tip, TriedReport
from .selectors import moderation_queue

KINDS = {"tip": Tip, "tried": TriedReport, "comment": Comment}


def _require_moderator(request) -> None:
    """Moderators (group "Moderatorer") in a session verified with the second factor. The
    admin gate asks for it too, but it can be switched off; this cannot."""
    if not is_moderator(request.user):
        raise PermissionDenied
    require_second_factor(request)


def _require_editor(request) -> None:
    """Editors (group "Redaktører") in a session verified with the second factor."""
    if not is_editor(request.user):
        raise PermissionDenied
    require_second_factor(request)


def _item_choices(queue) -> list[tuple[str, str]]:
    choices = []
    for kind, items in (
        ("tip", queue.tips),
        ("tried", queue.tried_reports),
        ("comment", queue.comments),
        ("tip", queue.hidden_tips),
        ("tried", queue.hidden_tried_reports),
        ("comment", queue.hidden_comments),
    ):
        choices += [(f"{kind}:{item.pk}", str(item)) for item in items]
    for report in queue.reports:
        if report.target is not None:
            choices.append((f"{report.target_kind}:{report.target.pk}", str(report.target)))
    return choices


def _items_from(values: list[str]) -> list:
    by_kind: dict[str, list[int]] = {}
    for value in values:
        kind, _sep, pk = value.partition(":")
        if kind in KINDS and pk.isdigit():
            by_kind.setdefault(kind, []).append(int(pk))
    items = []
    for kind, pks in by_kind.items():
        items += list(KINDS[kind].objects.filter(pk__in=pks))
    return items


@require_http_methods(["GET", "POST"])
def queue_view(request):
    _require_moderator(request)
    queue = moderation_queue()
    form = ModerationForm(request.POST or None, choices=_item_choices(queue))
    if request.method == "POST":
        if form.is_valid():
            changed = services.moderate(
                items=_items_from(form.cleaned_data["items"]),
                moderator=request.user,
                action=form.cleaned_data["action"],
            )
            messages.success(request, _("%(count)d items changed.") % {"count": changed})
            return redirect("contributions_admin:queue")
        messages.error(request, _("Choose at least one item and an action."))
    return render(
        request,
        "contributions/admin/queue.html",
        {"queue": queue, "form": form, "block_form": BlockForm()},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def block_view(request, user_id: int):
    _require_moderator(request)
    person = get_object_or_404(User, pk=user_id)
    form = BlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for blocking the account."))
        return redirect("contributions_admin:queue")
    try:
        services.account_block(
            user=person, moderator=request.user, reason=form.cleaned_data["reason"]
        )
    except PermissionDenied:
        messages.error(request, _("This account cannot be blocked."))
    else:
        messages.success(request, _("The account is blocked from contributing."))
    return redirect("contributions_admin:queue")


@require_POST
def trust_view(request, user_id: int):
    """Trusted members publish without waiting for moderation."""
    _require_moderator(request)
    person = get_object_or_404(User, pk=user_id)
    trusted = request.POST.get("trusted") == "1"
    services.account_set_trusted(user=person, moderator=request.user, trusted=trusted)
    if trusted:
        messages.success(request, _("The account is trusted and publishes directly."))
    else:
        messages.success(request, _("The account's contributions wait for moderation again."))
    return redirect("contributions_admin:queue")


@require_POST
def report_dismiss_view(request, pk: int):
    _require_moderator(request)
    report = get_object_or_404(Report, pk=pk, resolved=False)
    services.report_dismiss(report=report, moderator=request.user)
    messages.success(request, _("The report is dismissed."))
    return redirect("contributions_admin:queue")


def suggestions_view(request):
    _require_editor(request)
    waiting = list(
        SuggestedChange.objects.filter(
            status__in=[SuggestionStatus.PENDING, SuggestionStatus.IN_REVIEW]
        ).select_related("author", "recipe")
    )
    counts = {
        "pending": sum(1 for s in waiting if s.status == SuggestionStatus.PENDING),
        "in_review": sum(1 for s in waiting if s.status == SuggestionStatus.IN_REVIEW),
    }
    return render(
        request, "contributions/admin/suggestions.html", {"suggestions": waiting, "counts": counts}
    )


@require_http_methods(["GET", "POST"])
def suggestion_detail_view(request, pk: int):
    _require_editor(request)
    suggestion = get_object_or_404(
        SuggestedChange.objects.select_related("author", "recipe"), pk=pk
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("start_review"):
                services.suggestion_start_review(suggestion=suggestion, editor=request.user)
                messages.success(request, _("A draft with the change is in review."))
                return redirect("contributions_admin:suggestion", pk=pk)
            if form.is_valid():
                services.suggestion_decide(
                    suggestion=suggestion,
                    editor=request.user,
                    accepted=form.cleaned_data["decision"] == "accept",
                    comment=form.cleaned_data["comment"],
                )
                messages.success(request, _("The decision is saved and the suggester is told."))
                return redirect("contributions_admin:suggestions")
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
    return render(
        request,
        "contributions/admin/suggestion_detail.html",
        {"suggestion": suggestion, "form": form},
        status=400 if request.method == "POST" else 200,
    )
