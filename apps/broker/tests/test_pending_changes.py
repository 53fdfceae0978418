"""Issue 12: an edit of an approved profile or offer waits as a pending version while the
approved one stays public and in matching; a broker reads a diff and approves (applies) or
returns it with a comment."""

import pytest

from apps.accounts.tests.helpers import force_login_verified
from apps.broker import selectors, services
from apps.broker.models import EntrepreneurProfile, Offer
from apps.core.models import AuditEvent, Municipality

from .factories import MembershipFactory, NeedFactory, OfferFactory, ProfileFactory

pytestmark = pytest.mark.django_db

ADDED = "Vi har også sommerjobber."


@pytest.fixture
def served(people):
    """The approved profile of the people fixture (Grønn Arbeidstrening SA), serving Oslo
    (so Oslo's broker, people["other_broker"], reviews it), with one public offer."""
    profile = EntrepreneurProfile.objects.get(organisation__name="Grønn Arbeidstrening SA")
    profile.areas.set([Municipality.objects.get(code="0301")])
    offer = OfferFactory(profile=profile, title="Hagetrening", description="Trening i hagen.")
    return profile, offer


def _edit_profile(client, profile, summary):
    return client.post(
        f"/entreprenorer/{profile.organisation.slug}/profil/",
        {
            "summary": summary,
            "evidence": profile.evidence,
            "areas": [Municipality.objects.get(code="0301").pk],
        },
    )


def test_edited_profile_stays_public_until_approved_then_new_text_shows(english, people, served):
    profile, offer = served
    old = profile.summary
    english.force_login(people["entrepreneur"])
    response = _edit_profile(english, profile, f"{old} {ADDED}")
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.review_status == "approved"
    assert profile.changes_pending is True
    assert profile.summary == old
    assert profile.pending_changes["summary"] == f"{old} {ADDED}"

    english.logout()
    public = english.get(f"/entreprenorer/{profile.organisation.slug}/")
    assert public.status_code == 200
    assert old in public.content.decode()
    assert ADDED not in public.content.decode()
    assert offer in Offer.objects.public()
    assert english.get(f"/entreprenorer/tilbud/{offer.pk}/").status_code == 200

    force_login_verified(english, people["other_broker"])
    queue = english.get("/entreprenorer/vurdering/").content.decode()
    assert "Grønn Arbeidstrening SA" in queue
    assert f"<ins>{ADDED}</ins>" in queue.replace("<ins> ", "<ins>")
    english.post(f"/entreprenorer/{profile.organisation.slug}/vurder/", {"decision": "approve"})
    english.logout()

    page = english.get(f"/entreprenorer/{profile.organisation.slug}/").content.decode()
    assert ADDED in page
    profile.refresh_from_db()
    assert profile.pending_changes == {} and profile.changes_pending is False
    assert AuditEvent.objects.filter(action="broker.profile.changes_approved").exists()


def test_returned_changes_keep_the_approved_version_and_show_the_comment(
    english, people, served, mailoutbox, django_capture_on_commit_callbacks
):
    profile, _offer = served
    # The broker's answer is mailed in the entrepreneur's own language (apps.core.mail).
    people["entrepreneur"].language = "en"
    people["entrepreneur"].save(update_fields=["language"])
    english.force_login(people["entrepreneur"])
    _edit_profile(english, profile, "Helt ny tekst om oss.")

    force_login_verified(english, people["other_broker"])
    no_comment = english.post(
        f"/entreprenorer/{profile.organisation.slug}/vurder/", {"decision": "reject"}
    )
    assert no_comment.status_code == 302
    profile.refresh_from_db()
    assert profile.changes_returned_note == ""
    with django_capture_on_commit_callbacks(execute=True):
        english.post(
            f"/entreprenorer/{profile.organisation.slug}/vurder/",
            {"decision": "reject", "note": "Skriv hvor mange som fikk jobb."},
        )
    profile.refresh_from_db()
    assert profile.review_status == "approved" and profile.is_public
    assert profile.changes_returned_note == "Skriv hvor mange som fikk jobb."
    assert profile not in selectors.profiles_pending_review(people["other_broker"])
    assert any("need more work" in mail.subject for mail in mailoutbox)

    english.force_login(people["entrepreneur"])
    page = english.get(f"/entreprenorer/{profile.organisation.slug}/").content.decode()
    assert "Skriv hvor mange som fikk jobb." in page
    assert "Helt ny tekst om oss." in page  # the pending text, for its author
    form = english.get(f"/entreprenorer/{profile.organisation.slug}/profil/").content.decode()
    assert "Helt ny tekst om oss." in form  # editing goes on from the pending text

    _edit_profile(english, profile, "Helt ny tekst om oss. Fire av fem fikk jobb.")
    profile.refresh_from_db()
    assert profile.changes_returned_note == ""
    assert profile in selectors.profiles_pending_review(people["other_broker"])

    english.logout()
    public = english.get(f"/entreprenorer/{profile.organisation.slug}/").content.decode()
    assert "Helt ny tekst" not in public and "Skriv hvor mange" not in public


def test_edited_offer_stays_in_matching_in_its_approved_form(
    people, served, django_capture_on_commit_callbacks
):
    from apps.core.services import vocabulary_ensure
    from apps.matching import selectors as matching

    vocabulary_ensure()
    profile, _ = served
    with django_capture_on_commit_callbacks(execute=True):
        offer = OfferFactory(
            profile=profile,
            title="Mentorer mot frafall i videregående",
            description="Frivillige mentorer følger elever som står i fare for å avbryte skolen.",
            area_national=True,
        )
        need = NeedFactory(
            title="Unge som dropper ut av videregående",
            description="Mange elever slutter på skolen før de har fullført.",
        )
    assert offer.pk in {r.object_id for r in matching.rank_offers_for_need(need=need)}

    with django_capture_on_commit_callbacks(execute=True):
        services.offer_save(
            actor=people["entrepreneur"],
            profile=profile,
            offer=offer,
            title="Sykkelverksted",
            description="Vi reparerer sykler.",
            maturity="tested",
            area_national=True,
        )
    offer.refresh_from_db()
    assert offer.title == "Mentorer mot frafall i videregående"
    assert offer.pending_changes["title"] == "Sykkelverksted"
    assert offer in Offer.objects.public()
    assert offer.pk in {r.object_id for r in matching.rank_offers_for_need(need=need)}

    changes = selectors.profile_changes(profile)
    assert [c.offer for c in changes.offers] == [offer]
    assert {f.name for f in changes.offers[0].fields} == {"title", "description", "maturity"}

    with django_capture_on_commit_callbacks(execute=True):
        services.profile_review(actor=people["other_broker"], profile=profile, approve=True)
    offer.refresh_from_db()
    assert offer.title == "Sykkelverksted" and offer.pending_changes == {}
    assert offer.pk not in {r.object_id for r in matching.rank_offers_for_need(need=need)}


def test_new_offer_on_an_approved_profile_waits_inactive(people, served):
    profile, _ = served
    offer = services.offer_save(
        actor=people["entrepreneur"],
        profile=profile,
        title="Kurs",
        description="Et kurs",
        maturity="idea",
    )
    assert offer.active is False and offer not in Offer.objects.public()
    profile.refresh_from_db()
    assert profile.is_public and profile.changes_pending
    assert selectors.profile_changes(profile).offers[0].created is True
    services.profile_review(actor=people["other_broker"], profile=profile, approve=True)
    offer.refresh_from_db()
    assert offer.active is True and offer in Offer.objects.public()


def test_text_diff_marks_deleted_and_inserted_words():
    segments = selectors.text_diff("Vi hjelper unge.", "Vi hjelper unge voksne.")
    assert segments == (
        ("equal", "Vi hjelper"),
        ("delete", " unge."),
        ("insert", " unge voksne."),
    )
    assert "".join(t for op, t in segments if op != "delete") == "Vi hjelper unge voksne."
    assert "".join(t for op, t in segments if op != "insert") == "Vi hjelper unge."


def test_only_reviewers_of_the_profile_decide_on_changes(people, served):
    profile, _ = served
    services.profile_save(
        actor=people["entrepreneur"],
        organisation=profile.organisation,
        summary="Ny",
        areas=[Municipality.objects.get(code="0301")],
    )
    profile.refresh_from_db()
    member = MembershipFactory(organisation=profile.organisation, role="admin").user
    for actor in (people["entrepreneur"], member, people["own_broker"], people["other_member"]):
        with pytest.raises(services.PermissionDenied):
            services.profile_review(actor=actor, profile=profile, approve=True)
    profile.refresh_from_db()
    assert profile.summary != "Ny" and profile.changes_pending


def test_queue_stays_within_a_fixed_number_of_queries(
    people, english, django_assert_max_num_queries
):
    force_login_verified(english, people["staff"])
    for n in range(3):
        p = ProfileFactory()
        OfferFactory(profile=p)
        services.profile_save(actor=None, organisation=p.organisation, summary=f"Endret {n}")
    with django_assert_max_num_queries(60):
        response = english.get("/entreprenorer/vurdering/")
    assert response.status_code == 200
    assert response.content.decode().count("Endret") == 3
