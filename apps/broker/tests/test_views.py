import datetime

import pytest
from django.utils import timezone

from apps.accounts.tests.helpers import login_with_otp
from apps.broker.models import EntrepreneurProfile, Need

from .factories import NeedFactory, OfferFactory, ProfileFactory

pytestmark = pytest.mark.django_db


def need_data(organisation, **overrides):
    data = {
        "organisation": organisation.pk,
        "title": "Unge som faller ut",
        "description": "Elever slutter i videregående og blir gående hjemme.",
        "affected": "Ungdom mellom 16 og 20 år.",
        "tried": "Oppfølgingstjenesten ringer dem.",
        "outcome": "Flere fullfører eller får jobb.",
        "status": "open",
        "visibility": "public",
    }
    data.update(overrides)
    return data


def test_need_form_shows_one_question_per_field_and_examples(english, people):
    english.force_login(people["own_member"])
    html = english.get("/behov/ny/").content.decode()
    for question in (
        "What is the problem?",
        "Who is affected?",
        "What has been tried?",
        "What outcome do you want?",
        "Examples of need statements",
    ):
        assert question in html


def test_create_need(english, people, baerum, sectors):
    english.force_login(people["own_member"])
    data = need_data(baerum, sectors=[s.pk for s in sectors[:2]], no_clear_owner="on")
    response = english.post("/behov/ny/", data)
    need = Need.objects.get(title="Unge som faller ut")
    assert response.status_code == 302
    assert response["Location"] == f"/behov/{need.pk}/"
    html = english.get(response["Location"]).content.decode()
    assert "Cross-sector" in html
    assert "No clear owner" in html
    assert "Ungdom mellom 16 og 20 år." in html


def test_solution_words_warn_keep_text_and_save_on_confirm(english, people, baerum):
    english.force_login(people["own_member"])
    data = need_data(baerum, description="Vi trenger en app som varsler når elever er borte.")

    response = english.post("/behov/ny/", data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Does the text describe a solution?" in html
    assert "Vi trenger en" in html and "app" in html
    assert "Vi trenger en app som varsler når elever er borte." in html  # the text is kept
    assert 'name="confirm_solution_words"' in html
    assert not Need.objects.exists()

    response = english.post("/behov/ny/", {**data, "confirm_solution_words": "on"})
    assert response.status_code == 302
    assert Need.objects.filter(description__startswith="Vi trenger en app").exists()


def test_invalid_need_form_shows_an_error_summary(english, people, baerum):
    english.force_login(people["own_member"])
    response = english.post(
        "/behov/ny/", need_data(baerum, title="", budget_min="900", budget_max="100")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the following" in html
    assert 'href="#id_title"' in html
    assert 'aria-invalid="true"' in html
    assert "The upper budget must be at least the lower budget." in html


def test_stale_edit_keeps_the_text_and_explains(english, people, needs):
    need = needs["public"]
    english.force_login(people["own_member"])
    form = english.get(f"/behov/{need.pk}/rediger/")
    assert form.context["form"]["version"].value() == 1
    # Someone else saves first.
    Need.objects.filter(pk=need.pk).update(title="Noen andres tittel", version=2)

    data = need_data(need.organisation, title="Min tittel", version=1)
    del data["organisation"]
    response = english.post(f"/behov/{need.pk}/rediger/", data)

    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this need while you were editing" in html
    assert 'value="Min tittel"' in html
    assert "Noen andres tittel" in html
    need.refresh_from_db()
    assert need.title == "Noen andres tittel"

    # Saving again (the form now carries the current version) replaces it.
    data["version"] = 2
    assert english.post(f"/behov/{need.pk}/rediger/", data).status_code == 302
    need.refresh_from_db()
    assert need.title == "Min tittel" and need.version == 3


def test_expired_needs_leave_the_list_and_owners_see_expires_soon(english, people, baerum):
    NeedFactory(
        organisation=baerum,
        title="Gammelt behov",
        expires_at=timezone.localdate() - datetime.timedelta(days=1),
    )
    soon = NeedFactory(
        organisation=baerum,
        title="Snart utløpt",
        expires_at=timezone.localdate() + datetime.timedelta(days=5),
    )
    html = english.get("/behov/").content.decode()
    assert "Gammelt behov" not in html and "Snart utløpt" in html

    english.force_login(people["own_member"])
    html = english.get("/behov/").content.decode()
    assert "Your organisation's needs that expire soon" in html
    assert "Gammelt behov" in html  # listed for its owners, to renew
    detail = english.get(f"/behov/{soon.pk}/").content.decode()
    assert "Expires soon" in detail
    assert "Renew for 180 days" in detail

    english.post(f"/behov/{soon.pk}/forny/")
    soon.refresh_from_db()
    assert soon.expires_at == timezone.localdate() + datetime.timedelta(days=180)


def test_list_filters_without_javascript(english, baerum, oslo, sectors):
    NeedFactory(organisation=baerum, title="Bærums behov", sectors=sectors[:2])
    NeedFactory(organisation=oslo, title="Oslos behov")
    html = english.get("/behov/?municipality=0301").content.decode()
    assert "Oslos behov" in html and "Bærums behov" not in html
    html = english.get("/behov/?cross_sector=on").content.decode()
    assert "Bærums behov" in html and "Oslos behov" not in html
    response = english.get("/behov/?sector=nope")
    assert response.status_code == 200
    assert "Some filter values could not be used" in response.content.decode()


def test_search_never_shows_drafts_or_members_only(client, home_page, baerum):
    """Site search indexes needs: a word shared by a public, a draft and a members-only need
    finds the public one only (fails if search drops needs or shows private ones)."""
    public = NeedFactory(organisation=baerum, title="Offentlig behov om kvernsteinsmøller")
    draft = NeedFactory(organisation=baerum, title="Utkast om kvernsteinsmøller", status="draft")
    members = NeedFactory(
        organisation=baerum, title="Medlemsbehov om kvernsteinsmøller", visibility="members"
    )

    response = client.get("/sok/", {"q": "kvernsteinsmøller"})

    assert response.status_code == 200
    titles = {str(item.title) for item in response.context["results"].items}
    assert titles == {public.title}
    html = response.content.decode()
    assert f"/behov/{public.pk}/" in html
    assert f"/behov/{draft.pk}/" not in html
    assert f"/behov/{members.pk}/" not in html


def test_profile_flow_from_create_to_public(english, people):
    from apps.accounts.models import Organisation

    org = Organisation.objects.get(name="Grønn Arbeidstrening SA")
    org.entrepreneur_profile.delete()
    english.force_login(people["entrepreneur"])
    listing = english.get("/entreprenorer/").content.decode()
    assert "Create the profile of Grønn Arbeidstrening SA" in listing

    response = english.post(
        f"/entreprenorer/{org.slug}/profil/",
        {
            "summary": "Arbeidstrening i hage.",
            "evidence": "Sju av ti i jobb.",
            "area_national": "on",
        },
    )
    assert response.status_code == 302
    page = english.get(f"/entreprenorer/{org.slug}/").content.decode()
    assert "Waiting for a broker's review" in page
    response = english.post(
        f"/entreprenorer/{org.slug}/tilbud/ny/",
        {
            "title": "Hagetrening",
            "description": "Trening i hagen.",
            "maturity": "tested",
            "active": "on",
        },
    )
    assert response.status_code == 302

    english.logout()
    assert english.get(f"/entreprenorer/{org.slug}/").status_code == 404

    login_with_otp(english, people["other_broker"])  # reviewing asks for the second factor
    queue = english.get("/entreprenorer/vurdering/").content.decode()
    assert "Grønn Arbeidstrening SA" in queue
    reject = english.post(f"/entreprenorer/{org.slug}/vurder/", {"decision": "reject"})
    assert reject.status_code == 302
    profile = EntrepreneurProfile.objects.get(organisation=org)
    assert profile.review_status == "pending"  # a rejection needs a note
    english.post(f"/entreprenorer/{org.slug}/vurder/", {"decision": "approve"})

    english.logout()
    page = english.get(f"/entreprenorer/{org.slug}/").content.decode()
    assert "Hagetrening" in page
    assert "Sju av ti i jobb." in page


def test_renew_button_for_profile_owners(english, people):
    from apps.accounts.models import Organisation

    profile = Organisation.objects.get(name="Grønn Arbeidstrening SA").entrepreneur_profile
    profile.renewal_due = timezone.localdate() + datetime.timedelta(days=10)
    profile.save()
    english.force_login(people["entrepreneur"])
    html = english.get(profile.get_absolute_url()).content.decode()
    assert "Renew for a year" in html
    assert "The profile must be renewed by" in html
    english.post(f"{profile.get_absolute_url()}forny/")
    profile.refresh_from_db()
    assert profile.renewal_due == timezone.localdate() + datetime.timedelta(days=365)


def test_lapsed_profile_hidden_from_list_and_page(client):
    lapsed = ProfileFactory(renewal_due=timezone.localdate() - datetime.timedelta(days=1))
    OfferFactory(profile=lapsed, title="Skjult")
    assert lapsed.organisation.name not in client.get("/entreprenorer/").content.decode()
    assert client.get(lapsed.get_absolute_url()).status_code == 404


def test_entrepreneur_list_filters(english, sectors):
    a = OfferFactory(title="Sektor A-tilbud", sectors=sectors[:1], maturity="idea")
    b = OfferFactory(title="Sektor B-tilbud", sectors=sectors[1:2], maturity="scaled")
    html = english.get(f"/entreprenorer/?sector={sectors[0].code}").content.decode()
    assert a.profile.organisation.name in html
    assert b.profile.organisation.name not in html
    html = english.get("/entreprenorer/?maturity=scaled").content.decode()
    assert b.profile.organisation.name in html and a.profile.organisation.name not in html


def test_pages_are_in_norwegian_by_default(client, people):
    client.cookies["kokeboka_language"] = "nb"
    client.force_login(people["own_member"])
    html = client.get("/behov/").content.decode()
    assert "Filtrer behovene" in html
    assert "Beskriv et behov" in html
    form = client.get("/behov/ny/").content.decode()
    assert "Hva er problemet?" in form
    assert "Eksempler på behovsbeskrivelser" in form
