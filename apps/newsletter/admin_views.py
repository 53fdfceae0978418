"""Composing and sending issues in the Wagtail admin, for editors (group "Redaktører") in a
session verified with the second factor: list, compose (prefill, edit items), preview,
a test to oneself, send now, schedule."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.permissions import is_editor
from apps.accounts.second_factor import require_second_factor

from . import selectors, services, tasks
from .forms import IssueForm, ItemFormSet, ScheduleForm
from .mail import issue_context, issue_message
from .models import Issue, Subscriber


def _require_editor(request) -> None:
    if not is_editor(request.user):
        raise PermissionDenied
    require_second_factor(request)


def _items_initial(issue: Issue) -> list[dict]:
    return [{**item, "topics": ", ".join(item.get("topics") or [])} for item in issue.items or []]


def _editor_as_subscriber(request, *, language: str = "nb") -> Subscriber:
    """An unsaved subscriber with every topic: what the editor sees and gets as a test."""
    return Subscriber(email=request.user.email, language=language, topics=[])


@require_http_methods(["GET"])
def issue_list(request):
    _require_editor(request)
    issues = list(Issue.objects.order_by("-created_at")[:50])
    return render(
        request,
        "newsletter/admin/issue_list.html",
        {"issues": issues, "subscribers": selectors.confirmed_count()},
    )


@require_POST
def issue_create(request):
    _require_editor(request)
    issue = Issue.objects.create(
        title=_("Newsletter"), subject_nb=_("News from Kokeboka"), created_by=request.user
    )
    services.issue_prefill(issue=issue)
    messages.success(
        request, _("A new issue was prefilled with what was published since the last one.")
    )
    return redirect("newsletter_admin:issue", pk=issue.pk)


@require_http_methods(["GET", "POST"])
def issue_edit(request, pk: int):
    _require_editor(request)
    issue = get_object_or_404(Issue, pk=pk)
    editable = issue.status in (Issue.Status.DRAFT, Issue.Status.SCHEDULED)
    form = IssueForm(instance=issue)
    items = ItemFormSet(initial=_items_initial(issue), prefix="items")
    schedule_form = ScheduleForm()
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if not editable and action != "test":
            messages.error(request, _("This issue is being sent or was sent; it cannot change."))
            return redirect("newsletter_admin:issue", pk=issue.pk)
        if action == "prefill":
            services.issue_prefill(issue=issue)
            messages.success(request, _("The items were filled in again."))
            return redirect("newsletter_admin:issue", pk=issue.pk)
        if action == "test":
            issue_message(issue=issue, subscriber=_editor_as_subscriber(request)).send()
            messages.success(
                request, _("A test was sent to %(email)s.") % {"email": request.user.email}
            )
            return redirect("newsletter_admin:issue", pk=issue.pk)
        if action == "send":
            if tasks.issue_send_now(issue=issue):
                messages.success(request, _("Sending has started."))
            return redirect("newsletter_admin:issue", pk=issue.pk)
        if action == "unschedule":
            services.issue_unschedule(issue=issue)
            messages.success(request, _("The issue is a draft again."))
            return redirect("newsletter_admin:issue", pk=issue.pk)
        if action == "schedule":
            schedule_form = ScheduleForm(request.POST)
            if schedule_form.is_valid():
                services.issue_schedule(issue=issue, when=schedule_form.cleaned_data["when"])
                messages.success(request, _("The issue is scheduled."))
                return redirect("newsletter_admin:issue", pk=issue.pk)
        else:
            form = IssueForm(request.POST, instance=issue)
            items = ItemFormSet(request.POST, prefix="items")
            if form.is_valid() and items.is_valid():
                issue = form.save(commit=False)
                issue.items = [
                    {key: value for key, value in f.cleaned_data.items() if key != "DELETE"}
                    for f in items.forms
                    if f.cleaned_data and not f.cleaned_data.get("DELETE")
                ]
                issue.save()
                messages.success(request, _("The issue was saved."))
                return redirect("newsletter_admin:issue", pk=issue.pk)
    return render(
        request,
        "newsletter/admin/issue_edit.html",
        {
            "issue": issue,
            "form": form,
            "items": items,
            "schedule_form": schedule_form,
            "editable": editable,
            "counts": selectors.delivery_counts(issue=issue),
            "subscribers": selectors.confirmed_count(),
        },
    )


@require_http_methods(["GET"])
def issue_preview(request, pk: int):
    """The HTML part as a subscriber with every topic gets it (in ?lang= where it exists)."""
    _require_editor(request)
    issue = get_object_or_404(Issue, pk=pk)
    language = request.GET.get("lang", "nb")
    from django.template.loader import render_to_string
    from django.utils import translation

    from .mail import _ui_language

    subscriber = _editor_as_subscriber(request, language=language)
    with translation.override(_ui_language(issue.version(language)[0])):
        html = render_to_string(
            "newsletter/email/issue.html", issue_context(issue=issue, subscriber=subscriber)
        )
    return HttpResponse(html)
