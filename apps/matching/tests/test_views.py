"""Pages and actions: who may pin, dismiss, undo and subscribe (denials asserted)."""

import pytest
from django.urls import reverse

from apps.broker.models import NeedStatus
from apps.matching.models import MatchDecision, MatchSubscription

ACTORS = [
    "anonymous",
    "own_member",
    "other_member",
    "entrepreneur",
    "own_broker",
    "other_broker",
    "superuser",
]
# A superuser has no short-cut (issue 19): only granted roles decide or subscribe.
DECIDERS = {"own_broker"}
SUBSCRIBERS = {"entrepreneur"}


def _login(client, people, actor):
    if people[actor] is not None:
        client.force_login(people[actor])


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("action", ["pin", "dismiss"])
def test_only_brokers_of_the_owning_municipality_decide(
    client, people, dropout_need, offers, actor, action
):
    _login(client, people, actor)
    url = reverse(f"matching:{action}", args=[dropout_need.pk, offers["mentor"].pk])
    response = client.post(url, {"next": "/behov/"})
    decided = MatchDecision.objects.filter(need=dropout_need, offer=offers["mentor"])
    if actor in DECIDERS:
        assert response.status_code == 302 and response["Location"] == "/behov/"
        assert decided.get().decision == {"pin": "pinned", "dismiss": "dismissed"}[action]
    else:
        expected = 302 if actor == "anonymous" else 403
        assert response.status_code == expected
        if actor == "anonymous":
            assert "/logg-inn/" in response["Location"] or "login" in response["Location"]
        assert not decided.exists()


@pytest.mark.parametrize("actor", ACTORS)
def test_only_brokers_undo(client, people, dropout_need, offers, actor):
    from apps.matching import services

    services.match_dismiss(need=dropout_need, offer=offers["mentor"], user=people["own_broker"])
    _login(client, people, actor)
    response = client.post(reverse("matching:undo", args=[dropout_need.pk, offers["mentor"].pk]))
    exists = MatchDecision.objects.filter(need=dropout_need).exists()
    if actor in DECIDERS:
        assert response.status_code == 302 and not exists
    else:
        expected = 302 if actor == "anonymous" else 403
        assert response.status_code == expected and exists
        if actor == "anonymous":
            assert "/logg-inn/" in response["Location"] or "login" in response["Location"]


def test_decisions_need_post_and_a_public_offer(client, people, dropout_need, offers):
    client.force_login(people["own_broker"])
    url = reverse("matching:pin", args=[dropout_need.pk, offers["mentor"].pk])
    assert client.get(url).status_code == 405
    offers["mentor"].active = False
    offers["mentor"].save()
    assert client.post(url).status_code == 404


def test_next_must_stay_on_the_site(client, people, dropout_need, offers):
    client.force_login(people["own_broker"])
    url = reverse("matching:pin", args=[dropout_need.pk, offers["mentor"].pk])
    response = client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == dropout_need.get_absolute_url() + "#matches"


@pytest.fixture
def entrepreneur_offer(make_offer, people):
    return make_offer(
        "Mentorer mot frafall",
        "Mentorer for elever som dropper ut.",
        profile=people["_profile"],
        sector_codes=["oppvekst_utdanning"],
    )


@pytest.mark.parametrize("actor", ACTORS)
def test_only_the_entrepreneurs_members_subscribe(client, people, entrepreneur_offer, actor):
    _login(client, people, actor)
    response = client.post(reverse("matching:subscribe", args=[entrepreneur_offer.pk]))
    subscribed = MatchSubscription.objects.filter(offer=entrepreneur_offer).exists()
    if actor in SUBSCRIBERS:
        assert response.status_code == 302 and subscribed
        response = client.post(reverse("matching:unsubscribe", args=[entrepreneur_offer.pk]))
        assert response.status_code == 302
        assert not MatchSubscription.objects.filter(offer=entrepreneur_offer).exists()
    else:
        assert response.status_code == (302 if actor == "anonymous" else 403)
        assert not subscribed


@pytest.mark.parametrize("actor", ["other_member", "own_broker", "anonymous"])
def test_others_cannot_unsubscribe_someone(client, people, entrepreneur_offer, actor):
    MatchSubscription.objects.create(offer=entrepreneur_offer, user=people["entrepreneur"])
    _login(client, people, actor)
    client.post(reverse("matching:unsubscribe", args=[entrepreneur_offer.pk]))
    assert MatchSubscription.objects.filter(offer=entrepreneur_offer).count() == 1


@pytest.mark.parametrize(
    "actor,status",
    [
        ("anonymous", 404),
        ("other_member", 404),
        ("own_member", 200),
        ("own_broker", 200),
        ("other_broker", 404),
        ("superuser", 404),
    ],
)
def test_matches_page_of_a_draft_need_is_hidden(english, people, make_need, offers, actor, status):
    draft = make_need("Utkast om frafall", "Elever dropper ut.", status=NeedStatus.DRAFT)
    _login(english, people, actor)
    response = english.get(reverse("matching:need-matches", args=[draft.pk]))
    assert response.status_code == status


def test_need_matches_show_actions_to_brokers_only(english, people, dropout_need, offers):
    url = reverse("matching:need-matches", args=[dropout_need.pk])
    page = english.get(url).content.decode()
    assert offers["mentor"].title in page
    assert "Score" in page and "Shared sectors" in page
    assert reverse("matching:pin", args=[dropout_need.pk, offers["mentor"].pk]) not in page

    english.force_login(people["own_broker"])
    page = english.get(url).content.decode()
    assert reverse("matching:pin", args=[dropout_need.pk, offers["mentor"].pk]) in page
    assert reverse("matching:dismiss", args=[dropout_need.pk, offers["mentor"].pk]) in page
    assert "collaborations" not in page or "/samarbeid/introduser/" in page


def test_dismissed_offers_can_be_undone_from_the_list(english, people, dropout_need, offers):
    from apps.matching import services

    services.match_dismiss(need=dropout_need, offer=offers["mentor"], user=people["own_broker"])
    english.force_login(people["own_broker"])
    page = english.get(reverse("matching:need-matches", args=[dropout_need.pk])).content.decode()
    assert "1 hidden offer" in page
    assert reverse("matching:undo", args=[dropout_need.pk, offers["mentor"].pk]) in page


def test_offer_matches_page_offers_subscription_to_members(
    english, people, entrepreneur_offer, dropout_need, make_need
):
    make_need("Hemmelig utkast om frafall", "Elever dropper ut.", status=NeedStatus.DRAFT)
    url = reverse("matching:offer-matches", args=[entrepreneur_offer.pk])
    page = english.get(url).content.decode()
    assert dropout_need.title in page
    assert "Hemmelig utkast" not in page
    assert reverse("matching:subscribe", args=[entrepreneur_offer.pk]) not in page
    english.force_login(people["entrepreneur"])
    page = english.get(url).content.decode()
    assert reverse("matching:subscribe", args=[entrepreneur_offer.pk]) in page


def test_offer_matches_page_of_a_hidden_offer_is_404(english, people, entrepreneur_offer):
    entrepreneur_offer.active = False
    entrepreneur_offer.save()
    url = reverse("matching:offer-matches", args=[entrepreneur_offer.pk])
    assert english.get(url).status_code == 404
    english.force_login(people["entrepreneur"])
    assert english.get(url).status_code == 200


@pytest.mark.parametrize(
    "actor,sees_pins",
    [
        ("anonymous", False),
        ("own_member", False),
        ("entrepreneur", False),
        ("other_broker", False),
        ("own_broker", True),
    ],
)
def test_pins_and_dismissals_show_to_the_needs_brokers_only(
    english, people, dropout_need, offers, actor, sees_pins
):
    from apps.matching import services

    broker = people["own_broker"]
    services.match_pin(need=dropout_need, offer=offers["food"], user=broker)
    services.match_dismiss(need=dropout_need, offer=offers["mentor"], user=broker)
    _login(english, people, actor)
    response = english.get(reverse("matching:need-matches", args=[dropout_need.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    titles = [offer.title for offer in offers.values()]
    listed = sorted((page.find(title), title) for title in titles if title in page)
    if sees_pins:
        assert "Marked as relevant by a broker" in page and "1 hidden offer" in page
        # The pinned offer leads; the dismissed one is only in the undo list.
        assert listed[0][1] == offers["food"].title
        matches_list = page.split("hidden offer")[0]
        assert offers["mentor"].title not in matches_list
    else:
        assert "relevant" not in page and "hidden offer" not in page
        # The plain ranking: the dismissed offer is listed first, the pinned one is not lifted.
        assert listed[0][1] == offers["mentor"].title
