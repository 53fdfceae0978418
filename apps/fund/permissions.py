"""Who may do what in the fund. Applicants are members or admins of the applicant
organisation; fund managers and reviewers hold those roles in the fund's organisation
(a reviewer role alone never opens an application here: apps.grants decides what reviewers see)."""

from __future__ import annotations

from django.utils import timezone

from apps.accounts.models import Membership, MembershipRole, Organisation, OrganisationType
from apps.accounts.roles import power_membership_q

from .models import Application, ApplicationStatus, Call, EligibleApplicant, Fund

APPLICANT_ROLES = (MembershipRole.MEMBER, MembershipRole.ADMIN)


def _person(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_fund_manager(user, fund: Fund) -> bool:
    """Holds the fund manager role in the fund's organisation; being a superuser counts for
    nothing. Views serving this power also ask for the second factor."""
    if not _person(user):
        return False
    return Membership.objects.filter(
        power_membership_q(),
        user=user,
        organisation_id=fund.organisation_id,
        role=MembershipRole.FUND_MANAGER,
    ).exists()


def is_fund_reviewer(user, fund: Fund) -> bool:
    if not _person(user):
        return False
    return Membership.objects.filter(
        power_membership_q(),
        user=user,
        organisation_id=fund.organisation_id,
        role=MembershipRole.REVIEWER,
    ).exists()


def can_manage_calls(user, fund: Fund) -> bool:
    return is_fund_manager(user, fund)


def is_applicant_member(user, organisation_id: int) -> bool:
    """A member or admin of the applicant organisation (not a reviewer, broker or manager role)."""
    if not _person(user):
        return False
    return Membership.objects.filter(
        user=user, organisation_id=organisation_id, role__in=APPLICANT_ROLES
    ).exists()


def organisation_fits_call(*, organisation: Organisation, call: Call) -> bool:
    """Whether the organisation belongs to one of the call's groups of eligible applicants."""
    kinds = set(call.eligible_applicants or [])
    if EligibleApplicant.OWN_SERVICES in kinds and organisation.pk == call.fund.organisation_id:
        return True
    if EligibleApplicant.SOCIAL_ENTREPRENEURS in kinds and organisation.type in (
        OrganisationType.SOSIAL_ENTREPRENOR,
        OrganisationType.IDEELL,
    ):
        return True
    return EligibleApplicant.RESEARCH in kinds and organisation.type == OrganisationType.FORSKNING


def applicant_organisations(user, call: Call) -> list[Organisation]:
    """The user's organisations that may apply to the call."""
    if not _person(user):
        return []
    organisations = Organisation.objects.filter(
        memberships__user=user, memberships__role__in=APPLICANT_ROLES
    ).distinct()
    return [org for org in organisations if organisation_fits_call(organisation=org, call=call)]


def can_view_application(user, application: Application) -> bool:
    """Applicant members always; the fund's managers once it is submitted."""
    if not _person(user):
        return False
    if is_applicant_member(user, application.organisation_id):
        return True
    if application.status in (ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN):
        return False
    return is_fund_manager(user, application.call.fund)


def can_open_attachments(user, application: Application) -> bool:
    """Who may open an application's attachments: whoever may view it, and a reviewer the
    fund's managers assigned to it, while that reviewer holds the fund's reviewer role and has
    not declared a conflict of interest (the assignment lives in apps.grants, reached through
    its reverse relation so that this app does not import grants)."""
    if can_view_application(user, application):
        return True
    if application.status in (ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN):
        return False
    return is_fund_reviewer(user, application.call.fund) and (
        application.reviewer_assignments.filter(reviewer=user, conflict_declared=False).exists()
    )


def can_edit_application(user, application: Application, *, now=None) -> bool:
    """Applicant members, while it is a draft and the call's deadline has not passed."""
    now = now or timezone.now()
    return (
        application.status == ApplicationStatus.DRAFT
        and not application.call.is_closed(now)
        and is_applicant_member(user, application.organisation_id)
    )


def can_withdraw_application(user, application: Application) -> bool:
    return application.status in (
        ApplicationStatus.DRAFT,
        ApplicationStatus.SUBMITTED,
    ) and is_applicant_member(user, application.organisation_id)
