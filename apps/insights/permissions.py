"""Who may see a municipality's detailed insights: its brokers and fund managers (members
with that role in the municipality's organisation). Being a superuser counts for nothing. The
detailed view shows counts too small to publish, so its views also ask for the second factor."""

from __future__ import annotations

from django.db.models import QuerySet

from apps.accounts.models import PUBLIC_SECTOR_TYPES, Membership, MembershipRole
from apps.accounts.roles import power_membership_q
from apps.core.models import Municipality

DETAIL_ROLES = (MembershipRole.BROKER, MembershipRole.FUND_MANAGER)


def can_view_municipality_insights(user, municipality: Municipality) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return Membership.objects.filter(
        power_membership_q(),
        user=user,
        organisation__municipality=municipality,
        role__in=DETAIL_ROLES,
    ).exists()


def municipalities_with_detail(user) -> QuerySet[Municipality]:
    """The municipalities whose detailed view this person may open through a role."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Municipality.objects.none()
    return (
        Municipality.objects.filter(
            organisations__memberships__user=user,
            organisations__memberships__role__in=DETAIL_ROLES,
            organisations__verified_at__isnull=False,
            organisations__type__in=PUBLIC_SECTOR_TYPES,
        )
        .distinct()
        .order_by("name")
    )
