"""Site search finds the public rows of the broker, the fund and the meetings, and never a
row that is not public: drafts, members-only and expired needs, unapproved or lapsed
profiles and their offers, unpublished calls and meetings. On SQLite and PostgreSQL."""

import datetime

import pytest
from django.utils import timezone, translation

from apps.broker.models import NeedStatus, NeedVisibility, ReviewStatus
from apps.broker.tests.factories import NeedFactory, OfferFactory, ProfileFactory
from apps.core.models import TargetGroup
from apps.core.services import vocabulary_ensure
from apps.events.models import EventStatus
from apps.events.tests.factories import EventFactory
from apps.fund.tests.factories import CallFactory
from apps.search.selectors import (
    TYPE_CALLS,
    TYPE_ENTREPRENEURS,
    TYPE_MEETINGS,
    TYPE_NEEDS,
    TYPE_PAGES,
    site_search,
)

from .factories import standard_page

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def titles(results) -> set[str]:
    return {item.title for item in results.items}


def found(query: str, **kwargs) -> set[str]:
    return titles(site_search(query=query, page_number=1, per_page=50, **kwargs))


@pytest.fixture
def kompass(db):
    """Kompass & Co as in the demo: an approved profile with two offers."""
    vocabulary_ensure()
    young_adults = TargetGroup.objects.get(code="unge_voksne")
    profile = ProfileFactory(
        organisation__name="Kompass & Co",
        organisation__slug="kompass-co",
        summary="Arbeidstrening for unge med mat, hagearbeid, gatekjøkken og overskuddsmat.",
    )
    food = OfferFactory(
        profile=profile,
        title="Arbeidstrening med mat og overskuddsmat",
        description="Unge trener på arbeid i kjøkken og gatekjøkken, med mat som ellers "
        "ville blitt kastet.",
    )
    garden = OfferFactory(
        profile=profile,
        title="Arbeidstrening i hage",
        description="Praktisk arbeid i hage gir unge rutiner, erfaring og en referanse.",
    )
    for offer in (food, garden):
        offer.target_groups.set([young_adults])  # after the save, as the offer form does
    return profile


@pytest.fixture
def young_adults_needs(db):
    """A public need about young adults without work, and the demo's draft one."""
    vocabulary_ensure()
    young_adults = TargetGroup.objects.get(code="unge_voksne")
    public = NeedFactory(
        title="Unge voksne står uten jobb etter sosialhjelp",
        description="Unge voksne som har gått på sosialhjelp lenge, kommer ikke i jobb.",
        target_groups=[young_adults],
    )
    NeedFactory(
        title="Unge voksne på sosialhjelp uten arbeidserfaring",
        description="Unge voksne uten jobb og uten erfaring fra arbeidslivet.",
        status=NeedStatus.DRAFT,
        target_groups=[young_adults],
    )
    return public


def test_kompass_finds_the_entrepreneur_and_its_offers(kompass):
    with translation.override("en"):
        results = site_search(query="Kompass", page_number=1)
    labels = {item.title: item.type_label for item in results.items}
    assert labels == {
        "Kompass & Co": "Entrepreneur",
        "Arbeidstrening med mat og overskuddsmat": "Offer",
        "Arbeidstrening i hage": "Offer",
    }
    urls = {item.title: item.url for item in results.items}
    assert urls["Kompass & Co"] == "/entreprenorer/kompass-co/"
    offer_items = [item for item in results.items if item.type_label == "Offer"]
    assert {item.context for item in offer_items} == {"Kompass & Co"}


def test_unge_voksne_uten_jobb_finds_the_public_need_and_never_the_draft(young_adults_needs):
    results = site_search(query="Unge voksne uten jobb", page_number=1)
    assert titles(results) == {"Unge voksne står uten jobb etter sosialhjelp"}
    (item,) = results.items
    assert item.url == young_adults_needs.get_absolute_url()
    assert "<mark>jobb</mark>" in str(item.snippet)
    assert not results.any_word


def test_a_query_no_row_has_every_word_of_shows_rows_with_some_of_them(kompass):
    results = site_search(query="Unge voksne uten jobb", page_number=1, per_page=50)
    assert results.any_word
    # The offers are for «Unge voksne» (target group) and say «unge»; none says «jobb».
    assert {
        "Arbeidstrening med mat og overskuddsmat",
        "Arbeidstrening i hage",
    } <= titles(results)


def test_inflected_words_find_needs_offers_and_calls(kompass, home_page):
    NeedFactory(title="Ensomme eldre", description="Eldre som bor hjemme er ensomme.")
    CallFactory(title="Innovasjonsmidler 2027", text="Midler til arbeidstreningen i kommunen.")
    assert found("arbeidstreningen") == {
        "Kompass & Co",
        "Arbeidstrening med mat og overskuddsmat",
        "Arbeidstrening i hage",
        "Innovasjonsmidler 2027",
    }
    assert found("eldres") == {"Ensomme eldre"}


@pytest.mark.parametrize(
    "private",
    [
        {"status": NeedStatus.DRAFT},
        {"status": NeedStatus.CLOSED},
        {"visibility": NeedVisibility.MEMBERS},
        {"expires_at": YESTERDAY},
    ],
    ids=["draft", "closed", "members-only", "expired"],
)
def test_needs_that_are_not_public_are_never_found(db, private):
    NeedFactory(title="Hemmelig behov om skolevegring", **private)
    NeedFactory(title="Offentlig behov om skolevegring")
    assert found("skolevegring") == {"Offentlig behov om skolevegring"}
    assert found("hemmelig") == set()


def test_a_need_that_turns_private_after_being_public_is_no_longer_found(db):
    need = NeedFactory(title="Skolevegring i Bærum", description="Elever blir hjemme.")
    assert found("skolevegring") == {"Skolevegring i Bærum"}
    need.visibility = NeedVisibility.MEMBERS
    need.save()
    assert found("skolevegring") == set()
    need.visibility = NeedVisibility.PUBLIC
    need.status = NeedStatus.DRAFT
    need.save()
    assert found("skolevegring") == set()


def test_a_need_that_expires_without_any_write_is_no_longer_found(db):
    need = NeedFactory(title="Skolevegring i Asker", expires_at=timezone.localdate())
    assert found("skolevegring") == {"Skolevegring i Asker"}
    type(need).objects.filter(pk=need.pk).update(expires_at=YESTERDAY)  # no signal: time passes
    assert found("skolevegring") == set()


@pytest.mark.parametrize(
    "private",
    [
        {"review_status": ReviewStatus.PENDING},
        {"review_status": ReviewStatus.REJECTED},
        {"renewal_due": YESTERDAY},
    ],
    ids=["pending", "rejected", "lapsed"],
)
def test_unapproved_or_lapsed_profiles_and_their_offers_are_never_found(db, private):
    hidden = ProfileFactory(organisation__name="Skjult Samvirke", summary="Gartneri.", **private)
    OfferFactory(profile=hidden, title="Skjult gartneritilbud", description="Gartneri.")
    shown = ProfileFactory(organisation__name="Synlig Samvirke", summary="Gartneri.")
    OfferFactory(profile=shown, title="Synlig gartneritilbud", description="Gartneri.")
    OfferFactory(
        profile=shown, title="Inaktivt gartneritilbud", description="Gartneri.", active=False
    )
    assert found("gartneri") == {"Synlig Samvirke", "Synlig gartneritilbud"}
    assert found("skjult") == set()


def test_a_profile_that_loses_its_approval_takes_its_offers_out_of_search(db):
    profile = ProfileFactory(organisation__name="Gartneriet", summary="Gartneri for unge.")
    OfferFactory(profile=profile, title="Parkstell", description="Gartneri og parkstell.")
    assert found("gartneri") == {"Gartneriet", "Parkstell"}
    profile.review_status = ReviewStatus.PENDING
    profile.save()
    assert found("gartneri") == set()


def test_unpublished_calls_and_draft_meetings_are_never_found(db):
    CallFactory(title="Upublisert utlysning om velferdsteknologi", published=False)
    CallFactory(title="Publisert utlysning om velferdsteknologi")
    EventFactory(title="Utkast til møte om velferdsteknologi", status=EventStatus.DRAFT)
    EventFactory(title="Dialogmøte om velferdsteknologi")
    assert found("velferdsteknologi") == {
        "Publisert utlysning om velferdsteknologi",
        "Dialogmøte om velferdsteknologi",
    }


def test_a_closed_call_is_found_and_labelled_closed(db):
    CallFactory(
        title="Utlysning om boligsosialt arbeid",
        opens_at=timezone.now() - datetime.timedelta(days=60),
        deadline=timezone.now() - datetime.timedelta(days=1),
    )
    with translation.override("en"):
        (item,) = site_search(query="boligsosialt", page_number=1).items
    assert item.type_label == "Call"
    assert item.status_label == "Closed"
    assert item.url.startswith("/fond/")


def test_a_deleted_need_leaves_the_index(db):
    need = NeedFactory(title="Skolevegring i Lier")
    need.delete()
    assert found("skolevegring") == set()


def test_an_organisation_rename_reaches_its_entries(kompass):
    organisation = kompass.organisation
    organisation.name = "Kursfinner AS"
    organisation.save()
    assert "Kursfinner AS" in found("kursfinner")
    assert found("kompass") == set()


# The type filter ---------------------------------------------------------------------------


@pytest.fixture
def one_of_each(home_page):
    standard_page(home_page, title="Oppskrift om samskaping", intro="Samskaping steg for steg.")
    NeedFactory(title="Behov for samskaping", description="Vi trenger samskaping.")
    profile = ProfileFactory(organisation__name="Samskaping AS", summary="Samskaping.")
    OfferFactory(profile=profile, title="Kurs i samskaping", description="Samskaping.")
    CallFactory(title="Utlysning om samskaping", text="Samskaping.")
    EventFactory(title="Dialogmøte om samskaping", summary="Samskaping.")


@pytest.mark.parametrize(
    ("type", "expected"),
    [
        (TYPE_PAGES, {"Oppskrift om samskaping"}),
        (TYPE_NEEDS, {"Behov for samskaping"}),
        (TYPE_ENTREPRENEURS, {"Samskaping AS", "Kurs i samskaping"}),
        (TYPE_CALLS, {"Utlysning om samskaping"}),
        (TYPE_MEETINGS, {"Dialogmøte om samskaping"}),
    ],
)
def test_the_type_filter_narrows_and_counts_every_type(one_of_each, type, expected):
    results = site_search(query="samskaping", page_number=1, type=type)
    assert titles(results) == expected
    assert results.total == len(expected)
    counts = {choice.value: choice.count for choice in results.type_counts}
    assert counts == {
        "": 6,
        TYPE_PAGES: 1,
        TYPE_NEEDS: 1,
        TYPE_ENTREPRENEURS: 2,
        TYPE_CALLS: 1,
        TYPE_MEETINGS: 1,
    }
    assert [choice.value for choice in results.type_counts if choice.selected] == [type]


def test_an_unknown_type_means_every_type(one_of_each):
    results = site_search(query="samskaping", page_number=1, type="hemmelig")
    assert results.type == ""
    assert results.total == 6


def test_update_index_rebuilds_the_entries_of_every_kind(kompass):
    from django.core.management import call_command
    from modelsearch.conf import get_app_config

    NeedFactory(title="Skolevegring i Lier")
    CallFactory(title="Utlysning om skolevegring")
    get_app_config().get_model("IndexEntry").objects.all().delete()
    assert found("skolevegring") == set()
    call_command("update_index", verbosity=0)
    assert found("skolevegring") == {"Skolevegring i Lier", "Utlysning om skolevegring"}
    assert "Kompass & Co" in found("kompass")


def test_a_fund_rename_reaches_its_calls(db):
    call = CallFactory(title="Utlysning 2027", text="Midler.")
    fund = call.fund
    fund.name = "Velferdsfondet"
    fund.save()
    assert found("velferdsfondet") == {"Utlysning 2027"}
    fund.description = "Et fond."
    fund.save(update_fields=["description"])  # no name change: nothing to re-index
    assert found("velferdsfondet") == {"Utlysning 2027"}
