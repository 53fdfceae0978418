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


def memberships_for_user(*, user) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name", "role")
    )
