"""My page as a home for each role (issue 12, item 8): what is waiting for each demo
person, with counts and the next step; nothing a role that does not count would give; the
same number of queries at two sizes."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import Membership, MembershipRole, OrganisationType
from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.tests.helpers import force_login_verified
from apps.broker.models import NeedStatus, ReviewStatus
from apps.broker.tests.factories import (
    NeedFactory,
    OfferFactory,
    ProfileFactory,
    municipality_org,
)
from apps.collaborations.models import Collaboration
from apps.collaborations.stages import Stage
from apps.core.models import Municipality
from apps.fund.models import ApplicationStatus
from apps.grants.tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    FundFactory,
    ReportFactory,
)
from apps.home.my_page import my_page_sections

DEMO = "@demo.kokeboka.no"


def _person(org, role, name):
    user = UserFactory(email=f"{name}{DEMO}")
    MembershipFactory(user=user, organisation=org, role=role)
    return user


@pytest.fixture
def people(db):
    """Bærum as the demo has it: one person per role, plus an entrepreneur."""
    baerum = municipality_org("3201")
    entrepreneur_org = OrganisationFactory(name="Pøbelprosjektet", slug="pobelprosjektet")
    OfferFactory(
        profile=ProfileFactory(organisation=entrepreneur_org), title="Arbeidstrening i kafé"
    )
    return {
        "baerum": baerum,
        "entrepreneur_org": entrepreneur_org,
        "megler": _person(baerum, MembershipRole.BROKER, "megler"),
        "fondsforvalter": _person(baerum, MembershipRole.FUND_MANAGER, "fondsforvalter"),
        "fagvurderer1": _person(baerum, MembershipRole.REVIEWER, "fagvurderer1"),
        "radgiver": _person(baerum, MembershipRole.MEMBER, "radgiver"),
        "soker": _person(baerum, MembershipRole.MEMBER, "soker"),
        "entreprenor": _person(entrepreneur_org, MembershipRole.ADMIN, "entreprenor"),
    }


def _fill(people, n: int) -> None:
    """n rows of each kind of waiting work, and rows that must not be counted."""
    baerum, ent = people["baerum"], people["entrepreneur_org"]
    today = timezone.localdate()
    oslo = Municipality.objects.get(code="0301")
    baerum_municipality = baerum.municipality
    for _ in range(n):
        # Profiles serving Bærum wait for Bærum's broker; those serving Oslo only do not.
        ProfileFactory(review_status=ReviewStatus.PENDING).areas.set([baerum_municipality])
        ProfileFactory(review_status=ReviewStatus.PENDING).areas.set([oslo])
        Collaboration.objects.create(
            municipality_org=baerum, entrepreneur_org=ent, title="Kafé", stage=Stage.DIALOG
        )
        Collaboration.objects.create(
            municipality_org=baerum, entrepreneur_org=ent, title="Drift", stage=Stage.DRIFT
        )
        NeedFactory(organisation=baerum, expires_at=today + datetime.timedelta(days=5))
        NeedFactory(organisation=baerum, expires_at=today + datetime.timedelta(days=40))
        NeedFactory(organisation=baerum, status=NeedStatus.DRAFT, title="Utkast")
    call = CallFactory(fund=FundFactory(organisation=baerum))
    for _ in range(n):
        ApplicationFactory(call=call, status=ApplicationStatus.SUBMITTED)
        in_review = ApplicationFactory(call=call, status=ApplicationStatus.IN_REVIEW)
        AssignmentFactory(application=in_review, reviewer=people["fagvurderer1"])
        AssignmentFactory(
            application=ApplicationFactory(call=call, status=ApplicationStatus.IN_REVIEW),
            reviewer=people["fagvurderer1"],
            completed_at=timezone.now(),
        )
        running = ApplicationFactory(
            call=call, organisation=baerum, status=ApplicationStatus.IN_PROGRESS
        )
        ReportFactory(application=running, due_date=today + datetime.timedelta(days=10))
        ReportFactory(application=running, due_date=today + datetime.timedelta(days=200))
        ReportFactory(
            application=running,
            due_date=today - datetime.timedelta(days=1),
            submitted_at=timezone.now(),
        )


def _by_key(user) -> dict[str, dict[str, int | None]]:
    return {
        section.key: {task.label: task.count for task in section.tasks}
        for section in my_page_sections(user=user)
    }


def test_each_role_sees_its_own_work_with_counts(people):
    _fill(people, 2)
    assert _by_key(people["megler"]) == {
        "broker": {
            "Entrepreneur profiles waiting for your review": 2,
            "Introductions still in dialogue": 2,
            "Needs that expire within 14 days": 2,
        },
        "needs": {"A need your municipality wants help with": None, "Drafts not yet published": 2},
    }
    manager = _by_key(people["fondsforvalter"])
    assert set(manager) == {"fund_manager"}
    assert manager["fund_manager"]["Applications to screen"] == 2
    assert manager["fund_manager"]["Applications in review, waiting for a decision"] == 4
    assert manager["fund_manager"]["Reports waiting for your approval"] == 2
    assert _by_key(people["fagvurderer1"]) == {
        "reviewer": {"Applications waiting for your assessment": 2}
    }
    entrepreneur = _by_key(people["entreprenor"])
    assert set(entrepreneur) == {"entrepreneur"}
    assert entrepreneur["entrepreneur"] == {
        "Your profile: Pøbelprosjektet (Approved)": None,
        "Needs that match “Arbeidstrening i kafé”": None,
        "Introductions from municipalities waiting for your answer": 2,
    }
    member = _by_key(people["radgiver"])
    assert member["needs"] == {
        "A need your municipality wants help with": None,
        "Drafts not yet published": 2,
    }
    assert set(member) == {"needs", "applicant"}  # a member of Bærum may write its reports
    applicant = _by_key(people["soker"])
    assert applicant["applicant"] == {"Reports due within 30 days": 2}


def test_nothing_waiting_hides_every_section(people):
    assert my_page_sections(user=people["fagvurderer1"]) == []
    assert my_page_sections(user=people["fondsforvalter"]) == []
    assert my_page_sections(user=UserFactory()) == []


def test_power_roles_in_a_pending_claim_show_no_work(people):
    """The same roles in an unverified municipality (a pending claim) give nothing, so My
    page offers none of Bærum's work through it."""
    _fill(people, 1)
    # An unverified county authority of Bærum's county: counted, its broker role would
    # review every profile serving the county's municipalities.
    claim = OrganisationFactory(
        type=OrganisationType.FYLKESKOMMUNE,
        unverified=True,
        county=people["baerum"].county,
        name="Falsk fylkeskommune",
        slug="falsk-fylkeskommune",
    )
    pretender = UserFactory()
    for role in (
        MembershipRole.BROKER,
        MembershipRole.FUND_MANAGER,
        MembershipRole.REVIEWER,
        MembershipRole.MEMBER,
    ):
        Membership.objects.create(user=pretender, organisation=claim, role=role)
    assert my_page_sections(user=pretender) == []
    # A reviewer whose role lapsed keeps the assignment rows but is not asked to score.
    Membership.objects.filter(user=people["fagvurderer1"]).delete()
    assert my_page_sections(user=people["fagvurderer1"]) == []


def test_links_open_for_the_person(client, people):
    """Each next step is a page the person may open."""
    _fill(people, 1)
    for name in ("megler", "fondsforvalter", "fagvurderer1", "entreprenor", "radgiver", "soker"):
        user = people[name]
        force_login_verified(client, user)
        for section in my_page_sections(user=user):
            for task in section.tasks:
                response = client.get(task.url)
                assert response.status_code == 200, (name, task.url)
        client.logout()


def _queries(client, user) -> int:
    force_login_verified(client, user)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    client.logout()
    return len(captured)


@pytest.mark.parametrize(
    "name", ["megler", "fondsforvalter", "fagvurderer1", "entreprenor", "radgiver", "soker"]
)
def test_query_count_does_not_grow_with_data(client, people, name):
    _fill(people, 1)
    small = _queries(client, people[name])
    _fill(people, 6)
    assert _queries(client, people[name]) == small


def test_page_shows_counts_and_next_steps_in_norwegian(client, people):
    _fill(people, 3)
    force_login_verified(client, people["megler"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    response = client.get(reverse("accounts:profile"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Venter på deg" in html
    assert "Legg ut et behov" in html
    assert 'data-count="3"' in html
    assert reverse("broker:review-queue") in html
    assert reverse("broker:need-create") in html
