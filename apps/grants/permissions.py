"""Who may do what in assessment and follow-up.

- Fund managers hold the role "fund_manager" in the fund's organisation (being a superuser
  counts for nothing here); they see only their own funds' applications, and never drafts.
  Their pages, and the reviewers', also need the second factor (the views ask for it).
- Reviewers see only applications they are assigned to, and only until they declare a
  conflict of interest; other reviewers' scores stay hidden until a manager shares them.
- Applicants (members or admins of the applicant organisation) see their own
  organisation's decided applications and write its reports."""

from __future__ import annotations

from apps.accounts.models import Membership, MembershipRole
from apps.accounts.roles import power_membership_q
from apps.fund.models import Application, ApplicationStatus, Fund

from .models import ReviewerAssignment

APPLICANT_ROLES = (MembershipRole.MEMBER, MembershipRole.ADMIN)
HIDDEN_FROM_MANAGERS = (ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN)
DECIDED = (
    ApplicationStatus.INELIGIBLE,
    ApplicationStatus.GRANTED,
    ApplicationStatus.REJECTED,
    ApplicationStatus.IN_PROGRESS,
    ApplicationStatus.COMPLETED,
)
FOLLOW_UP = (ApplicationStatus.GRANTED, ApplicationStatus.IN_PROGRESS)
PROJECT = (ApplicationStatus.GRANTED, ApplicationStatus.IN_PROGRESS, ApplicationStatus.COMPLETED)


def _person(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_manager(user, fund: Fund) -> bool:
    if not _person(user):
        return False
    return Membership.objects.filter(
        power_membership_q(),
        user=user,
        organisation_id=fund.organisation_id,
        role=MembershipRole.FUND_MANAGER,
    ).exists()


def is_reviewer_of(user, fund: Fund) -> bool:
    """Holds the reviewer role in the fund's organisation (may be assigned applications)."""
    if not _person(user):
        return False
    return Membership.objects.filter(
        power_membership_q(),
        user=user,
        organisation_id=fund.organisation_id,
        role=MembershipRole.REVIEWER,
    ).exists()


def is_applicant(user, application: Application) -> bool:
    if not _person(user):
        return False
    return Membership.objects.filter(
        user=user, organisation_id=application.organisation_id, role__in=APPLICANT_ROLES
    ).exists()


def can_manage(user, application: Application) -> bool:
    """A manager of the application's fund, once it is submitted."""
    return application.status not in HIDDEN_FROM_MANAGERS and is_manager(
        user, application.call.fund
    )


def can_review(user, assignment: ReviewerAssignment) -> bool:
    """The assigned reviewer, while not conflicted."""
    return (
        _person(user)
        and assignment.reviewer_id == user.pk
        and not assignment.conflict_declared
        and assignment.application.status not in HIDDEN_FROM_MANAGERS
    )


def can_score(user, assignment: ReviewerAssignment) -> bool:
    return can_review(user, assignment) and assignment.application.status == (
        ApplicationStatus.IN_REVIEW
    )


def can_see_others_scores(user, assignment: ReviewerAssignment, *, shared: bool) -> bool:
    return shared and can_review(user, assignment)


def can_view_project(user, application: Application) -> bool:
    """The decision page: the applicant organisation's members and the fund's managers,
    once the application is decided."""
    if application.status not in DECIDED:
        return False
    return is_applicant(user, application) or is_manager(user, application.call.fund)


def can_write_report(user, application: Application) -> bool:
    return application.status in FOLLOW_UP and is_applicant(user, application)
