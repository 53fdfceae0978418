from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .models import Invitation, JoinRequest, JoinRequestStatus, Membership, Organisation


def organisation_list(*, query: str = "", type: str = "") -> QuerySet[Organisation]:  # noqa: A002
    """Public organisation list with the municipality and county joined in one query."""
    qs = Organisation.objects.select_related("municipality", "county", "municipality__county")
    if query:
        qs = qs.filter(
            Q(name__icontains=query)
            | Q(municipality__name__icontains=query)
            | Q(org_number=query.replace(" ", ""))
        )
    if type:
        qs = qs.filter(type=type)
    return qs.order_by("name", "pk")


def organisation_members(*, organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email", "role")
    )


def organisation_open_invitations(*, organisation: Organisation) -> QuerySet[Invitation]:
    from django.utils import timezone

    return Invitation.objects.filter(
        organisation=organisation, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")


def organisation_pending_requests(*, organisation: Organisation) -> QuerySet[JoinRequest]:
    return (
        JoinRequest.objects.filter(organisation=organisation, status=JoinRequestStatus.PENDING)
        .select_related("user")
        .order_by("created_at")
    )


@dataclass(frozen=True)
class Recognised:
    """An organisation found while someone registers one, with where that person stands."""

    organisation: Organisation
    reason: str
    is_member: bool
    has_asked: bool


def recognised_for(*, user, matches) -> list[Recognised]:
    """The matches of apps.accounts.recognition.find_matches, each marked with whether the
    person is already a member or has asked to join (two queries whatever the number)."""
    ids = [match.organisation.pk for match in matches]
    if not ids:
        return []
    member_of = set(
        Membership.objects.filter(user=user, organisation_id__in=ids).values_list(
            "organisation_id", flat=True
        )
    )
    asked = set(
        JoinRequest.objects.filter(
            user=user, organisation_id__in=ids, status=JoinRequestStatus.PENDING
        ).values_list("organisation_id", flat=True)
    )
    return [
        Recognised(
            organisation=match.organisation,
            reason=match.reason,
            is_member=match.organisation.pk in member_of,
            has_asked=match.organisation.pk in asked,
        )
        for match in matches
    ]


def join_requests_waiting(*, user) -> QuerySet[JoinRequest]:
    """Pending requests to join the organisations the person is an admin of (the members page
    answers them), oldest first. One query to count, one for the first."""
    from .models import MembershipRole

    admin_of = Membership.objects.filter(user=user, role=MembershipRole.ADMIN).values(
        "organisation_id"
    )
    return (
        JoinRequest.objects.filter(status=JoinRequestStatus.PENDING, organisation_id__in=admin_of)
        .select_related("organisation")
        .order_by("created_at", "pk")
    )


def memberships_for_user(*, user) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name", "role")
    )


def organisations_awaiting_verification(*, limit: int = 100) -> list[Organisation]:
    """The staff's queue: unverified organisations, pending claims (municipalities, county
    authorities, agencies) first, oldest first, each with its admins. A fixed number of
    queries whatever the length."""
    from django.db.models import Case, IntegerField, Prefetch, Value, When

    from .models import PUBLIC_SECTOR_TYPES, MembershipRole

    admins = Prefetch(
        "memberships",
        queryset=Membership.objects.filter(role=MembershipRole.ADMIN)
        .select_related("user")
        .order_by("user__email"),
        to_attr="admin_memberships",
    )
    return list(
        Organisation.objects.filter(verified_at__isnull=True)
        .select_related("municipality", "county")
        .prefetch_related(admins)
        .annotate(
            claim_first=Case(
                When(type__in=list(PUBLIC_SECTOR_TYPES), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("claim_first", "created_at", "pk")[:limit]
    )


def linked_logins(*, user):
    """The person's logins linked at OpenID providers, for My page (one query)."""
    from .models import ExternalIdentity

    return ExternalIdentity.objects.filter(user=user).order_by("provider", "created_at")
