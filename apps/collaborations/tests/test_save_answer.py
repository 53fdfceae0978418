# ruff: noqa: F401, F811 - the tests take the `world` fixture imported from test_permissions
"""«Save to a collaboration» from a route-guide answer: person × view × collaboration, with
every denial asserted (and that a denied save stored nothing); the saved answer keeps its
date, and the collaboration's page says what the guide would say differently today."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from apps.accounts.tests.factories import OrganisationFactory
from apps.collaborations import services
from apps.rules.selectors import today_oslo

from .factories import CollaborationFactory, MunicipalityOrgFactory
from .test_permissions import PARTIES, PERSONS, _assert_login_redirect, _client, world

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
# NOK 2.1 m of ordinary services on 1 February 2022: part III then (EEA threshold 2 050 000),
# part II today.
QUERY = (
    "purpose=buy&value=2100000&service=ordinary&provider=company&authority=municipality"
    "&on_market=yes&date=2022-02-01"
)
UNDATED = QUERY.replace("&date=2022-02-01", "")
SAVE = "/samarbeid/lagre-svar/"


@pytest.fixture
def rules(db):
    from apps.routeguide.tests.ruledata import seed_rule_rows

    seed_rule_rows()


@pytest.fixture
def other(world):
    """A collaboration of another municipality, with the unrelated organisation as the
    entrepreneur: its parties are the other broker and the unrelated member."""
    from apps.accounts.models import Membership

    other_broker = world["people"]["other_broker"]
    municipality = Membership.objects.get(user=other_broker).organisation
    unrelated = Membership.objects.get(user=world["people"]["unrelated_member"]).organisation
    return CollaborationFactory(
        municipality_org=municipality,
        entrepreneur_org=unrelated,
        title="Et annet samarbeid om leksehjelp",
    )


OTHER_PARTIES = {"other_broker", "unrelated_member"}


@pytest.mark.parametrize("person", PERSONS)
def test_the_save_page_lists_only_the_persons_own_collaborations(client, world, other, person):
    response = _client(client, world, person).get(f"{SAVE}?{QUERY}")
    if person == "anonymous":
        _assert_login_redirect(response)
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Hemmelig samarbeid om skolefravær" in html) is (person in PARTIES)
    assert ("Et annet samarbeid om leksehjelp" in html) is (person in OTHER_PARTIES)
    has_form = person in PARTIES | OTHER_PARTIES
    assert ('name="csrfmiddlewaretoken"' in html) is has_form
    assert (f'name="query" value="{QUERY.replace("&", "&amp;")}"' in html) is has_form


@pytest.mark.parametrize("person", PERSONS)
def test_only_a_party_saves_to_the_collaboration(client, world, other, person):
    collaboration = world["collaboration"]
    response = _client(client, world, person).post(
        SAVE, {"collaboration": collaboration.pk, "query": QUERY}
    )
    collaboration.refresh_from_db()
    if person in PARTIES:
        assert response.status_code == 302
        assert response["Location"] == f"/samarbeid/{collaboration.pk}/#veiviser"
        assert [item["query"] for item in collaboration.routeguide_answers] == [QUERY]
        return
    if person == "anonymous":
        _assert_login_redirect(response)
    else:
        assert response.status_code == 404
    assert collaboration.routeguide_answers == []


@pytest.mark.parametrize("person", PERSONS)
def test_only_a_party_saves_to_another_municipalitys_collaboration(client, world, other, person):
    response = _client(client, world, person).post(
        SAVE, {"collaboration": other.pk, "query": QUERY}
    )
    other.refresh_from_db()
    if person in OTHER_PARTIES:
        assert response.status_code == 302
        assert [item["query"] for item in other.routeguide_answers] == [QUERY]
        return
    if person == "anonymous":
        _assert_login_redirect(response)
    else:
        assert response.status_code == 404
    assert other.routeguide_answers == []


@pytest.mark.parametrize("person", PERSONS)
def test_only_a_party_sees_the_saved_answer(client, world, person):
    collaboration = world["collaboration"]
    collaboration.routeguide_answers = [{"query": QUERY, "regime": "DEL_III"}]
    collaboration.save()
    response = _client(client, world, person).get(f"/samarbeid/{collaboration.pk}/")
    if person == "anonymous":
        _assert_login_redirect(response)
        return
    if person not in PARTIES:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert f'href="/veiviser/svar/?{QUERY.replace("&", "&amp;")}"' in response.content.decode()


def test_an_answer_without_a_date_is_saved_with_todays(client, world):
    client.force_login(world["people"]["municipality_member"])
    collaboration = world["collaboration"]
    response = client.post(SAVE, {"collaboration": collaboration.pk, "query": UNDATED})
    assert response.status_code == 302
    collaboration.refresh_from_db()
    stored = collaboration.routeguide_answers[0]["query"]
    assert stored == f"{UNDATED}&date={today_oslo().isoformat()}"


def test_the_page_shows_what_would_be_different_today(english, world, rules):
    """The saved answer re-opens for its date, and the collaboration's page says the guide
    would answer part II today where it answered part III then (the same comparison as the
    answer page's)."""
    english.force_login(world["people"]["entrepreneur_member"])
    collaboration = world["collaboration"]
    english.post(SAVE, {"collaboration": collaboration.pk, "query": QUERY})
    html = english.get(f"/samarbeid/{collaboration.pk}/").content.decode()
    item = re.search(r'<li class="collab-answer">.*?See the answer for today</a>', html, re.S)
    item = item.group(0)
    assert f'href="/veiviser/svar/?{QUERY.replace("&", "&amp;")}"' in item
    assert "Parts I and III of the procurement regulation" in item
    assert "the rules as on Feb. 1, 2022" in item
    assert "What would be different today:" in item
    assert "Today the purchase would fall under: Parts I and II" in item
    assert f"NOK 2{NBSP}050{NBSP}000 on the saved date" in item
    assert f'href="/veiviser/svar/?{UNDATED.replace("&", "&amp;")}"' in item
    # The link re-opens the answer for that date, with the same comparison.
    answer = english.get(f"/veiviser/svar/?{QUERY}").content.decode()
    assert "Today the purchase would fall under" in answer


def test_an_answer_saved_today_has_no_comparison(english, world, rules):
    english.force_login(world["people"]["broker"])
    collaboration = world["collaboration"]
    english.post(SAVE, {"collaboration": collaboration.pk, "query": UNDATED})
    html = english.get(f"/samarbeid/{collaboration.pk}/").content.decode()
    assert 'class="collab-answer"' in html
    assert "data-today" not in html


def test_no_choice_keeps_the_answer_and_says_what_to_do(english, world):
    english.force_login(world["people"]["broker"])
    response = english.post(SAVE, {"query": QUERY})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose the collaboration to save the answer to." in html
    assert f'name="query" value="{QUERY.replace("&", "&amp;")}"' in html


def test_not_an_answer_goes_back_to_the_route_guide(english, world):
    english.force_login(world["people"]["broker"])
    response = english.get(f"{SAVE}?purpose=buy")
    assert response.status_code == 302
    assert response["Location"] == "/veiviser/"


def test_a_person_without_collaborations_is_told_how_one_starts(english, world):
    english.force_login(world["people"]["fund_manager"])
    html = english.get(f"{SAVE}?{QUERY}").content.decode()
    assert "You are not a party to any collaboration yet." in html
    assert 'id="save-answer-form"' not in html


def test_the_save_form_needs_its_csrf_token(world):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world["people"]["broker"])
    collaboration = world["collaboration"]
    response = strict.post(SAVE, {"collaboration": collaboration.pk, "query": QUERY})
    assert response.status_code == 403
    collaboration.refresh_from_db()
    assert collaboration.routeguide_answers == []


def test_a_collaboration_keeps_at_most_twenty_answers(english, world):
    english.force_login(world["people"]["broker"])
    collaboration = world["collaboration"]
    collaboration.routeguide_answers = [
        {"query": QUERY.replace("2100000", str(100000 + n)), "regime": ""}
        for n in range(services.MAX_ROUTEGUIDE_ANSWERS)
    ]
    collaboration.save()
    response = english.post(SAVE, {"collaboration": collaboration.pk, "query": QUERY})
    assert response.status_code == 400
    assert "already has 20 route-guide answers" in response.content.decode()
    collaboration.refresh_from_db()
    assert len(collaboration.routeguide_answers) == services.MAX_ROUTEGUIDE_ANSWERS


def _page_queries(client, collaboration) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/samarbeid/{collaboration.pk}/")
    assert response.status_code == 200
    return len(queries)


def test_the_page_costs_the_same_whatever_the_number_of_saved_answers(client, world, rules):
    client.force_login(world["people"]["broker"])
    collaboration = world["collaboration"]
    dates = ["2018-05-01", "2020-03-01", "2022-02-01", "2023-06-01", "2024-04-01"]
    collaboration.routeguide_answers = [{"query": QUERY, "regime": "DEL_III"}]
    collaboration.save()
    one = _page_queries(client, collaboration)
    collaboration.routeguide_answers = [
        {"query": QUERY.replace("2022-02-01", day), "regime": ""} for day in dates
    ]
    collaboration.save()
    many = _page_queries(client, collaboration)
    assert one == many


def test_the_answer_page_links_to_the_save_page_with_the_date(client, rules):
    html = client.get(f"/veiviser/svar/?{QUERY}").content.decode()
    assert f'href="{SAVE}?{QUERY.replace("&", "&amp;")}"' in html


def test_an_unrelated_municipality_is_no_party(client, world):
    """A member of yet another organisation sees none of the collaborations on the page."""
    from apps.accounts.tests.factories import MembershipFactory

    stranger = MembershipFactory(organisation=OrganisationFactory()).user
    MunicipalityOrgFactory()
    client.force_login(stranger)
    response = client.post(SAVE, {"collaboration": world["collaboration"].pk, "query": QUERY})
    assert response.status_code == 404
