"""A fund manager or reviewer row counts only in a verified public-sector organisation: a
municipality claimed by the first comer (unverified) gives its fund roles nothing, in the
fund, in assessment and in the detailed insights, even with the second factor."""

import pytest
from django.urls import reverse

from apps.accounts.models import MembershipRole
from apps.accounts.tests.helpers import force_login_verified
from apps.fund import permissions as fund_permissions
from apps.fund.tests.factories import FundFactory, kommune, member_of
from apps.grants import permissions as grants_permissions
from apps.grants.selectors import managed_funds
from apps.insights.permissions import can_view_municipality_insights


@pytest.fixture
def claimed_fund(db):
    org = kommune()
    org.verified_at = None
    org.verified_via = ""
    org.save(update_fields=["verified_at", "verified_via"])
    return FundFactory(organisation=org)


def test_fund_roles_in_an_unverified_municipality_give_nothing(claimed_fund):
    manager = member_of(claimed_fund.organisation, MembershipRole.FUND_MANAGER)
    reviewer = member_of(claimed_fund.organisation, MembershipRole.REVIEWER)
    assert fund_permissions.is_fund_manager(manager, claimed_fund) is False
    assert fund_permissions.is_fund_reviewer(reviewer, claimed_fund) is False
    assert grants_permissions.is_manager(manager, claimed_fund) is False
    assert grants_permissions.is_reviewer_of(reviewer, claimed_fund) is False
    assert list(managed_funds(user=manager)) == []
    municipality = claimed_fund.organisation.municipality
    assert can_view_municipality_insights(manager, municipality) is False


def test_the_same_roles_count_once_staff_have_verified_the_municipality(claimed_fund):
    manager = member_of(claimed_fund.organisation, MembershipRole.FUND_MANAGER)
    org = claimed_fund.organisation
    org.verified_at = org.created_at
    org.verified_via = "staff"
    org.save(update_fields=["verified_at", "verified_via"])
    assert fund_permissions.is_fund_manager(manager, claimed_fund) is True
    assert grants_permissions.is_manager(manager, claimed_fund) is True
    assert list(managed_funds(user=manager)) == [claimed_fund]
    assert can_view_municipality_insights(manager, org.municipality) is True


def test_manager_of_an_unverified_municipality_is_refused_the_queue(client, claimed_fund):
    manager = member_of(claimed_fund.organisation, MembershipRole.FUND_MANAGER)
    force_login_verified(client, manager)
    response = client.get(reverse("grants:manage"))
    assert response.status_code == 403
