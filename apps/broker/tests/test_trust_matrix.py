"""Least privilege inside one municipality (issue 19, findings 2, 4 and 6): every role of
Bærum kommune, and the people around it, against the views that hold power — a draft need
(detail and edit), a members-only need, a collaboration (detail and writing to its log) and
profile review (approve and reject). Each answer is one named status; a denied write
changes nothing.

Conventions: a need or collaboration one may not see answers 404 (its existence is not
shown); a review one may not make answers 403 (the profile's page is public once
approved); anonymous visitors of login-only views are sent to log in (302)."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from apps.accounts.models import MembershipRole
from apps.accounts.permissions import PLATFORM_STAFF_GROUP
from apps.accounts.tests.helpers import login_with_otp
from apps.broker.models import EntrepreneurProfile, ReviewStatus
from apps.collaborations.models import LogEntry
from apps.collaborations.tests.factories import CollaborationFactory
from apps.core.models import Municipality

from .factories import (
    EntrepreneurOrgFactory,
    MembershipFactory,
    NeedFactory,
    ProfileFactory,
    UserFactory,
    municipality_org,
)

pytestmark = pytest.mark.django_db

PERSONS = [
    "anonymous",
    "member",
    "admin",
    "broker",
    "fund_manager",
    "reviewer",
    "entrepreneur",  # member of the verified entrepreneur in the collaboration
    "outsider",  # an account with no organisation
    "self_made_admin",  # admin of an organisation they created, never verified
    "other_broker",  # broker of Oslo kommune
    "superuser",
    "staff_password_only",
    "staff_verified",
]
LOGIN = "/konto/logg-inn/"


@pytest.fixture
def world(db):
    baerum = municipality_org("3201")
    oslo = municipality_org("0301")
    entrepreneur_org = EntrepreneurOrgFactory(name="Grønn Arbeidstrening SA")
    self_made = EntrepreneurOrgFactory(name="Eget firma", unverified=True)
    staff_group = Group.objects.get_or_create(name=PLATFORM_STAFF_GROUP)[0]

    def person(org, role):
        return MembershipFactory(organisation=org, role=role).user

    def staff():
        user = UserFactory()
        user.groups.add(staff_group)
        return user

    people = {
        "anonymous": None,
        "member": person(baerum, MembershipRole.MEMBER),
        "admin": person(baerum, MembershipRole.ADMIN),
        "broker": person(baerum, MembershipRole.BROKER),
        "fund_manager": person(baerum, MembershipRole.FUND_MANAGER),
        "reviewer": person(baerum, MembershipRole.REVIEWER),
        "entrepreneur": person(entrepreneur_org, MembershipRole.MEMBER),
        "outsider": UserFactory(),
        "self_made_admin": person(self_made, MembershipRole.ADMIN),
        "other_broker": person(oslo, MembershipRole.BROKER),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
        "staff_password_only": staff(),
        "staff_verified": staff(),
    }
    # A row that should never have been written (a self-made organisation's "broker"):
    # it gives nothing.
    MembershipFactory(user=people["self_made_admin"], organisation=self_made, role="broker")
    draft = NeedFactory(organisation=baerum, title="Hemmelig utkast om rus", status="draft")
    members_only = NeedFactory(
        organisation=baerum, title="Behov bare for medlemmer", visibility="members"
    )
    collaboration = CollaborationFactory(
        municipality_org=baerum,
        entrepreneur_org=entrepreneur_org,
        title="Hemmelig samarbeid om skolefravær",
    )
    serves_baerum = ProfileFactory(review_status=ReviewStatus.PENDING, renewal_due=None)
    serves_baerum.areas.set([Municipality.objects.get(code="3201")])
    serves_oslo = ProfileFactory(review_status=ReviewStatus.PENDING, renewal_due=None)
    serves_oslo.areas.set([Municipality.objects.get(code="0301")])
    return {
        "people": people,
        "draft": draft,
        "members_only": members_only,
        "collaboration": collaboration,
        "serves_baerum": serves_baerum,
        "serves_oslo": serves_oslo,
    }


def _as(client, world, person, *, second_factor=()):
    """Logs the person in; staff_verified and those in `second_factor` with the code too."""
    user = world["people"][person]
    if person == "staff_verified" or (user is not None and person in second_factor):
        login_with_otp(client, user)
    elif user is not None:
        client.force_login(user)
    return client


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(LOGIN)


NEED_WRITERS = {"member", "admin", "broker"}
DRAFT_DETAIL = {p: (200 if p in NEED_WRITERS else 404) for p in PERSONS}
DRAFT_EDIT = {**DRAFT_DETAIL, "anonymous": 302}
# Members of verified organisations (any role of the need's own municipality included) and
# staff with the second factor.
MEMBERS_ONLY = {
    p: (
        200
        if p
        in {
            "member",
            "admin",
            "broker",
            "fund_manager",
            "reviewer",
            "entrepreneur",
            "other_broker",
            "staff_verified",
        }
        else 404
    )
    for p in PERSONS
}
PARTIES = {"member", "admin", "broker", "entrepreneur"}
COLLABORATION = {p: (200 if p in PARTIES else 404) for p in PERSONS} | {"anonymous": 302}
LOG_WRITE = {p: (302 if p in PARTIES else 404) for p in PERSONS} | {"anonymous": 302}
# Reviewing is a decision over another organisation: the brokers log in with the second
# factor here (with the password alone they are sent to it: broker/tests/test_permissions).
BROKERS = ("broker", "other_broker")
# Approving the Bærum profile: Bærum's broker and staff with the second factor.
REVIEW_BAERUM = {p: (302 if p in {"broker", "staff_verified"} else 403) for p in PERSONS} | {
    "anonymous": 302
}
# Rejecting the Oslo profile: Oslo's broker and staff; Bærum's broker is outside it.
REVIEW_OSLO = {p: (302 if p in {"other_broker", "staff_verified"} else 403) for p in PERSONS} | {
    "anonymous": 302
}


@pytest.mark.parametrize("person", PERSONS)
def test_draft_need_detail(client, world, person):
    response = _as(client, world, person).get(f"/behov/{world['draft'].pk}/")
    assert response.status_code == DRAFT_DETAIL[person]
    if response.status_code != 200:
        assert "Hemmelig utkast" not in response.content.decode()


@pytest.mark.parametrize("person", PERSONS)
def test_draft_need_edit(client, world, person):
    response = _as(client, world, person).get(f"/behov/{world['draft'].pk}/rediger/")
    assert response.status_code == DRAFT_EDIT[person]
    if person == "anonymous":
        assert _is_login_redirect(response)


@pytest.mark.parametrize("person", PERSONS)
def test_members_only_need(client, world, person):
    client = _as(client, world, person)
    response = client.get(f"/behov/{world['members_only'].pk}/")
    assert response.status_code == MEMBERS_ONLY[person]
    listed = "Behov bare for medlemmer" in client.get("/behov/").content.decode()
    assert listed is (MEMBERS_ONLY[person] == 200)


@pytest.mark.parametrize("person", PERSONS)
def test_collaboration_detail(client, world, person):
    response = _as(client, world, person).get(f"/samarbeid/{world['collaboration'].pk}/")
    assert response.status_code == COLLABORATION[person]
    if person == "anonymous":
        assert _is_login_redirect(response)
    elif response.status_code == 404:
        assert "Hemmelig samarbeid" not in response.content.decode()


@pytest.mark.parametrize("person", PERSONS)
def test_collaboration_log_write(client, world, person):
    collaboration = world["collaboration"]
    response = _as(client, world, person).post(
        f"/samarbeid/{collaboration.pk}/logg/",
        {"log-kind": "meeting", "log-date": "2026-11-20", "log-text": "Skrevet av noen."},
    )
    assert response.status_code == LOG_WRITE[person]
    written = LogEntry.objects.filter(collaboration=collaboration).count()
    assert written == (1 if person in PARTIES else 0)
    if person == "anonymous":
        assert _is_login_redirect(response)


@pytest.mark.parametrize("person", PERSONS)
def test_profile_review_approve(client, world, person):
    profile = world["serves_baerum"]
    response = _as(client, world, person, second_factor=BROKERS).post(
        f"/entreprenorer/{profile.organisation.slug}/vurder/", {"decision": "approve"}
    )
    assert response.status_code == REVIEW_BAERUM[person]
    profile.refresh_from_db()
    approved = REVIEW_BAERUM[person] == 302 and person != "anonymous"
    assert profile.review_status == (ReviewStatus.APPROVED if approved else ReviewStatus.PENDING)
    if person == "anonymous":
        assert _is_login_redirect(response)


@pytest.mark.parametrize("person", PERSONS)
def test_profile_review_reject(client, world, person):
    profile = world["serves_oslo"]
    mail.outbox.clear()
    response = _as(client, world, person, second_factor=BROKERS).post(
        f"/entreprenorer/{profile.organisation.slug}/vurder/",
        {"decision": "reject", "note": "Mangler dokumentasjon."},
    )
    assert response.status_code == REVIEW_OSLO[person]
    profile.refresh_from_db()
    rejected = REVIEW_OSLO[person] == 302 and person != "anonymous"
    assert profile.review_status == (ReviewStatus.REJECTED if rejected else ReviewStatus.PENDING)
    if not rejected:
        assert EntrepreneurProfile.objects.filter(review_note="Mangler dokumentasjon.").count() == 0


@pytest.mark.parametrize("person", PERSONS)
def test_review_queue_holds_only_the_profiles_one_may_review(client, world, person):
    response = _as(client, world, person, second_factor=BROKERS).get("/entreprenorer/vurdering/")
    can_open = {"broker", "other_broker", "staff_verified"}
    if person == "anonymous":
        assert _is_login_redirect(response)
        return
    assert response.status_code == (200 if person in can_open else 403)
    if response.status_code == 200:
        queued = set(response.context["profiles"])
        assert (world["serves_baerum"] in queued) is (person in {"broker", "staff_verified"})
        assert (world["serves_oslo"] in queued) is (person in {"other_broker", "staff_verified"})
