"""Pages of assessment and follow-up. Manager, reviewer and project pages need a login and
are never cached; managers and reviewers also need a session verified with the second factor
(apps.accounts.second_factor). The list of granted projects and the statistics are public."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.second_factor import require_second_factor
from apps.core import xlsx
from apps.core.csvsafe import csv_response, safe_cell
from apps.core.forms import error_links
from apps.core.oslo import OSLO
from apps.fund.models import Application, ApplicationStatus, Call, Fund

from . import permissions, selectors, services
from .forms import (
    AssignForm,
    ConflictForm,
    DecisionForm,
    FundFilterForm,
    IndicatorFormSet,
    ManageFilterForm,
    PaymentForm,
    PlanForm,
    ReportForm,
    ReportRequireForm,
    ScoreForm,
    ScreeningForm,
)
from .models import Outcome, Payment, Report, ReportKind

GRANTED_PER_PAGE = 25
MANAGE_PER_PAGE = 50
# The screening list shows the newest this many; a link opens the whole list filtered.
SCREENING_SHOWN = 20

S = ApplicationStatus


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _breadcrumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Home"), "/"), (_("Fund"), "/fond/"), *extra]


def _manage_crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return _breadcrumbs((_("Fund management"), reverse("grants:manage")), *extra)


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


# Managers -------------------------------------------------------------------------------


@never_cache
@login_required
@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    funds = list(selectors.managed_funds(user=request.user))
    if not funds:
        raise PermissionDenied
    require_second_factor(request)
    form = ManageFilterForm.from_query(request.GET, funds=funds)
    fund, status = form.chosen_fund(), form.chosen_status()
    queue = selectors.manager_queue(user=request.user, fund=fund, status=status)
    # One count per status (one query) gives both the list's length and the number waiting
    # for screening; a status filter other than «submitted» leaves none waiting.
    by_status = selectors.status_counts(queue)
    # One page at a time: a national fund receives thousands of applications. Ranks and
    # budgets still cover every application the filter matches.
    paginator = Paginator(queue, MANAGE_PER_PAGE)
    paginator.count = sum(by_status.values())  # known already: no second COUNT
    page = paginator.get_page(request.GET.get("side"))
    applications = list(page.object_list)
    budgets = selectors.queue_figures(queue, applications)
    screening_count = by_status.get(S.SUBMITTED, 0)
    screening = list(queue.filter(status=S.SUBMITTED)[:SCREENING_SHOWN]) if screening_count else []
    screening_query = urlencode({**({"fond": fund.slug} if fund else {}), "status": S.SUBMITTED})
    return render(
        request,
        "grants/manage.html",
        {
            "funds": funds,
            "form": form,
            "fund": fund,
            "status": status,
            "applications": applications,
            "page_obj": page,
            "count": page.paginator.count,
            "budgets": budgets,
            "screening": screening,
            "screening_count": screening_count,
            "screening_more": screening_count > len(screening),
            "screening_url": f"{reverse('grants:manage')}?{screening_query}",
            "breadcrumbs": _manage_crumbs(),
        },
    )


def _managed_application(request: HttpRequest, pk: int) -> Application:
    application = selectors.application_for_manager(pk=pk)
    if application is None:
        raise Http404
    if not permissions.can_manage(request.user, application):
        raise PermissionDenied
    require_second_factor(request)
    return application


def _application_page(
    request: HttpRequest, application: Application, *, status: int = 200, **forms
) -> HttpResponse:
    assignments = selectors.assignments_for(application=application)
    summary = selectors.assessment_summary(application=application, assignments=assignments)
    decision = selectors.decision_of(application)
    reviewers = (
        selectors.available_reviewers(application=application)
        if application.status in (S.ELIGIBLE, S.IN_REVIEW)
        else []
    )
    milestones = list(application.milestones.all())
    follow_up = application.status in permissions.FOLLOW_UP
    defaults = {
        "screen_form": ScreeningForm() if application.status == S.SUBMITTED else None,
        "assign_form": AssignForm(reviewers=reviewers) if reviewers else None,
        "decision_form": (
            DecisionForm(
                amount_requested=application.amount_requested,
                cautions=selectors.decision_cautions(assignments=assignments, summary=summary),
            )
            if application.status in (S.ELIGIBLE, S.IN_REVIEW)
            else None
        ),
        "payment_form": PaymentForm(milestones=milestones) if follow_up else None,
        "plan_form": PlanForm() if follow_up and milestones else None,
        "require_form": ReportRequireForm() if follow_up else None,
    }
    defaults.update(forms)
    totals = list(zip(summary.reviewers, summary.totals, strict=True))
    context = {
        "application": application,
        "whole": selectors.whole_application(application),
        "call": application.call,
        "fund": application.call.fund,
        "assignments": assignments,
        "summary": summary,
        "totals": totals,
        "comments": selectors.score_comments(assignments=assignments),
        "shared": selectors.scores_shared(application.call),
        "decision": decision,
        "screening_note": selectors.status_note(application, S.INELIGIBLE),
        "payments": list(application.payments.select_related("milestone")),
        "reports": list(application.reports.prefetch_related("indicators")),
        "errors": error_links(*defaults.values()),
        "breadcrumbs": _manage_crumbs(
            (application.title, reverse("grants:application", args=[application.pk]))
        ),
        **defaults,
    }
    return _private(render(request, "grants/application.html", context, status=status))


@never_cache
@login_required
@require_GET
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _application_page(request, _managed_application(request, pk))


def _refused(request, application, error: ValidationError, **forms) -> HttpResponse:
    for message in error.messages:
        messages.error(request, message)
    return _application_page(request, application, status=400, **forms)


def _done(request: HttpRequest, application: Application, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("grants:application", pk=application.pk)


def _act(
    request: HttpRequest,
    application: Application,
    *,
    form,
    form_name: str,
    action: Callable[[dict], object],
    done: str | Callable[[object], str],
) -> HttpResponse:
    """One manager action on the application's page, the same way every time: bad input
    shows the page again with the form and its errors (400); the service is called with the
    form's data, and a refusal it raises (ValidationError) is shown the same way with its
    message; success returns to the page with `done` (a message, or made from the result)."""
    if not form.is_valid():
        return _application_page(request, application, status=400, **{form_name: form})
    try:
        result = action(form.cleaned_data)
    except ValidationError as error:
        return _refused(request, application, error, **{form_name: form})
    return _done(request, application, done(result) if callable(done) else done)


@login_required
@require_POST
def screen(request: HttpRequest, pk: int) -> HttpResponse:
    application = _managed_application(request, pk)
    return _act(
        request,
        application,
        form=ScreeningForm(request.POST),
        form_name="screen_form",
        action=lambda data: services.application_screen(
            application=application,
            actor=request.user,
            eligible=data["result"] == "eligible",
            note=data["note"],
        ),
        done=_("The screening is saved."),
    )


@login_required
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    application = _managed_application(request, pk)
    return _act(
        request,
        application,
        form=AssignForm(
            request.POST, reviewers=selectors.available_reviewers(application=application)
        ),
        form_name="assign_form",
        action=lambda data: services.reviewer_assign(
            application=application,
            reviewer=data["reviewer"],
            actor=request.user,
            site_url=_site_url(request),
        ),
        done=_("The reviewer is assigned and has been told."),
    )


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    application = _managed_application(request, pk)
    assignments = selectors.assignments_for(application=application)
    summary = selectors.assessment_summary(application=application, assignments=assignments)
    form = DecisionForm(
        request.POST,
        amount_requested=application.amount_requested,
        cautions=selectors.decision_cautions(assignments=assignments, summary=summary),
    )
    return _act(
        request,
        application,
        form=form,
        form_name="decision_form",
        action=lambda data: services.decision_make(
            application=application,
            actor=request.user,
            outcome=data["outcome"],
            amount=data["amount"] or 0,
            conditions=data["conditions"],
            reasons=data["reasons"],
            site_url=_site_url(request),
        ),
        done=_("The decision is saved and the applicant has been told."),
    )


@login_required
@require_POST
def sharing(request: HttpRequest, call_pk: int) -> HttpResponse:
    call = get_object_or_404(Call.objects.select_related("fund"), pk=call_pk)
    if not permissions.is_manager(request.user, call.fund):
        raise PermissionDenied
    require_second_factor(request)
    shared = request.POST.get("shared") == "1"
    services.scores_sharing_set(call=call, actor=request.user, shared=shared)
    messages.success(
        request,
        _("Reviewers can now see each other's scores.")
        if shared
        else _("Reviewers no longer see each other's scores."),
    )
    target = request.POST.get("next", "")
    if target.isdigit():
        return redirect("grants:application", pk=int(target))
    return redirect("grants:manage")


@login_required
@require_POST
def payment_add(request: HttpRequest, pk: int) -> HttpResponse:
    application = _managed_application(request, pk)
    return _act(
        request,
        application,
        form=PaymentForm(request.POST, milestones=list(application.milestones.all())),
        form_name="payment_form",
        action=lambda data: services.payment_add(
            application=application, actor=request.user, **data
        ),
        done=_("The payment is planned."),
    )


@login_required
@require_POST
def payment_plan(request: HttpRequest, pk: int) -> HttpResponse:
    application = _managed_application(request, pk)
    return _act(
        request,
        application,
        form=PlanForm(request.POST),
        form_name="plan_form",
        action=lambda data: services.payment_plan_from_milestones(
            application=application,
            actor=request.user,
            project_account=data["project_account"],
        ),
        done=lambda created: (
            ngettext("%(count)s payment planned.", "%(count)s payments planned.", len(created))
            % {"count": len(created)}
        ),
    )


@login_required
@require_POST
def payment_paid(request: HttpRequest, pk: int) -> HttpResponse:
    payment = get_object_or_404(Payment, pk=pk)
    application = _managed_application(request, payment.application_id)
    payment.application = application
    try:
        services.payment_mark_paid(payment=payment, actor=request.user)
    except ValidationError as error:
        return _refused(request, application, error)
    return _done(request, application, _("The payment is marked as paid."))


@login_required
@require_POST
def report_require(request: HttpRequest, pk: int) -> HttpResponse:
    application = _managed_application(request, pk)
    return _act(
        request,
        application,
        form=ReportRequireForm(request.POST),
        form_name="require_form",
        action=lambda data: services.report_require(
            application=application, actor=request.user, **data
        ),
        done=_("The report is requested."),
    )


@login_required
@require_POST
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report, pk=pk)
    application = _managed_application(request, report.application_id)
    report.application = application
    try:
        services.report_approve(report=report, actor=request.user)
    except ValidationError as error:
        return _refused(request, application, error)
    return _done(request, application, _("The report is approved."))


# Exports --------------------------------------------------------------------------------


def export_header() -> list[str]:
    return [
        _("Call"),
        _("Title"),
        _("Applicant"),
        _("Partners"),
        _("Sector"),
        _("Status"),
        _("Submitted"),
        _("Amount requested (NOK)"),
        _("Decision"),
        _("Amount granted (NOK)"),
        _("Decided"),
        _("Paid (NOK)"),
    ]


def export_values(rows) -> Iterator[list]:
    for application in rows:
        decision = getattr(application, "decision", None)
        yield [
            safe_cell(application.call.title),
            safe_cell(application.title),
            safe_cell(application.organisation.name),
            safe_cell(", ".join(partner.name for partner in application.partners.all())),
            safe_cell(application.sector.name if application.sector else ""),
            str(S(application.status).label),
            (
                application.submitted_at.astimezone(OSLO).strftime("%Y-%m-%d %H:%M")
                if application.submitted_at
                else ""
            ),
            application.amount_requested,
            str(Outcome(decision.outcome).label) if decision else "",
            decision.amount if decision else "",
            decision.decided_at.astimezone(OSLO).strftime("%Y-%m-%d") if decision else "",
            application.paid or 0,
        ]


def _managed_fund(request: HttpRequest, slug: str) -> Fund:
    fund = get_object_or_404(Fund, slug=slug)
    if not permissions.is_manager(request.user, fund):
        raise PermissionDenied
    require_second_factor(request)
    return fund


def _filename(fund: Fund, suffix: str) -> str:
    return f"soknader-{fund.slug}-{timezone.now().astimezone(OSLO):%Y-%m-%d}.{suffix}"


@login_required
@require_GET
def export_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    fund = _managed_fund(request, slug)
    # Semicolons for Excel set up for Norwegian; texts come from applicants, so every cell
    # goes through the one formula-safe CSV download.
    response = csv_response(
        export_values(selectors.export_rows(fund=fund)),
        header=export_header(),
        filename=_filename(fund, "csv"),
        delimiter=";",
    )
    return _private(response)


@login_required
@require_GET
def export_xlsx(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    fund = _managed_fund(request, slug)
    header = export_header()
    response = StreamingHttpResponse(
        xlsx.stream_xlsx(
            header=header,
            rows=export_values(selectors.export_rows(fund=fund)),
            title=_("Applications"),
        ),
        content_type=xlsx.CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(fund, "xlsx")}"'
    return _private(response)


# Reviewers ------------------------------------------------------------------------------


@never_cache
@login_required
@require_GET
def reviews(request: HttpRequest) -> HttpResponse:
    assignments = list(selectors.reviewer_assignments(user=request.user))
    return _private(
        render(
            request,
            "grants/reviews.html",
            {
                "assignments": assignments,
                "breadcrumbs": _breadcrumbs((_("My reviews"), reverse("grants:reviews"))),
            },
        )
    )


def _own_assignment(request: HttpRequest, pk: int):
    assignment = selectors.assignment(pk=pk)
    if assignment is None:
        raise Http404
    if not permissions.can_review(request.user, assignment):
        raise PermissionDenied
    # Scores decide who gets money, and the page shows the whole application: reviewing is
    # a decision power and needs the second factor like managing does.
    require_second_factor(request)
    return assignment


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _own_assignment(request, pk)
    application = selectors.application_of(assignment)
    criteria = list(application.call.criteria.all())
    existing = {score.criterion_id: score for score in assignment.scores.all()}
    can_score = permissions.can_score(request.user, assignment)
    form = ScoreForm(
        request.POST if request.method == "POST" else None,
        criteria=criteria,
        initial_scores=existing,
    )
    status = 200
    if request.method == "POST":
        if not can_score:
            raise PermissionDenied
        complete = request.POST.get("action") == "complete"
        if form.is_valid() and (not complete or form.check_complete()):
            try:
                services.scores_save(
                    assignment=assignment,
                    actor=request.user,
                    scores=form.scores(),
                    complete=complete,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Your review is done. Thank you.")
                    if complete
                    else _("Your scores are saved."),
                )
                return redirect("grants:review", pk=assignment.pk)
        status = 400
    shared = selectors.scores_shared(application.call)
    others = None
    if permissions.can_see_others_scores(request.user, assignment, shared=shared):
        assignments = [
            item
            for item in selectors.assignments_for(application=application)
            if item.pk != assignment.pk
        ]
        others = {
            "summary": selectors.assessment_summary(
                application=application, assignments=assignments
            ),
            "comments": selectors.score_comments(assignments=assignments),
        }
    return _private(
        render(
            request,
            "grants/review.html",
            {
                "assignment": assignment,
                "application": application,
                "whole": selectors.whole_application(application),
                "form": form,
                "can_score": can_score,
                "others": others,
                "errors": error_links(form),
                "breadcrumbs": _breadcrumbs(
                    (_("My reviews"), reverse("grants:reviews")),
                    (application.title, reverse("grants:review", args=[assignment.pk])),
                ),
            },
            status=status,
        )
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def conflict(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _own_assignment(request, pk)
    form = ConflictForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.conflict_declare(
            assignment=assignment, actor=request.user, note=form.cleaned_data["note"]
        )
        messages.success(
            request,
            _("Your conflict of interest is recorded. You are excluded from this application."),
        )
        return redirect("grants:reviews")
    return _private(
        render(
            request,
            "grants/conflict.html",
            {
                "assignment": assignment,
                "application": assignment.application,
                "form": form,
                "errors": error_links(form),
                "breadcrumbs": _breadcrumbs(
                    (_("My reviews"), reverse("grants:reviews")),
                    (_("Conflict of interest"), reverse("grants:conflict", args=[pk])),
                ),
            },
            status=400 if form.is_bound else 200,
        )
    )


# Applicant: project page, decision letter, reports ---------------------------------------


def _project(request: HttpRequest, pk: int) -> Application:
    application = selectors.project(pk=pk)
    if application is None:
        raise Http404
    if not permissions.can_view_project(request.user, application):
        raise PermissionDenied
    if not permissions.is_applicant(request.user, application):
        # Here through the fund manager role: the manager's pages need the second factor.
        require_second_factor(request)
    return application


@never_cache
@login_required
@require_GET
def project(request: HttpRequest, pk: int) -> HttpResponse:
    application = _project(request, pk)
    payments = list(application.payments.all())
    return _private(
        render(
            request,
            "grants/project.html",
            {
                "application": application,
                "decision": selectors.decision_of(application),
                "screening_note": selectors.status_note(application, S.INELIGIBLE),
                "payments": payments,
                "paid": sum(payment.amount for payment in payments if payment.is_paid),
                "reports": list(application.reports.all()),
                "can_report": permissions.can_write_report(request.user, application),
                "is_manager": permissions.is_manager(request.user, application.call.fund),
                "breadcrumbs": _breadcrumbs(
                    (application.title, reverse("grants:project", args=[application.pk]))
                ),
            },
        )
    )


@never_cache
@login_required
@require_GET
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    application = _project(request, pk)
    decision = selectors.decision_of(application)
    if decision is None:
        raise Http404
    from apps.printbook.pdf import render_pdf

    from .letters import letter_html

    pdf = render_pdf(html=letter_html(application=application, decision=decision))
    response = HttpResponse(pdf.content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="vedtak-{application.reference}.pdf"'
    return _private(response)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    application = _project(request, pk)
    found = next((item for item in application.reports.all() if item.pk == report_pk), None)
    if found is None:
        raise Http404
    can_write = permissions.can_write_report(request.user, application) and not found.is_approved
    final = found.kind == ReportKind.FINAL
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied
        form = ReportForm(request.POST, final=final)
        indicators = IndicatorFormSet(request.POST, prefix="ind")
    else:
        form = ReportForm(
            initial={"text": found.text, "results_summary": found.results_summary}, final=final
        )
        indicators = IndicatorFormSet(
            prefix="ind",
            initial=[
                {"name": item.name, "target": item.target, "value": item.value, "unit": item.unit}
                for item in found.indicators.all()
            ],
        )
    if request.method == "POST" and form.is_valid() and indicators.is_valid():
        try:
            services.report_submit(
                report=found,
                actor=request.user,
                text=form.cleaned_data["text"],
                results_summary=form.cleaned_data["results_summary"],
                indicators=[
                    services.IndicatorInput(**data) for data in indicators.cleaned_data if data
                ],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The report is sent. Thank you."))
            return redirect("grants:project", pk=application.pk)
    errors = error_links(form, *indicators.forms)
    return _private(
        render(
            request,
            "grants/report.html",
            {
                "application": application,
                "report": found,
                "form": form,
                "indicators": indicators,
                "can_write": can_write,
                "errors": errors,
                "breadcrumbs": _breadcrumbs(
                    (application.title, reverse("grants:project", args=[application.pk])),
                    (found.get_kind_display(), reverse("grants:report", args=[pk, report_pk])),
                ),
            },
            status=400 if request.method == "POST" else 200,
        )
    )


# Public ---------------------------------------------------------------------------------


@require_GET
def granted(request: HttpRequest) -> HttpResponse:
    funds = list(selectors.funds_with_grants())
    form = FundFilterForm.from_query(request.GET, funds=funds)
    fund = form.chosen_fund()
    decisions = selectors.granted_projects(fund=fund)
    # The count and the sum granted in one query; the paginator is given the count.
    totals = decisions.order_by().aggregate(count=Count("pk"), total=Sum("amount"))
    # One page at a time: a national site has thousands of grants.
    paginator = Paginator(decisions, GRANTED_PER_PAGE)
    paginator.count = totals["count"]
    page = paginator.get_page(request.GET.get("page"))
    rows = [(decision, selectors.public_results(decision)) for decision in page.object_list]
    return render(
        request,
        "grants/granted.html",
        {
            "funds": funds,
            "form": form,
            "fund": fund,
            "rows": rows,
            "count": paginator.count,
            "page_obj": page,
            "query": urlencode({"fond": fund.slug}) if fund else "",
            "total": totals["total"] or 0,
            "breadcrumbs": _breadcrumbs((_("Grants awarded"), reverse("grants:granted"))),
        },
    )


@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    funds = list(selectors.funds_with_grants())
    form = FundFilterForm.from_query(request.GET, funds=funds)
    fund = form.chosen_fund()
    rows = selectors.statistics(fund=fund)
    years: dict[int, dict] = {}
    for row in rows:
        year = years.setdefault(
            row.year, {"year": row.year, "applications": 0, "granted": 0, "amount": 0, "rows": []}
        )
        year["applications"] += row.applications
        year["granted"] += row.granted
        year["amount"] += row.amount
        year["rows"].append(row)
    return render(
        request,
        "grants/statistics.html",
        {
            "funds": funds,
            "form": form,
            "fund": fund,
            "years": list(years.values()),
            "breadcrumbs": _breadcrumbs((_("Fund statistics"), reverse("grants:statistics"))),
        },
    )
