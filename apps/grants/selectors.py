"""Reads of assessment and follow-up: one query (or a fixed few) per list."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import (
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    prefetch_related_objects,
)
from django.db.models.functions import ExtractYear
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from apps.accounts.models import PUBLIC_SECTOR_TYPES, Membership, MembershipRole, User
from apps.core.models import vocabulary_name
from apps.core.oslo import OSLO
from apps.fund import selectors as fund_selectors
from apps.fund.models import (
    Application,
    ApplicationStatus,
    Attachment,
    Call,
    EligibilityAnswer,
    Fund,
)

from . import permissions
from .models import (
    AssessmentSettings,
    Decision,
    Outcome,
    Payment,
    Report,
    ReportKind,
    ReviewerAssignment,
    Score,
)
from .scoring import (
    LARGE_SPREAD,
    CriterionInfo,
    ReviewInfo,
    Summary,
    large_spread,
    mean,
    summarise,
    weighted_mean,
)

S = ApplicationStatus


def managed_funds(*, user) -> QuerySet[Fund]:
    """The funds whose organisation has given the user the fund manager role."""
    if not (user.is_authenticated and user.is_active):
        return Fund.objects.none()
    return (
        Fund.objects.filter(
            organisation__memberships__user=user,
            organisation__memberships__role=MembershipRole.FUND_MANAGER,
            organisation__verified_at__isnull=False,
            organisation__type__in=PUBLIC_SECTOR_TYPES,
        )
        .select_related("organisation")
        .distinct()
        .order_by("name")
    )


# What the management list shows of an application (apps/grants/templates/grants/manage.html).
QUEUE_FIELDS = (
    "title",
    "status",
    "amount_requested",
    "submitted_at",
    "created_at",
    "call__title",
    "organisation__name",
)


def manager_queue(*, user, fund: Fund | None = None, status: str = "") -> QuerySet[Application]:
    """Submitted (and later) applications of the funds the user manages, newest first. The
    page shows one page of it; queue_figures adds the figures of the rows shown."""
    rows = Application.objects.filter(call__fund__in=managed_funds(user=user)).exclude(
        status__in=permissions.HIDDEN_FROM_MANAGERS
    )
    if fund is not None:
        rows = rows.filter(call__fund=fund)
    if status:
        rows = rows.filter(status=status)
    # Only the columns the page shows: the rows' long texts and stored draft input (JSON),
    # the calls' texts and eligibility lists (JSON) and the funds were read and decoded for
    # every row shown without being used (docs/decisions/0036-stored-rankings.md).
    return (
        rows.select_related("call", "organisation")
        .only(*QUEUE_FIELDS)
        .order_by("-submitted_at", "-pk")
    )


def status_counts(queue: QuerySet[Application]) -> dict[str, int]:
    """How many applications of the queue have each status, in one grouped query."""
    return dict(queue.order_by().values_list("status").annotate(total=Count("pk")))


@dataclass(frozen=True)
class CallBudget:
    """A call's budget against the money granted in it (every granted decision of the call,
    whatever the list's filter shows)."""

    call: Call
    budget: int
    granted: int

    @property
    def left(self) -> int:
        return self.budget - self.granted

    @property
    def over(self) -> bool:
        return self.granted > self.budget


def queue_figures(queue: QuerySet[Application], shown: list[Application]) -> list[CallBudget]:
    """Adds to each application shown its review progress (`reviews_done` of
    `reviewers_count` non-conflicted assignments), its weighted score (the mean of the
    complete, non-conflicted reviews' weighted totals) and its rank within its call among
    every application of `queue` (the whole filtered list, on every page; 1 = highest score;
    unscored ones have none), and returns the budget of each call in `queue`.

    Two queries whatever the number of rows, none of them loading a model per score: the
    queue's calls with their criteria's weight sum and count and the sum granted in each, and
    the non-conflicted assignments of the queue each with its sum of score × weight and its
    number of scores (summed by the database). The rounding is scoring's own, so the figures
    are those of the application page's side-by-side summary."""
    ids = queue.order_by().values("pk")
    granted_in_call = (
        Decision.objects.filter(application__call_id=OuterRef("pk"), outcome=Outcome.GRANTED)
        .order_by()
        .values("application__call_id")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    calls = {
        call.pk: call
        for call in Call.objects.filter(pk__in=queue.order_by().values("call_id"))
        .only("title", "budget")
        .annotate(
            criteria_count=Count("criteria"),
            weight_sum=Sum("criteria__weight"),
            granted=Subquery(granted_in_call),
        )
    }
    in_call = Q(scores__criterion__call_id=F("application__call_id"))
    assignments = (
        ReviewerAssignment.objects.filter(application__in=ids, conflict_declared=False)
        .values("pk", "application_id", "application__call_id", "completed_at", "assigned_at")
        .annotate(
            product_sum=Sum(F("scores__score") * F("scores__criterion__weight"), filter=in_call),
            scored=Count("scores", filter=in_call),
        )
        .order_by("assigned_at", "pk")
    )
    progress: dict[int, list[int]] = {}
    totals: dict[int, list[float]] = {}
    call_of: dict[int, int] = {}
    for row in assignments:
        application_id = row["application_id"]
        call = calls[row["application__call_id"]]
        call_of[application_id] = call.pk
        done_and_assigned = progress.setdefault(application_id, [0, 0])
        done_and_assigned[1] += 1
        if row["completed_at"] is not None:
            done_and_assigned[0] += 1
        complete = call.criteria_count and row["scored"] == call.criteria_count
        if complete and call.weight_sum:
            totals.setdefault(application_id, []).append(
                weighted_mean(row["product_sum"], call.weight_sum)
            )
    scores = {application_id: mean(values) for application_id, values in totals.items()}
    ranks: dict[int, int] = {}
    by_call: dict[int, list[tuple[float, int]]] = {}
    for application_id, score in scores.items():
        by_call.setdefault(call_of[application_id], []).append((score, application_id))
    for rows in by_call.values():
        rows.sort(key=lambda row: -row[0])
        rank, previous = 0, None
        for position, (score, application_id) in enumerate(rows, start=1):
            if score != previous:  # equal scores share a rank
                rank, previous = position, score
            ranks[application_id] = rank
    for application in shown:
        application.reviews_done, application.reviewers_count = progress.get(application.pk, (0, 0))
        application.weighted_score = scores.get(application.pk)
        application.rank = ranks.get(application.pk)
    return [
        CallBudget(call=call, budget=call.budget, granted=call.granted or 0)
        for call in sorted(calls.values(), key=lambda call: call.title)
    ]


def _whole_application_prefetches() -> list:
    """What whole_application and the application pages read beside the row itself."""
    return [
        "partners",
        "budget_lines",
        "milestones",
        Prefetch("attachments", queryset=Attachment.objects.select_related("required")),
        Prefetch("eligibility_answers", queryset=EligibilityAnswer.objects.all()),
        "call__eligibility_questions",
    ]


def application_for_manager(*, pk: int) -> Application | None:
    return (
        Application.objects.select_related("call", "call__fund", "organisation", "sector")
        .prefetch_related(*_whole_application_prefetches())
        .filter(pk=pk)
        .first()
    )


def application_of(assignment: ReviewerAssignment) -> Application:
    """The assignment's application as application_for_manager gives it, from the row that
    `assignment()` already joined (call, fund, organisation and sector): only the related
    lists are read, not the application a second time."""
    application = assignment.application
    prefetch_related_objects([application], *_whole_application_prefetches())
    return application


def whole_application(application: Application) -> dict:
    """What a manager or reviewer reads beside the scoring form: budget totals with
    co-funding, eligibility answers next to their questions and the attachments. Works on the
    rows prefetched by application_for_manager, so it adds no query."""
    answers = {answer.question_id: answer for answer in application.eligibility_answers.all()}
    return {
        "totals": fund_selectors.budget_totals(lines=application.budget_lines.all()),
        "questions": [
            (question, answers.get(question.pk))
            for question in application.call.eligibility_questions.all()
        ],
        "attachments": list(application.attachments.all()),
    }


def decision_cautions(*, assignments: list[ReviewerAssignment], summary: Summary) -> list[str]:
    """Why a decision now deserves a confirmation, in words for the manager: no reviewer
    assigned, reviews not yet marked done (by reviewers without a conflict), or weighted totals
    LARGE_SPREAD or more apart. Empty when there is nothing to confirm."""
    active = [item for item in assignments if not item.conflict_declared]
    reasons = []
    if not active:
        reasons.append(_("No reviewer has assessed this application."))
    else:
        done = sum(1 for item in active if item.completed_at is not None)
        if done < len(active):
            reasons.append(
                _("Only %(done)s of %(assigned)s reviews are done.")
                % {"done": done, "assigned": len(active)}
            )
    if large_spread(summary):
        reasons.append(
            _(
                "The reviewers' weighted totals are %(range)s apart (%(limit)s or more on the "
                "scale 0–5 counts as a large spread)."
            )
            % {
                "range": number_format(summary.total_spread.range, 1),
                "limit": number_format(LARGE_SPREAD, 1),
            }
        )
    return reasons


def scores_shared(call: Call) -> bool:
    return AssessmentSettings.objects.filter(call=call, scores_shared=True).exists()


def assignments_for(*, application: Application) -> list[ReviewerAssignment]:
    return list(
        ReviewerAssignment.objects.filter(application=application)
        .select_related("reviewer")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")))
        .order_by("assigned_at", "pk")
    )


def assessment_summary(
    *, application: Application, assignments: list[ReviewerAssignment] | None = None
) -> Summary:
    """The side-by-side figures: criteria with weights, every non-conflicted reviewer's
    scores, weighted totals, spread and missing reviews."""
    if assignments is None:
        assignments = assignments_for(application=application)
    criteria = [
        CriterionInfo(id=criterion.pk, name=criterion.name, weight=criterion.weight)
        for criterion in application.call.criteria.all()
    ]
    reviews = [
        ReviewInfo(
            reviewer_id=assignment.reviewer_id,
            reviewer_name=assignment.reviewer.get_full_name() or assignment.reviewer.email,
            scores={score.criterion_id: score.score for score in assignment.scores.all()},
            conflicted=assignment.conflict_declared,
        )
        for assignment in assignments
    ]
    return summarise(criteria=criteria, reviews=reviews)


def score_comments(*, assignments: list[ReviewerAssignment]) -> dict[int, list[tuple[str, str]]]:
    """Criterion id -> [(reviewer name, comment)] of non-conflicted reviewers."""
    comments: dict[int, list[tuple[str, str]]] = {}
    for assignment in assignments:
        if assignment.conflict_declared:
            continue
        name = assignment.reviewer.get_full_name() or assignment.reviewer.email
        for score in assignment.scores.all():
            if score.comment:
                comments.setdefault(score.criterion_id, []).append((name, score.comment))
    return comments


def available_reviewers(*, application: Application) -> list[User]:
    """Reviewers of the fund's organisation not yet assigned and not in the applicant
    organisation."""
    fund = application.call.fund
    assigned = ReviewerAssignment.objects.filter(application=application).values("reviewer")
    applicants = Membership.objects.filter(
        organisation_id=application.organisation_id, role__in=permissions.APPLICANT_ROLES
    ).values("user")
    return list(
        User.objects.filter(
            is_active=True,
            memberships__organisation_id=fund.organisation_id,
            memberships__role=MembershipRole.REVIEWER,
            memberships__organisation__verified_at__isnull=False,
            memberships__organisation__type__in=PUBLIC_SECTOR_TYPES,
        )
        .exclude(pk__in=assigned)
        .exclude(pk__in=applicants)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def reviewer_assignments(*, user) -> QuerySet[ReviewerAssignment]:
    """The user's assignments (conflicted ones included, so they see the state)."""
    return (
        ReviewerAssignment.objects.filter(reviewer=user)
        .exclude(application__status__in=permissions.HIDDEN_FROM_MANAGERS)
        .select_related("application", "application__call", "application__organisation")
        .annotate(
            scored=Count("scores"),
            criteria_count=Count("application__call__criteria", distinct=True),
        )
        .order_by("completed_at", "-assigned_at")
    )


def assignment(*, pk: int) -> ReviewerAssignment | None:
    return (
        ReviewerAssignment.objects.select_related(
            "application",
            "application__call",
            "application__call__fund",
            "application__organisation",
            "application__sector",
            "reviewer",
        )
        .filter(pk=pk)
        .first()
    )


def project(*, pk: int) -> Application | None:
    return (
        Application.objects.select_related("call", "call__fund", "organisation", "sector")
        .prefetch_related(
            "partners",
            "milestones",
            Prefetch("payments", queryset=Payment.objects.select_related("milestone")),
            Prefetch("reports", queryset=Report.objects.prefetch_related("indicators")),
        )
        .filter(pk=pk)
        .first()
    )


def decision_of(application: Application) -> Decision | None:
    return Decision.objects.select_related("decided_by").filter(application=application).first()


def status_note(application: Application, status: str) -> str:
    change = application.status_changes.filter(to_status=status).order_by("-at").first()
    return change.note if change else ""


# Public ---------------------------------------------------------------------------------

PUBLIC_STATUSES = (S.GRANTED, S.IN_PROGRESS, S.COMPLETED)


def granted_projects(*, fund: Fund | None = None, year: int | None = None) -> QuerySet[Decision]:
    """Granted decisions, newest first, with the project, its partners and the approved
    final report's results."""
    rows = Decision.objects.filter(outcome=Outcome.GRANTED, application__status__in=PUBLIC_STATUSES)
    if fund is not None:
        rows = rows.filter(application__call__fund=fund)
    if year is not None:
        rows = rows.annotate(year=ExtractYear("decided_at", tzinfo=OSLO)).filter(year=year)
    return (
        rows.select_related(
            "application",
            "application__organisation",
            "application__call",
            "application__call__fund",
            "application__call__fund__organisation",
            "application__sector",
        )
        .prefetch_related(
            "application__partners",
            Prefetch(
                "application__reports",
                queryset=Report.objects.filter(kind=ReportKind.FINAL, approved_at__isnull=False),
                to_attr="approved_final",
            ),
        )
        .order_by("-decided_at", "-pk")
    )


def public_results(decision: Decision) -> str:
    finals = getattr(decision.application, "approved_final", None)
    return finals[0].results_summary if finals else ""


def funds_with_grants() -> QuerySet[Fund]:
    return (
        Fund.objects.filter(calls__applications__decision__outcome=Outcome.GRANTED)
        .distinct()
        .order_by("name")
    )


@dataclass(frozen=True)
class StatisticsRow:
    year: int
    sector: str
    applications: int
    granted: int
    amount: int


def statistics(*, fund: Fund | None = None) -> list[StatisticsRow]:
    """Decisions per year (Oslo time) and sector: how many, how many granted, and the
    amount granted."""
    rows = Decision.objects.all()
    if fund is not None:
        rows = rows.filter(application__call__fund=fund)
    grouped = (
        rows.annotate(year=ExtractYear("decided_at", tzinfo=OSLO))
        .values(
            "year",
            "application__sector__name",
            "application__sector__name_nn",
            "application__sector__name_en",
        )
        .annotate(
            decided=Count("pk"),
            granted=Count("pk", filter=Q(outcome=Outcome.GRANTED)),
            amount=Sum("amount", filter=Q(outcome=Outcome.GRANTED)),
        )
        .order_by("-year", "application__sector__name")
    )
    return [
        StatisticsRow(
            year=row["year"],
            sector=vocabulary_name(
                row["application__sector__name"] or "",
                row["application__sector__name_nn"] or "",
                row["application__sector__name_en"] or "",
            ),
            applications=row["decided"],
            granted=row["granted"],
            amount=row["amount"] or 0,
        )
        for row in grouped
    ]


# Exports --------------------------------------------------------------------------------


def export_rows(*, fund: Fund) -> Iterator[Application]:
    """The fund's submitted applications for export, read in chunks."""
    return (
        Application.objects.filter(call__fund=fund)
        .exclude(status__in=permissions.HIDDEN_FROM_MANAGERS)
        .select_related("call", "organisation", "sector", "decision")
        .prefetch_related("partners")
        .annotate(
            paid=Sum("payments__amount", filter=Q(payments__paid_at__isnull=False)),
        )
        .order_by("call__opens_at", "pk")
        .iterator(chunk_size=500)
    )


# My page ("what is waiting for me") ---------------------------------------------------------

REPORT_NOTICE_DAYS = 30


@dataclass(frozen=True)
class Waiting:
    """A count of work and the first row to open (None when there is none)."""

    count: int
    first: object | None


def _waiting(qs: QuerySet) -> Waiting:
    """Two queries whatever the number of rows: the count and the first row."""
    count = qs.count()
    return Waiting(count=count, first=qs.first() if count else None)


def manager_waiting(*, user) -> dict[str, Waiting]:
    """The fund manager's open work: applications to screen (submitted), to decide (in
    review) and reports submitted but not approved, in funds whose organisation gives the
    role in a way that counts (managed_funds). A fixed number of queries."""
    funds = managed_funds(user=user).values("pk")
    applications = Application.objects.filter(call__fund__in=funds).order_by("submitted_at", "pk")
    reports = (
        Report.objects.filter(
            application__call__fund__in=funds,
            application__status__in=permissions.FOLLOW_UP,
            submitted_at__isnull=False,
            approved_at__isnull=True,
        )
        .select_related("application")
        .order_by("submitted_at", "pk")
    )
    return {
        "screen": _waiting(applications.filter(status=S.SUBMITTED)),
        "decide": _waiting(applications.filter(status=S.IN_REVIEW)),
        "reports": _waiting(reports),
    }


def reviews_waiting(*, user) -> Waiting:
    """Assignments the reviewer may still score: not conflicted, not completed, the
    application in review, and the reviewer role still counting in the fund's organisation
    (a verified public-sector organisation)."""
    if not (user.is_authenticated and user.is_active):
        return Waiting(count=0, first=None)
    holds_role = Membership.objects.filter(
        user=user,
        role=MembershipRole.REVIEWER,
        organisation__verified_at__isnull=False,
        organisation__type__in=PUBLIC_SECTOR_TYPES,
    ).values("organisation_id")
    return _waiting(
        ReviewerAssignment.objects.filter(
            reviewer=user,
            conflict_declared=False,
            completed_at__isnull=True,
            application__status=S.IN_REVIEW,
            application__call__fund__organisation_id__in=holds_role,
        ).order_by("assigned_at", "pk")
    )


def reports_due_for_applicant(*, user, today=None) -> Waiting:
    """Reports of the applicant's running projects not yet sent, due within
    REPORT_NOTICE_DAYS days or overdue. Only organisations where the person's membership
    counts (apps.accounts.roles.membership_counts: nothing in an unverified public-sector
    claim)."""
    import datetime

    from django.utils import timezone

    if not (user.is_authenticated and user.is_active):
        return Waiting(count=0, first=None)
    today = today or timezone.localdate()
    counting = Membership.objects.filter(user=user, role__in=permissions.APPLICANT_ROLES).filter(
        ~Q(organisation__type__in=PUBLIC_SECTOR_TYPES) | Q(organisation__verified_at__isnull=False)
    )
    return _waiting(
        Report.objects.filter(
            application__organisation_id__in=counting.values("organisation_id"),
            application__status__in=permissions.FOLLOW_UP,
            submitted_at__isnull=True,
            due_date__lte=today + datetime.timedelta(days=REPORT_NOTICE_DAYS),
        )
        .select_related("application")
        .order_by("due_date", "pk")
    )
