"""The permission matrix: every person × every view, with every denial asserted (and that a
denied write changed nothing). The municipality's fund manager and reviewer do fund work
only: they are not parties. A superuser has no short-cut."""

import pytest

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import (
    EditorFactory,
    MembershipFactory,
    OrganisationFactory,
)
from apps.collaborations.models import Collaboration, Introduction, LogEntry
from apps.collaborations.stages import Stage

from .factories import (
    CollaborationFactory,
    MunicipalityOrgFactory,
    NeedFactory,
    OfferFactory,
    ProfileFactory,
)

pytestmark = pytest.mark.django_db

PERSONS = [
    "anonymous",
    "municipality_member",
    "entrepreneur_member",
    "unrelated_member",
    "broker",
    "other_broker",
    "fund_manager",
    "reviewer",
    "superuser",
]
PARTIES = {"municipality_member", "entrepreneur_member", "broker"}
LOGIN = "/konto/logg-inn/"


@pytest.fixture
def world(home_page):
    from apps.cases.tests.factories import CaseIndexPageFactory

    CaseIndexPageFactory(parent=home_page)
    municipality = MunicipalityOrgFactory()
    other_municipality = MunicipalityOrgFactory()
    entrepreneur = OrganisationFactory()
    unrelated = OrganisationFactory()
    people = {
        "anonymous": None,
        "municipality_member": MembershipFactory(organisation=municipality).user,
        "entrepreneur_member": MembershipFactory(organisation=entrepreneur).user,
        "unrelated_member": MembershipFactory(organisation=unrelated).user,
        "broker": MembershipFactory(organisation=municipality, role=MembershipRole.BROKER).user,
        "other_broker": MembershipFactory(
            organisation=other_municipality, role=MembershipRole.BROKER
        ).user,
        "fund_manager": MembershipFactory(
            organisation=municipality, role=MembershipRole.FUND_MANAGER
        ).user,
        "reviewer": MembershipFactory(organisation=municipality, role=MembershipRole.REVIEWER).user,
        "superuser": EditorFactory(),
    }
    collaboration = CollaborationFactory(
        municipality_org=municipality,
        entrepreneur_org=entrepreneur,
        title="Hemmelig samarbeid om skolefravær",
    )
    finished = CollaborationFactory(
        municipality_org=municipality,
        entrepreneur_org=entrepreneur,
        stage=Stage.AVSLUTTET,
        title="Avsluttet samarbeid om arbeidstrening",
        summary="Unge fikk arbeidstrening.",
    )
    need = NeedFactory(organisation=municipality)
    offer = OfferFactory(profile=ProfileFactory(organisation=OrganisationFactory()))
    return {
        "people": people,
        "collaboration": collaboration,
        "finished": finished,
        "need": need,
        "offer": offer,
    }


def _client(client, world, person):
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    return client


def _assert_login_redirect(response):
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


@pytest.mark.parametrize("person", PERSONS)
def test_my_collaborations(client, world, person):
    response = _client(client, world, person).get("/samarbeid/")
    if person == "anonymous":
        _assert_login_redirect(response)
        return
    assert response.status_code == 200
    shown = "Hemmelig samarbeid om skolefravær" in response.content.decode()
    assert shown is (person in {"municipality_member", "entrepreneur_member", "broker"})


@pytest.mark.parametrize("path", ["/samarbeid/tavle/", "/samarbeid/tabell/"])
@pytest.mark.parametrize("person", PERSONS)
def test_board_and_table(client, world, person, path):
    response = _client(client, world, person).get(path)
    if person == "anonymous":
        _assert_login_redirect(response)
        return
    if person not in {"broker", "other_broker"}:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    shown = "Hemmelig samarbeid om skolefravær" in response.content.decode()
    assert shown is (person == "broker")


@pytest.mark.parametrize("suffix", ["", "rediger/"])
@pytest.mark.parametrize("person", PERSONS)
def test_detail_and_edit_page(client, world, person, suffix):
    pk = world["collaboration"].pk
    response = _client(client, world, person).get(f"/samarbeid/{pk}/{suffix}")
    if person == "anonymous":
        _assert_login_redirect(response)
    elif person in PARTIES:
        assert response.status_code == 200
        assert "Hemmelig samarbeid om skolefravær" in response.content.decode()
    else:
        assert response.status_code == 404
        assert "Hemmelig samarbeid" not in response.content.decode()


@pytest.mark.parametrize("person", PERSONS)
def test_stage_change(client, world, person):
    collaboration = world["collaboration"]
    response = _client(client, world, person).post(
        f"/samarbeid/{collaboration.pk}/fase/",
        {"stage-to_stage": Stage.UTFORSKING, "stage-version": 1},
    )
    collaboration.refresh_from_db()
    if person in PARTIES:
        assert response.status_code == 302
        assert collaboration.stage == Stage.UTFORSKING
        return
    if person == "anonymous":
        _assert_login_redirect(response)
    else:
        assert response.status_code == 404
    assert collaboration.stage == Stage.DIALOG


@pytest.mark.parametrize("person", PERSONS)
def test_log_entry(client, world, person):
    collaboration = world["collaboration"]
    response = _client(client, world, person).post(
        f"/samarbeid/{collaboration.pk}/logg/",
        {"log-kind": "meeting", "log-date": "2026-11-20", "log-text": "Første møte."},
    )
    added = LogEntry.objects.filter(collaboration=collaboration).count()
    if person in PARTIES:
        assert response.status_code == 302
        assert added == 1
        return
    if person == "anonymous":
        _assert_login_redirect(response)
    else:
        assert response.status_code == 404
    assert added == 0


@pytest.mark.parametrize("person", PERSONS)
def test_edit(client, world, person):
    collaboration = world["collaboration"]
    response = _client(client, world, person).post(
        f"/samarbeid/{collaboration.pk}/rediger/",
        {"version": 1, "title": "Endret tittel", "summary": "", "outcome": "", "lessons": ""},
    )
    collaboration.refresh_from_db()
    if person in PARTIES:
        assert response.status_code == 302
        assert collaboration.title == "Endret tittel"
        return
    if person == "anonymous":
        _assert_login_redirect(response)
    else:
        assert response.status_code == 404
    assert collaboration.title == "Hemmelig samarbeid om skolefravær"


@pytest.mark.parametrize("person", PERSONS)
def test_routeguide_answer(client, world, person):
    collaboration = world["collaboration"]
    query = (
        "purpose=buy&value=500000&service=ordinary&provider=social_enterprise"
        "&authority=municipality&on_market=yes"
    )
    response = _client(client, world, person).post(
        f"/samarbeid/{collaboration.pk}/veiviser/",
        {"routeguide-url": f"http://testserver/veiviser/svar/?{query}"},
    )
    collaboration.refresh_from_db()
    if person in PARTIES:
        assert response.status_code == 302
        assert [item["query"] for item in collaboration.routeguide_answers] == [query]
        return
    if person == "anonymous":
        _assert_login_redirect(response)
    else:
        assert response.status_code == 404
    assert collaboration.routeguide_answers == []


def _consented(collaboration):
    from django.utils import timezone

    collaboration.example_consent_at = timezone.now()
    collaboration.example_consent_version = collaboration.version
    collaboration.save()
    return collaboration


@pytest.mark.parametrize("person", PERSONS)
def test_publish_as_example(client, world, person):
    """Only the broker sends it, and only to the editors: a draft, not live."""
    finished = _consented(world["finished"])
    response = _client(client, world, person).post(f"/samarbeid/{finished.pk}/publiser/")
    finished.refresh_from_db()
    if person == "broker":
        assert response.status_code == 302
        assert finished.case is not None
        assert not finished.case.live
        return
    if person == "anonymous":
        _assert_login_redirect(response)
    elif person in {"municipality_member", "entrepreneur_member"}:
        assert response.status_code == 403
    else:
        assert response.status_code == 404
    assert finished.case is None


@pytest.mark.parametrize("person", PERSONS)
def test_consent_to_an_example(client, world, person):
    finished = world["finished"]
    response = _client(client, world, person).post(
        f"/samarbeid/{finished.pk}/samtykke/", {"consent-version": finished.version}
    )
    finished.refresh_from_db()
    if person == "entrepreneur_member":
        assert response.status_code == 302
        assert finished.example_consent_by == world["people"]["entrepreneur_member"]
        return
    if person == "anonymous":
        _assert_login_redirect(response)
    elif person in {"municipality_member", "broker"}:
        assert response.status_code == 403
    else:
        assert response.status_code == 404
    assert finished.example_consent_at is None


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("person", PERSONS)
def test_end(client, world, person, method):
    collaboration = world["collaboration"]
    url = f"/samarbeid/{collaboration.pk}/avslutt/"
    browser = _client(client, world, person)
    if method == "get":
        response = browser.get(url)
    else:
        response = browser.post(
            url, {"version": 1, "outcome_kind": "ikke_videre", "outcome": "Ikke aktuelt nå."}
        )
    collaboration.refresh_from_db()
    if person in PARTIES:
        if method == "get":
            assert response.status_code == 200
            assert collaboration.stage == Stage.DIALOG
        else:
            assert response.status_code == 302
            assert collaboration.stage == Stage.AVSLUTTET
        return
    if person == "anonymous":
        _assert_login_redirect(response)
    else:
        assert response.status_code == 404
    assert collaboration.stage == Stage.DIALOG


@pytest.mark.parametrize("person", PERSONS)
def test_reopen(client, world, person):
    from apps.collaborations.models import StageChange

    finished = world["finished"]
    StageChange.objects.create(
        collaboration=finished, from_stage=Stage.UTPROVING, to_stage=Stage.AVSLUTTET
    )
    response = _client(client, world, person).post(
        f"/samarbeid/{finished.pk}/gjenapne/",
        {"reopen-version": finished.version, "reopen-reason": "Nytt budsjett."},
    )
    finished.refresh_from_db()
    if person == "broker":
        assert response.status_code == 302
        assert finished.stage == Stage.UTPROVING
        return
    if person == "anonymous":
        _assert_login_redirect(response)
    elif person in {"municipality_member", "entrepreneur_member"}:
        assert response.status_code == 403
    else:
        assert response.status_code == 404
    assert finished.stage == Stage.AVSLUTTET


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("person", PERSONS)
def test_introduce(client, world, person, method):
    need, offer = world["need"], world["offer"]
    data = {"need": need.pk, "offer": offer.pk, "message": "Snakk sammen."}
    browser = _client(client, world, person)
    if method == "get":
        response = browser.get("/samarbeid/introduser/", data)
    else:
        response = browser.post("/samarbeid/introduser/", data)
    introduced = Introduction.objects.filter(need=need, offer=offer).exists()
    if person == "broker":
        if method == "get":
            assert response.status_code == 200
            assert not introduced
        else:
            assert response.status_code == 302
            assert introduced
        return
    if person == "anonymous":
        _assert_login_redirect(response)
    else:
        assert response.status_code == 403
    assert not introduced
    assert Collaboration.objects.count() == 2


def test_introduce_refuses_an_offer_that_is_not_public(client, world):
    client.force_login(world["people"]["broker"])
    hidden = OfferFactory(active=False)
    response = client.get("/samarbeid/introduser/", {"need": world["need"].pk, "offer": hidden.pk})
    assert response.status_code == 404


def test_introduce_with_bad_ids_is_not_found(client, world):
    client.force_login(world["people"]["broker"])
    assert client.get("/samarbeid/introduser/", {"need": "x", "offer": "1"}).status_code == 404
