"""Who sees and does what, for every view, every kind of need and every kind of person.
Every denial is asserted with its status code. A superuser has no short-cut; national staff
(with the second factor) read members-only needs and review any profile, nothing more."""

import pytest

from apps.accounts.tests.helpers import login_with_otp
from apps.broker.models import Need

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "own_member",
    "other_member",
    "entrepreneur",
    "own_broker",
    "other_broker",
    "superuser",
    "staff",
]
NEEDS = ["public", "members", "draft"]

# Who may read the need's page. Members-only: members of verified organisations and staff
# (the superuser belongs to none).
CAN_VIEW = {
    "public": set(ACTORS),
    "members": set(ACTORS) - {"anonymous", "superuser"},
    "draft": {"own_member", "own_broker"},
}
CAN_EDIT = {"own_member", "own_broker"}
CAN_BROKER = {"own_broker"}
CAN_CREATE = {"own_member", "own_broker", "other_broker"}


def login(client, people, actor):
    if actor == "staff":
        login_with_otp(client, people[actor])
    elif people[actor] is not None:
        client.force_login(people[actor])
    return client


def expected_edit_status(actor, kind):
    if actor == "anonymous":
        return 302
    if actor not in CAN_VIEW[kind]:
        return 404
    return 200 if actor in CAN_EDIT else 403


@pytest.mark.parametrize("kind", NEEDS)
@pytest.mark.parametrize("actor", ACTORS)
def test_need_detail(client, people, needs, actor, kind):
    need = needs[kind]
    response = login(client, people, actor).get(f"/behov/{need.pk}/")
    if actor in CAN_VIEW[kind]:
        assert response.status_code == 200
        assert response.context["can_see_matches"] is (actor in CAN_BROKER)
        assert response.context["can_edit"] is (actor in CAN_EDIT)
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("kind", NEEDS)
@pytest.mark.parametrize("actor", ACTORS)
def test_need_edit_form(client, people, needs, actor, kind):
    need = needs[kind]
    response = login(client, people, actor).get(f"/behov/{need.pk}/rediger/")
    expected = expected_edit_status(actor, kind)
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith("/logg-inn/") or "next=" in response["Location"]


@pytest.mark.parametrize("kind", NEEDS)
@pytest.mark.parametrize("actor", ACTORS)
def test_need_edit_post(client, people, needs, actor, kind):
    need = needs[kind]
    data = {
        "title": "Endret tittel",
        "description": "Beskrivelse av problemet.",
        "status": need.status,
        "visibility": need.visibility,
        "version": need.version,
    }
    response = login(client, people, actor).post(f"/behov/{need.pk}/rediger/", data)
    need.refresh_from_db()
    if actor in CAN_EDIT:
        assert response.status_code == 302
        assert response["Location"] == f"/behov/{need.pk}/"
        assert need.title == "Endret tittel"
    else:
        assert response.status_code == expected_edit_status(actor, kind)
        assert need.title != "Endret tittel"


@pytest.mark.parametrize("kind", NEEDS)
@pytest.mark.parametrize("actor", ACTORS)
def test_need_renew(client, people, needs, actor, kind):
    need = needs[kind]
    response = login(client, people, actor).post(f"/behov/{need.pk}/forny/")
    if actor in CAN_EDIT:
        assert response.status_code == 302
        assert response["Location"] == f"/behov/{need.pk}/"
    else:
        assert response.status_code == expected_edit_status(actor, kind)


def test_renew_is_post_only(client, people, needs):
    client.force_login(people["own_member"])
    assert client.get(f"/behov/{needs['public'].pk}/forny/").status_code == 405


@pytest.mark.parametrize("actor", ACTORS)
def test_need_create(client, people, actor):
    response = login(client, people, actor).get("/behov/ny/")
    if actor == "anonymous":
        assert response.status_code == 302
    elif actor in CAN_CREATE:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("actor", ACTORS)
def test_need_list_shows_only_what_the_actor_may_see(client, people, needs, actor):
    html = login(client, people, actor).get("/behov/").content.decode()
    for kind, need in needs.items():
        assert (need.title in html) is (actor in CAN_VIEW[kind]), (actor, kind)


@pytest.mark.parametrize("actor", ACTORS)
def test_need_create_post_for_another_municipality_is_refused(client, people, oslo, actor):
    """The organisation must be one the person may post for; a forged choice is rejected."""
    if actor in ("anonymous", "other_broker"):
        pytest.skip("anonymous is redirected; Oslo's broker may post for Oslo")
    data = {
        "organisation": oslo.pk,
        "title": "Forfalsket",
        "description": "Noe",
        "status": "open",
        "visibility": "public",
    }
    response = login(client, people, actor).post("/behov/ny/", data)
    # People who post for Bærum get the form back with the error; the others may post nothing.
    assert response.status_code == (400 if actor in CAN_CREATE else 403)
    assert not Need.objects.filter(title="Forfalsket").exists()


# Entrepreneur pages -----------------------------------------------------------------------

PROFILE_ACTORS = ACTORS


@pytest.fixture
def profiles(db, people):
    from apps.accounts.models import Organisation
    from apps.core.models import Municipality

    from .factories import ProfileFactory

    own = Organisation.objects.get(name="Grønn Arbeidstrening SA").entrepreneur_profile
    pending = ProfileFactory(review_status="pending", renewal_due=None)
    # It serves Bærum: Bærum's broker reviews it, Oslo's broker does not.
    pending.areas.set([Municipality.objects.get(code="3201")])
    pending.organisation.memberships.create(user=people["entrepreneur"], role="member")
    return {"approved": own, "pending": pending}


PROFILE_VIEW = {
    "approved": set(ACTORS),
    "pending": {"entrepreneur", "own_broker", "staff"},
}
PROFILE_EDIT = {"entrepreneur"}
REVIEWERS = {"own_broker", "staff"}
# Brokers of other municipalities open their own (here empty) queue, but not this profile.
QUEUE_ONLY = {"other_broker"}


@pytest.mark.parametrize("kind", ["approved", "pending"])
@pytest.mark.parametrize("actor", PROFILE_ACTORS)
def test_profile_page(client, people, profiles, actor, kind):
    profile = profiles[kind]
    response = login(client, people, actor).get(f"/entreprenorer/{profile.organisation.slug}/")
    if actor in PROFILE_VIEW[kind]:
        assert response.status_code == 200
        assert response.context["can_edit"] is (actor in PROFILE_EDIT)
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("kind", ["approved", "pending"])
@pytest.mark.parametrize("actor", PROFILE_ACTORS)
def test_profile_edit_and_offer_forms(client, people, profiles, actor, kind):
    profile = profiles[kind]
    slug = profile.organisation.slug
    client = login(client, people, actor)
    for path in (f"/entreprenorer/{slug}/profil/", f"/entreprenorer/{slug}/tilbud/ny/"):
        response = client.get(path)
        if actor == "anonymous":
            assert response.status_code == 302
        elif actor in PROFILE_EDIT:
            assert response.status_code == 200
        else:
            assert response.status_code == 403


@pytest.mark.parametrize("actor", PROFILE_ACTORS)
def test_profile_renew(client, people, profiles, actor):
    profile = profiles["approved"]
    response = login(client, people, actor).post(
        f"/entreprenorer/{profile.organisation.slug}/forny/"
    )
    if actor == "anonymous":
        assert response.status_code == 302
        assert "/entreprenorer/" not in response["Location"].split("?")[0]
    elif actor in PROFILE_EDIT:
        assert response.status_code == 302
        assert response["Location"] == f"/entreprenorer/{profile.organisation.slug}/"
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("actor", PROFILE_ACTORS)
def test_review_queue_and_decision(client, people, profiles, actor):
    # Reviewing is a decision over another organisation: brokers too use the second factor.
    if actor in {"own_broker", "other_broker"}:
        login_with_otp(client, people[actor])
    else:
        client = login(client, people, actor)
    queue = client.get("/entreprenorer/vurdering/")
    slug = profiles["pending"].organisation.slug
    decision = client.post(f"/entreprenorer/{slug}/vurder/", {"decision": "approve"})
    profiles["pending"].refresh_from_db()
    if actor == "anonymous":
        assert queue.status_code == 302
        assert decision.status_code == 302
        assert profiles["pending"].review_status == "pending"
    elif actor in REVIEWERS:
        assert queue.status_code == 200
        assert profiles["pending"] in queue.context["profiles"]
        assert decision.status_code == 302
        assert profiles["pending"].review_status == "approved"
    elif actor in QUEUE_ONLY:
        assert queue.status_code == 200
        assert profiles["pending"] not in queue.context["profiles"]
        assert decision.status_code == 403
        assert profiles["pending"].review_status == "pending"
    else:
        assert queue.status_code == 403
        assert decision.status_code == 403
        assert profiles["pending"].review_status == "pending"


@pytest.mark.parametrize("actor", PROFILE_ACTORS)
def test_offer_pages(client, people, profiles, actor):
    from .factories import OfferFactory

    public = OfferFactory(profile=profiles["approved"], title="Synlig tilbud")
    hidden = OfferFactory(profile=profiles["pending"], title="Skjult tilbud")
    client = login(client, people, actor)
    assert client.get(f"/entreprenorer/tilbud/{public.pk}/").status_code == 200
    hidden_status = client.get(f"/entreprenorer/tilbud/{hidden.pk}/").status_code
    assert hidden_status == (200 if actor in PROFILE_VIEW["pending"] else 404)
    edit = client.get(f"/entreprenorer/tilbud/{public.pk}/rediger/")
    if actor == "anonymous":
        assert edit.status_code == 302
    else:
        assert edit.status_code == (200 if actor in PROFILE_EDIT else 403)


@pytest.mark.parametrize("actor", PROFILE_ACTORS)
def test_entrepreneur_list_shows_only_public_profiles(client, people, profiles, actor):
    response = login(client, people, actor).get("/entreprenorer/")
    html = response.content.decode()
    assert "Grønn Arbeidstrening SA" in html
    pending_name = profiles["pending"].organisation.name
    # The pending profile appears only as the entrepreneur's own organisation, with its
    # status, never in the public list.
    assert all(p.pk != profiles["pending"].pk for p in response.context["profiles"])
    if actor != "entrepreneur":
        assert pending_name not in html


def test_a_broker_with_the_password_alone_is_sent_to_the_second_factor(client, people, profiles):
    client.force_login(people["own_broker"])
    queue = client.get("/entreprenorer/vurdering/")
    assert queue.status_code == 302
    assert queue["Location"].startswith("/konto/tofaktor/?next=")
    slug = profiles["pending"].organisation.slug
    decision = client.post(f"/entreprenorer/{slug}/vurder/", {"decision": "approve"})
    assert decision.status_code == 302
    assert decision["Location"].startswith("/konto/tofaktor/")
    profiles["pending"].refresh_from_db()
    assert profiles["pending"].review_status == "pending"
