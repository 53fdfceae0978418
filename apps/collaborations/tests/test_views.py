import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.collaborations.models import Collaboration, LogEntry
from apps.collaborations.permissions import ANONYMOUS, viewer_for
from apps.collaborations.stages import Stage

from .factories import (
    CollaborationFactory,
    MunicipalityOrgFactory,
    NeedFactory,
    OfferFactory,
    ProfileFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker():
    return UserFactory(email="megler@example.no")


@pytest.fixture
def municipality(broker):
    org = MunicipalityOrgFactory(name="Bærum kommune")
    MembershipFactory(user=broker, organisation=org, role=MembershipRole.BROKER)
    return org


@pytest.fixture
def collaboration(municipality):
    return CollaborationFactory(
        municipality_org=municipality,
        entrepreneur_org=OrganisationFactory(name="Kafé Mestring SA"),
        title="Arbeidstrening i kafé",
        stage=Stage.UTFORSKING,
        stage_changed_at=timezone.now() - datetime.timedelta(days=12),
    )


def test_inactive_person_is_treated_as_anonymous(municipality):
    person = MembershipFactory(organisation=municipality).user
    person.is_active = False
    assert viewer_for(person) == ANONYMOUS


def test_detail_offers_only_the_allowed_next_stages_as_buttons(english, broker, collaboration):
    english.force_login(broker)
    html = english.get(f"/samarbeid/{collaboration.pk}/").content.decode()
    buttons = [stage for stage in Stage.values if f'name="stage-to_stage" value="{stage}"' in html]
    assert buttons == ["dialog", "utproving", "avtale"]
    # Ending is not a button: a link to the confirmation page.
    assert f'href="/samarbeid/{collaboration.pk}/avslutt/"' in html
    assert "for 1\xa0week" in html or "for 1 week" in html


def test_finished_collaboration_has_no_stage_buttons(english, broker, municipality):
    finished = CollaborationFactory(municipality_org=municipality, stage=Stage.AVSLUTTET)
    english.force_login(broker)
    html = english.get(f"/samarbeid/{finished.pk}/").content.decode()
    assert 'name="stage-to_stage"' not in html
    assert "The collaboration is finished." in html


def test_refused_stage_move_shows_a_message(english, broker, collaboration):
    english.force_login(broker)
    response = english.post(
        f"/samarbeid/{collaboration.pk}/fase/",
        {"stage-to_stage": Stage.DRIFT, "stage-version": collaboration.version},
        follow=True,
    )
    assert "cannot move from Exploration to Operation/scaling" in response.content.decode()
    collaboration.refresh_from_db()
    assert collaboration.stage == Stage.UTFORSKING


def test_stage_move_from_a_stale_page_shows_a_message(english, broker, collaboration):
    english.force_login(broker)
    Collaboration.objects.filter(pk=collaboration.pk).update(version=5)
    response = english.post(
        f"/samarbeid/{collaboration.pk}/fase/",
        {"stage-to_stage": Stage.UTPROVING, "stage-version": 4},
        follow=True,
    )
    assert "Someone else changed this collaboration" in response.content.decode()
    collaboration.refresh_from_db()
    assert collaboration.stage == Stage.UTFORSKING


def test_edit_with_a_stale_version_keeps_the_text_and_says_why(english, broker, collaboration):
    english.force_login(broker)
    Collaboration.objects.filter(pk=collaboration.pk).update(version=3)
    response = english.post(
        f"/samarbeid/{collaboration.pk}/rediger/",
        {"version": 2, "title": "Min nye tittel", "outcome": "Mye tekst jeg skrev"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this collaboration" in html
    assert "Mye tekst jeg skrev" in html
    collaboration.refresh_from_db()
    assert collaboration.title == "Arbeidstrening i kafé"


def test_log_form_with_errors_keeps_the_text(english, broker, collaboration):
    english.force_login(broker)
    response = english.post(
        f"/samarbeid/{collaboration.pk}/logg/",
        {"log-kind": "meeting", "log-date": "i går", "log-text": "Godt møte"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "ds-error-summary" in html
    assert 'href="#id_log-date"' in html
    assert "Godt møte" in html
    assert not LogEntry.objects.exists()


def test_log_shows_entries_with_figures(english, broker, collaboration):
    english.force_login(broker)
    english.post(
        f"/samarbeid/{collaboration.pk}/logg/",
        {
            "log-kind": "outcome",
            "log-date": "2026-11-01",
            "log-text": "Ungdommer i jobb",
            "log-value": "8",
            "log-unit": "deltakere",
        },
    )
    html = english.get(f"/samarbeid/{collaboration.pk}/").content.decode()
    assert "Ungdommer i jobb" in html
    assert "8 deltakere" in html


def test_bad_routeguide_address_is_explained(english, broker, collaboration):
    english.force_login(broker)
    response = english.post(
        f"/samarbeid/{collaboration.pk}/veiviser/",
        {"routeguide-url": "https://example.com/veiviser/svar/?purpose=buy"},
    )
    assert response.status_code == 400
    assert "The address is not on this site." in response.content.decode()


def test_routeguide_answer_is_listed_with_its_regime(english, broker, collaboration):
    english.force_login(broker)
    query = (
        "purpose=buy&value=500000&service=ordinary&provider=social_enterprise"
        "&authority=municipality&on_market=yes"
    )
    english.post(
        f"/samarbeid/{collaboration.pk}/veiviser/",
        {"routeguide-url": f"/veiviser/svar/?{query}"},
    )
    html = english.get(f"/samarbeid/{collaboration.pk}/").content.decode()
    assert f'href="/veiviser/svar/?{query.replace("&", "&amp;")}"' in html
    english.post(f"/samarbeid/{collaboration.pk}/veiviser/fjern/", {"query": query})
    collaboration.refresh_from_db()
    assert collaboration.routeguide_answers == []


def test_recipe_can_be_chosen_from_published_recipes_only(
    english, broker, collaboration, home_page
):
    from apps.cookbook.tests.factories import (
        ChapterPageFactory,
        CookbookIndexPageFactory,
        RecipePageFactory,
    )

    chapter = ChapterPageFactory(parent=CookbookIndexPageFactory(parent=home_page))
    published = RecipePageFactory(parent=chapter, title="Dialogmøte med entreprenøren")
    draft = RecipePageFactory(parent=chapter, title="Utkast til oppskrift", live=False)
    english.force_login(broker)

    html = english.get(f"/samarbeid/{collaboration.pk}/").content.decode()
    assert "Dialogmøte med entreprenøren" in html
    assert "Utkast til oppskrift" not in html
    refused = english.post(
        f"/samarbeid/{collaboration.pk}/oppskrifter/", {"recipe-recipe": draft.pk}
    )
    assert refused.status_code == 400
    english.post(f"/samarbeid/{collaboration.pk}/oppskrifter/", {"recipe-recipe": published.pk})
    assert list(collaboration.recipes.all()) == [published]
    english.post(f"/samarbeid/{collaboration.pk}/oppskrifter/{published.pk}/fjern/")
    assert not collaboration.recipes.exists()


def test_fund_applications_section_renders_when_empty(english, broker, collaboration):
    english.force_login(broker)
    html = english.get(f"/samarbeid/{collaboration.pk}/").content.decode()
    assert "No fund applications are linked to this collaboration." in html


def test_board_has_a_column_per_stage_with_time_in_stage(english, broker, collaboration):
    english.force_login(broker)
    html = english.get("/samarbeid/tavle/").content.decode()
    for label in ("Dialogue", "Exploration", "Trial", "Finished"):
        assert label in html
    column = html.split('id="col-utforsking"')[1].split('id="col-utproving"')[0]
    assert "Arbeidstrening i kafé" in column
    assert "In this stage for 1\xa0week" in column


def test_table_sorts_by_the_get_parameter(english, broker, municipality):
    now = timezone.now()
    for title, days in (("Bbb", 3), ("Aaa", 1), ("Ccc", 30)):
        CollaborationFactory(
            municipality_org=municipality,
            title=title,
            stage_changed_at=now - datetime.timedelta(days=days),
        )
    english.force_login(broker)

    def order(sort):
        html = english.get("/samarbeid/tabell/", {"sort": sort}).content.decode()
        return sorted(("Aaa", "Bbb", "Ccc"), key=html.index)

    assert order("title") == ["Aaa", "Bbb", "Ccc"]
    assert order("-title") == ["Ccc", "Bbb", "Aaa"]
    assert order("time") == ["Ccc", "Bbb", "Aaa"]
    assert order("-time") == ["Aaa", "Bbb", "Ccc"]
    assert order("nonsense") == ["Ccc", "Bbb", "Aaa"]
    html = english.get("/samarbeid/tabell/", {"sort": "title"}).content.decode()
    assert 'aria-sort="ascending"' in html
    assert 'href="?sort=-title"' in html


def test_broker_of_several_municipalities_can_filter(english, broker, collaboration):
    other = MunicipalityOrgFactory(name="Lier kommune")
    MembershipFactory(user=broker, organisation=other, role=MembershipRole.BROKER)
    CollaborationFactory(municipality_org=other, title="Naturskole i Lier")
    english.force_login(broker)

    both = english.get("/samarbeid/tavle/").content.decode()
    assert "Naturskole i Lier" in both and "Arbeidstrening i kafé" in both
    assert 'name="kommune"' in both
    only = english.get("/samarbeid/tabell/", {"kommune": other.pk}).content.decode()
    assert "Naturskole i Lier" in only and "Arbeidstrening i kafé" not in only


def test_pipeline_filter_keeps_the_sort_and_names_an_unusable_municipality(
    client, broker, collaboration
):
    """Issue 17, item 3: the pipeline's filter is the shared filter form. The table's sort
    rides along in a hidden field; a municipality the broker does not serve is named (in
    Norwegian) and ignored, and every municipality of the broker is shown."""
    other = MunicipalityOrgFactory(name="Lier kommune")
    MembershipFactory(user=broker, organisation=other, role=MembershipRole.BROKER)
    CollaborationFactory(municipality_org=other, title="Naturskole i Lier")
    stranger = CollaborationFactory(title="Andres samarbeid")
    client.force_login(broker)
    sorted_only = client.get("/samarbeid/tabell/", {"sort": "-title"}).content.decode()
    assert '<input type="hidden" name="sort" value="-title" id="id_sort">' in sorted_only
    assert "ds-error-summary" not in sorted_only
    response = client.get(
        "/samarbeid/tabell/", {"kommune": stranger.municipality_org_id, "sort": "title"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#id_kommune">Kommune: Velg en kommune fra listen.</a>' in html
    assert 'aria-invalid="true" id="id_kommune"' in html
    assert '<input type="hidden" name="sort" value="title" id="id_sort">' in html
    assert "Naturskole i Lier" in html and "Arbeidstrening i kafé" in html
    assert "Andres samarbeid" not in html
    board = client.get("/samarbeid/tavle/", {"kommune": "tull"}).content.decode()
    assert 'href="#id_kommune">Kommune: Velg en kommune fra listen.</a>' in board
    assert 'name="sort"' not in board


def test_filter_for_a_municipality_where_one_is_not_broker_is_ignored(
    english, broker, collaboration
):
    stranger = CollaborationFactory(title="Andres samarbeid")
    english.force_login(broker)
    html = english.get(
        "/samarbeid/tavle/", {"kommune": stranger.municipality_org_id}
    ).content.decode()
    assert "Andres samarbeid" not in html
    assert 'name="kommune"' not in html  # one municipality: no filter


def test_example_needs_consent_then_goes_to_an_editor_before_it_is_public(
    english, broker, municipality, home_page
):
    from django.test import Client

    from apps.cases.tests.factories import CaseIndexPageFactory

    CaseIndexPageFactory(parent=home_page)
    finished = CollaborationFactory(
        municipality_org=municipality, stage=Stage.AVSLUTTET, summary="Et godt samarbeid."
    )
    entrepreneur = MembershipFactory(organisation=finished.entrepreneur_org, role="admin").user
    english.force_login(broker)
    page = english.get(f"/samarbeid/{finished.pk}/").content.decode()
    assert "Waiting for the social entrepreneur's consent" in page
    assert 'id="publish-form"' not in page
    refused = english.post(f"/samarbeid/{finished.pk}/publiser/", follow=True)
    assert "has not consented" in refused.content.decode()
    finished.refresh_from_db()
    assert finished.case is None

    other = Client()
    other.cookies["django_language"] = "en"
    other.force_login(entrepreneur)
    page = other.get(f"/samarbeid/{finished.pk}/").content.decode()
    assert "Et godt samarbeid." in page and 'id="consent-form"' in page
    response = other.post(
        f"/samarbeid/{finished.pk}/samtykke/", {"consent-version": finished.version}
    )
    assert response.status_code == 302

    page = english.get(f"/samarbeid/{finished.pk}/").content.decode()
    assert "ready to send to the editors" in page
    sent = english.post(f"/samarbeid/{finished.pk}/publiser/", follow=True)
    assert "is sent to the editors" in sent.content.decode()
    assert "Waiting for an editor" in sent.content.decode()
    finished.refresh_from_db()
    assert Client().get(finished.case.url).status_code == 404
    second = english.post(f"/samarbeid/{finished.pk}/publiser/", follow=True)
    assert "already been sent" in second.content.decode()

    finished.case.get_latest_revision().publish(user=None)
    page = english.get(f"/samarbeid/{finished.pk}/").content.decode()
    assert ">Published<" in page
    assert Client().get(finished.case.url).status_code == 200


def test_one_click_on_end_only_asks_for_confirmation(english, broker, collaboration):
    english.force_login(broker)
    page = english.get(f"/samarbeid/{collaboration.pk}/avslutt/")
    assert page.status_code == 200
    collaboration.refresh_from_db()
    assert collaboration.stage == Stage.UTFORSKING
    response = english.post(
        f"/samarbeid/{collaboration.pk}/avslutt/",
        {"version": collaboration.version, "outcome_kind": "", "outcome": "Vi lærte mye."},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose how the collaboration ended." in html
    assert "Vi lærte mye." in html  # what was typed is kept
    response = english.post(
        f"/samarbeid/{collaboration.pk}/avslutt/",
        {"version": collaboration.version, "outcome_kind": "annet", "outcome": ""},
    )
    assert response.status_code == 400
    assert "Write what came of the collaboration." in response.content.decode()
    old_button = english.post(
        f"/samarbeid/{collaboration.pk}/fase/",
        {"stage-to_stage": Stage.AVSLUTTET, "stage-version": collaboration.version},
    )
    assert old_button.status_code == 302
    collaboration.refresh_from_db()
    assert collaboration.stage == Stage.UTFORSKING
    response = english.post(
        f"/samarbeid/{collaboration.pk}/avslutt/",
        {"version": collaboration.version, "outcome_kind": "annet", "outcome": "Vi lærte mye."},
    )
    assert response.status_code == 302
    collaboration.refresh_from_db()
    assert (collaboration.stage, collaboration.outcome) == (Stage.AVSLUTTET, "Vi lærte mye.")
    page = english.get(f"/samarbeid/{collaboration.pk}/").content.decode()
    assert "Reopen, back to Exploration" in page


def test_reopen_without_a_reason_keeps_it_finished_with_a_message(english, broker, municipality):
    finished = CollaborationFactory(municipality_org=municipality, stage=Stage.AVSLUTTET)
    english.force_login(broker)
    response = english.post(
        f"/samarbeid/{finished.pk}/gjenapne/",
        {"reopen-version": finished.version, "reopen-reason": ""},
    )
    assert response.status_code == 400
    assert "Write why the collaboration is reopened." in response.content.decode()
    finished.refresh_from_db()
    assert finished.stage == Stage.AVSLUTTET


def test_introduction_by_the_broker_sends_mail_after_commit(
    english, broker, municipality, mailoutbox, django_capture_on_commit_callbacks
):
    MembershipFactory(organisation=municipality, user=UserFactory(email="radgiver@example.no"))
    entrepreneur = OrganisationFactory(name="Grønn Arbeidstrening SA")
    MembershipFactory(organisation=entrepreneur, user=UserFactory(email="gründer@example.no"))
    need = NeedFactory(organisation=municipality, title="Unge som faller ut")
    offer = OfferFactory(profile=ProfileFactory(organisation=entrepreneur))
    english.force_login(broker)

    page = english.get("/samarbeid/introduser/", {"need": need.pk, "offer": offer.pk})
    assert "Unge som faller ut" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = english.post(
            "/samarbeid/introduser/",
            {"need": need.pk, "offer": offer.pk, "message": "Møt hverandre i neste uke."},
        )
    collaboration = Collaboration.objects.get(need=need)
    assert response["Location"] == f"/samarbeid/{collaboration.pk}/"
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "gründer@example.no",
        "radgiver@example.no",
    ]
    assert f"http://testserver/samarbeid/{collaboration.pk}/" in mailoutbox[0].body

    again = english.get("/samarbeid/introduser/", {"need": need.pk, "offer": offer.pk})
    assert again["Location"] == f"/samarbeid/{collaboration.pk}/"


def test_introduction_without_a_message_is_refused(english, broker, municipality):
    need = NeedFactory(organisation=municipality)
    offer = OfferFactory()
    english.force_login(broker)
    response = english.post(
        "/samarbeid/introduser/", {"need": need.pk, "offer": offer.pk, "message": ""}
    )
    assert response.status_code == 400
    assert "Write a message to the parties." in response.content.decode()
    assert not Collaboration.objects.exists()


def test_introduce_button_renders_with_need_and_offer_only(db):
    need = NeedFactory()
    offer = OfferFactory()
    html = render_to_string("collaborations/_introduce_button.html", {"need": need, "offer": offer})
    assert 'action="/samarbeid/introduser/"' in html
    assert f'name="need" value="{need.pk}"' in html
    assert f'name="offer" value="{offer.pk}"' in html
