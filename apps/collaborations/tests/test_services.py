import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.broker.models import NeedStatus
from apps.collaborations import services
from apps.collaborations.models import Collaboration, Introduction, LogKind, StageChange
from apps.collaborations.routeguide_links import NotARouteGuideAnswer
from apps.collaborations.stages import Stage
from apps.core.models import AuditEvent, Sector

from .factories import (
    CollaborationFactory,
    LogEntryFactory,
    MunicipalityOrgFactory,
    NeedFactory,
    OfferFactory,
    ProfileFactory,
)

pytestmark = pytest.mark.django_db

ANSWER_QUERY = (
    "purpose=buy&value=500000&service=ordinary&provider=social_enterprise"
    "&authority=municipality&on_market=yes"
)


@pytest.fixture
def parties():
    municipality = MunicipalityOrgFactory()
    entrepreneur = OrganisationFactory(name="Grønn Arbeidstrening SA")
    broker = UserFactory(email="megler@example.no")
    MembershipFactory(user=broker, organisation=municipality, role=MembershipRole.BROKER)
    adviser = MembershipFactory(organisation=municipality).user
    founder = MembershipFactory(organisation=entrepreneur, role=MembershipRole.ADMIN).user
    need = NeedFactory(organisation=municipality)
    need.sectors.set(Sector.objects.order_by("code")[:2])
    offer = OfferFactory(profile=ProfileFactory(organisation=entrepreneur))
    return {
        "municipality": municipality,
        "entrepreneur": entrepreneur,
        "broker": broker,
        "adviser": adviser,
        "founder": founder,
        "need": need,
        "offer": offer,
    }


def _introduce(parties, message="Dere bør snakke sammen."):
    return services.collaboration_introduce(
        need=parties["need"],
        offer=parties["offer"],
        introduced_by=parties["broker"],
        message=message,
        site_url="https://kokeboka.example/",
    )


# Introductions --------------------------------------------------------------------------


def test_introduction_starts_a_collaboration_in_dialogue(parties):
    introduction = _introduce(parties)

    collaboration = introduction.collaboration
    assert collaboration.stage == Stage.DIALOG
    assert collaboration.municipality_org == parties["municipality"]
    assert collaboration.entrepreneur_org == parties["entrepreneur"]
    assert collaboration.need == parties["need"]
    assert collaboration.offer == parties["offer"]
    assert set(collaboration.sectors.all()) == set(parties["need"].sectors.all())
    assert parties["need"].title in collaboration.title
    change = StageChange.objects.get(collaboration=collaboration)
    assert (change.from_stage, change.to_stage) == ("", Stage.DIALOG)
    assert AuditEvent.objects.filter(
        action="collaborations.introduced", object_id=str(collaboration.pk)
    ).exists()


def test_introduction_moves_an_open_need_into_dialogue(parties):
    _introduce(parties)
    parties["need"].refresh_from_db()
    assert parties["need"].status == NeedStatus.IN_DIALOGUE


def test_emails_go_to_both_parties_only_after_commit(
    parties, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        introduction = _introduce(parties, message="Ta en kaffe med Kari.")
        assert mailoutbox == []
    assert callbacks
    for callback in callbacks:
        callback()

    recipients = sorted(mail.to[0] for mail in mailoutbox)
    assert recipients == sorted([parties["adviser"].email, parties["founder"].email])
    body = mailoutbox[0].body
    url = f"https://kokeboka.example/samarbeid/{introduction.collaboration.pk}/"
    assert url in body
    assert "Ta en kaffe med Kari." in body
    assert parties["need"].title in body
    assert parties["entrepreneur"].name in mailoutbox[0].subject


def test_no_email_when_the_introduction_fails(
    parties, mailoutbox, django_capture_on_commit_callbacks
):
    _introduce(parties)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.AlreadyIntroduced) as error,
    ):
        _introduce(parties)
    assert error.value.collaboration.need == parties["need"]
    assert mailoutbox == []
    assert Introduction.objects.count() == 1


def test_introduction_needs_a_message(parties):
    with pytest.raises(services.CollaborationError):
        _introduce(parties, message="   ")
    assert not Collaboration.objects.exists()


# Stages ---------------------------------------------------------------------------------


def test_stage_change_is_recorded_and_audited():
    collaboration = CollaborationFactory(
        stage_changed_at=timezone.now() - datetime.timedelta(days=20)
    )
    person = UserFactory()

    changed = services.collaboration_change_stage(
        collaboration=collaboration,
        to_stage=Stage.UTFORSKING,
        changed_by=person,
        version=1,
        note="Vi vil se nærmere på det.",
    )

    assert changed.stage == Stage.UTFORSKING
    assert changed.version == 2
    assert changed.days_in_stage == 0
    change = changed.stage_changes.get()
    assert (change.from_stage, change.to_stage, change.note) == (
        Stage.DIALOG,
        Stage.UTFORSKING,
        "Vi vil se nærmere på det.",
    )
    assert AuditEvent.objects.filter(action="collaborations.stage_changed").count() == 1


def test_refused_stage_change_leaves_everything_as_it_was():
    collaboration = CollaborationFactory(stage=Stage.DIALOG)
    with pytest.raises(services.StageNotAllowed):
        services.collaboration_change_stage(
            collaboration=collaboration,
            to_stage=Stage.DRIFT,
            changed_by=UserFactory(),
            version=1,
        )
    collaboration.refresh_from_db()
    assert (collaboration.stage, collaboration.version) == (Stage.DIALOG, 1)
    assert not collaboration.stage_changes.exists()


def test_finished_collaboration_cannot_be_reopened_by_a_plain_stage_move():
    collaboration = CollaborationFactory(stage=Stage.AVSLUTTET)
    with pytest.raises(services.StageNotAllowed):
        services.collaboration_change_stage(
            collaboration=collaboration,
            to_stage=Stage.DIALOG,
            changed_by=UserFactory(),
            version=1,
        )


def test_a_plain_stage_move_cannot_end_a_collaboration():
    """One click does nothing irreversible: ending goes through collaboration_end only."""
    collaboration = CollaborationFactory(stage=Stage.UTFORSKING)
    with pytest.raises(services.StageNotAllowed):
        services.collaboration_change_stage(
            collaboration=collaboration,
            to_stage=Stage.AVSLUTTET,
            changed_by=UserFactory(),
            version=1,
        )
    collaboration.refresh_from_db()
    assert (collaboration.stage, collaboration.version) == (Stage.UTFORSKING, 1)
    assert not collaboration.stage_changes.exists()


@pytest.mark.parametrize(
    "outcome_kind,outcome,message",
    [
        ("", "Det ble avtale.", "hvordan samarbeidet endte"),
        ("avtale", "  ", "hva samarbeidet ble til"),
    ],
)
def test_ending_needs_an_outcome_kind_and_text(outcome_kind, outcome, message):
    collaboration = CollaborationFactory(stage=Stage.AVTALE)
    with pytest.raises(services.CollaborationError, match=message):
        services.collaboration_end(
            collaboration=collaboration,
            ended_by=UserFactory(),
            version=1,
            outcome_kind=outcome_kind,
            outcome=outcome,
        )
    collaboration.refresh_from_db()
    assert collaboration.stage == Stage.AVTALE


def test_ending_records_the_outcome_in_history_and_log_and_a_broker_reopens_it():
    collaboration = CollaborationFactory(stage=Stage.AVTALE)
    person, broker = UserFactory(), UserFactory()
    ended = services.collaboration_end(
        collaboration=collaboration,
        ended_by=person,
        version=1,
        outcome_kind="ikke_videre",
        outcome="Kommunen fikk ikke budsjett.",
    )
    assert (ended.stage, ended.outcome_kind) == (Stage.AVSLUTTET, "ikke_videre")
    assert ended.outcome == "Kommunen fikk ikke budsjett."
    change = ended.stage_changes.get()
    assert (change.from_stage, change.to_stage, change.changed_by) == (
        Stage.AVTALE,
        Stage.AVSLUTTET,
        person,
    )
    assert ended.log_entries.get(kind=LogKind.ENDED).text.endswith("fikk ikke budsjett.")
    ended.example_consent_at = timezone.now()
    ended.example_consent_version = ended.version
    ended.save()

    reopened = services.collaboration_reopen(
        collaboration=ended, reopened_by=broker, version=ended.version, reason="Nytt budsjett."
    )

    assert reopened.stage == Stage.AVTALE  # back to the stage it was ended from
    assert reopened.outcome_kind == ""
    assert reopened.example_consent_at is None
    latest = reopened.stage_changes.order_by("-pk").first()
    assert (latest.from_stage, latest.to_stage, latest.changed_by, latest.note) == (
        Stage.AVSLUTTET,
        Stage.AVTALE,
        broker,
        "Nytt budsjett.",
    )
    assert "Nytt budsjett." in reopened.log_entries.get(kind=LogKind.REOPENED).text
    assert AuditEvent.objects.filter(action="collaborations.stage_changed").count() == 2


def test_reopening_needs_a_reason_and_a_finished_collaboration():
    finished = CollaborationFactory(stage=Stage.AVSLUTTET)
    with pytest.raises(services.CollaborationError, match="hvorfor samarbeidet gjenåpnes"):
        services.collaboration_reopen(
            collaboration=finished, reopened_by=UserFactory(), version=1, reason=" "
        )
    ongoing = CollaborationFactory(stage=Stage.DRIFT)
    with pytest.raises(services.CannotReopen):
        services.collaboration_reopen(
            collaboration=ongoing, reopened_by=UserFactory(), version=1, reason="Hvorfor ikke"
        )


def test_reopening_is_refused_once_the_example_is_with_the_editors(home_page):
    from apps.cases.tests.factories import CaseIndexPageFactory

    CaseIndexPageFactory(parent=home_page)
    collaboration = _finished()
    services.collaboration_publish_example(collaboration=collaboration, actor=None)
    collaboration.refresh_from_db()
    with pytest.raises(services.CannotReopen):
        services.collaboration_reopen(
            collaboration=collaboration,
            reopened_by=UserFactory(),
            version=collaboration.version,
            reason="Ny runde",
        )
    collaboration.refresh_from_db()
    assert collaboration.stage == Stage.AVSLUTTET


def test_stage_change_from_a_stale_page_is_refused():
    collaboration = CollaborationFactory()
    person = UserFactory()
    services.collaboration_change_stage(
        collaboration=collaboration, to_stage=Stage.UTFORSKING, changed_by=person, version=1
    )
    with pytest.raises(services.StaleVersion):
        services.collaboration_change_stage(
            collaboration=collaboration, to_stage=Stage.UTPROVING, changed_by=person, version=1
        )
    collaboration.refresh_from_db()
    assert collaboration.stage == Stage.UTFORSKING


# Edits ----------------------------------------------------------------------------------


def test_update_bumps_the_version_and_refuses_a_stale_one():
    collaboration = CollaborationFactory(title="Gammel tittel")
    person = UserFactory()
    updated = services.collaboration_update(
        collaboration=collaboration, actor=person, version=1, title="Ny tittel", outcome="Bra."
    )
    assert (updated.title, updated.outcome, updated.version) == ("Ny tittel", "Bra.", 2)
    with pytest.raises(services.StaleVersion):
        services.collaboration_update(
            collaboration=collaboration, actor=person, version=1, title="Overskrevet"
        )
    collaboration.refresh_from_db()
    assert collaboration.title == "Ny tittel"


def test_update_refuses_fields_that_are_not_editable():
    collaboration = CollaborationFactory()
    with pytest.raises(ValueError):
        services.collaboration_update(
            collaboration=collaboration, actor=UserFactory(), version=1, stage=Stage.DRIFT
        )


def test_log_entry_keeps_a_figure_only_for_outcomes():
    collaboration = CollaborationFactory()
    person = UserFactory()
    outcome = services.log_entry_add(
        collaboration=collaboration,
        author=person,
        kind=LogKind.OUTCOME,
        text="Ungdommer i jobb",
        value=Decimal("12"),
        unit="deltakere",
    )
    meeting = services.log_entry_add(
        collaboration=collaboration,
        author=person,
        kind=LogKind.MEETING,
        text="Møte",
        value=Decimal("3"),
        unit="timer",
    )
    assert (outcome.value, outcome.unit) == (Decimal("12"), "deltakere")
    assert (meeting.value, meeting.unit) == (None, "")


def test_log_entry_needs_text():
    with pytest.raises(services.CollaborationError):
        services.log_entry_add(
            collaboration=CollaborationFactory(), author=UserFactory(), kind="note", text=" "
        )


# Route-guide answers ----------------------------------------------------------------------


def test_routeguide_answer_is_stored_once_in_canonical_form():
    collaboration = CollaborationFactory()
    person = UserFactory()
    reordered = (
        "http://testserver/veiviser/svar/?on_market=yes&purpose=buy&value=500000"
        "&service=ordinary&provider=social_enterprise&authority=municipality&junk=1"
    )
    services.collaboration_routeguide_add(
        collaboration=collaboration, url=reordered, actor=person, allowed_hosts={"testserver"}
    )
    services.collaboration_routeguide_add(
        collaboration=collaboration,
        url=f"/veiviser/svar/?{ANSWER_QUERY}",
        actor=person,
        allowed_hosts={"testserver"},
    )
    collaboration.refresh_from_db()
    assert [item["query"] for item in collaboration.routeguide_answers] == [ANSWER_QUERY]
    assert collaboration.routeguide_answers[0]["regime"]


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/veiviser/svar/?" + ANSWER_QUERY,
        "/regelverk/?" + ANSWER_QUERY,
        "/veiviser/svar/?purpose=buy",
        "javascript:alert(1)",
        "",
    ],
)
def test_anything_but_a_routeguide_answer_is_refused(url):
    collaboration = CollaborationFactory()
    with pytest.raises(NotARouteGuideAnswer):
        services.collaboration_routeguide_add(
            collaboration=collaboration, url=url, actor=UserFactory(), allowed_hosts={"testserver"}
        )
    collaboration.refresh_from_db()
    assert collaboration.routeguide_answers == []


def test_routeguide_answer_can_be_removed():
    collaboration = CollaborationFactory(routeguide_answers=[{"query": ANSWER_QUERY}])
    services.collaboration_routeguide_remove(
        collaboration=collaboration, query=ANSWER_QUERY, actor=UserFactory()
    )
    collaboration.refresh_from_db()
    assert collaboration.routeguide_answers == []


# Publish as an example ---------------------------------------------------------------------


@pytest.fixture
def case_index(home_page):
    from apps.cases.tests.factories import CaseIndexPageFactory

    return CaseIndexPageFactory(parent=home_page)


def _consent(collaboration):
    return services.example_consent_give(
        collaboration=collaboration, actor=UserFactory(), version=collaboration.version
    )


def _finished(*, consented=True, **kwargs):
    collaboration = CollaborationFactory(
        stage=Stage.AVSLUTTET,
        title="Arbeidstrening på kafé",
        summary="Unge fikk arbeidstrening på en kafé drevet av en sosial entreprenør.",
        outcome="Åtte av tolv fikk jobb.\n\nKommunen viderefører tilbudet.",
        lessons="Start smått.",
        collaboration_form="pilot",
        **kwargs,
    )
    collaboration.sectors.set(Sector.objects.order_by("code")[:1])
    LogEntryFactory(
        collaboration=collaboration,
        kind=LogKind.OUTCOME,
        text="Deltakere i jobb",
        value=Decimal("8"),
        unit="deltakere",
    )
    LogEntryFactory(collaboration=collaboration, kind=LogKind.NOTE, text="Bare et notat")
    return _consent(collaboration) if consented else collaboration


def test_publishing_without_the_entrepreneurs_consent_is_refused(case_index):
    from apps.cases.models import CasePage

    collaboration = _finished(consented=False)
    with pytest.raises(services.NoConsent):
        services.collaboration_publish_example(collaboration=collaboration, actor=UserFactory())
    assert not CasePage.objects.exists()


def test_an_edit_after_the_consent_needs_a_new_consent(case_index):
    from apps.cases.models import CasePage

    collaboration = _finished()
    services.collaboration_update(
        collaboration=collaboration,
        actor=UserFactory(),
        version=collaboration.version,
        lessons="Noe entreprenøren ikke har sett.",
    )
    with pytest.raises(services.NoConsent):
        services.collaboration_publish_example(collaboration=collaboration, actor=UserFactory())
    assert not CasePage.objects.exists()
    collaboration.refresh_from_db()
    _consent(collaboration)
    assert services.collaboration_publish_example(collaboration=collaboration, actor=None)


def test_publishing_creates_a_draft_for_the_editors_not_a_live_example(client, case_index):
    from apps.cases.models import CasePage

    collaboration = _finished()
    broker = UserFactory()

    case = services.collaboration_publish_example(collaboration=collaboration, actor=broker)

    assert not case.live
    assert case.has_unpublished_changes
    assert case.get_parent().specific == case_index
    assert case not in CasePage.objects.published()
    assert client.get(case.url).status_code == 404
    # An editor publishes the draft (as the Wagtail admin does): then it is public.
    case.get_latest_revision().publish(user=None)
    case.refresh_from_db()
    assert case in CasePage.objects.published()
    assert client.get(case.url).status_code == 200
    assert case.title == "Arbeidstrening på kafé"
    assert case.municipality == collaboration.municipality_org.municipality
    assert case.entrepreneur_name == collaboration.entrepreneur_org.name
    if hasattr(case, "entrepreneur_organisation_id"):
        assert case.entrepreneur_organisation_id == collaboration.entrepreneur_org_id
    assert case.collaboration_form == "pilot"
    assert case.start_year == timezone.localtime(collaboration.created_at).year
    assert case.end_year == timezone.localtime(collaboration.stage_changed_at).year
    assert "<p>Åtte av tolv fikk jobb.</p>" in case.story
    assert list(case.sectors.all()) == list(collaboration.sectors.all())
    assert [(o.name, o.value, o.unit) for o in case.outcomes.all()] == [
        ("Deltakere i jobb", Decimal("8"), "deltakere")
    ]
    collaboration.refresh_from_db()
    assert collaboration.case_id == case.pk
    assert AuditEvent.objects.filter(action="collaborations.sent_to_examples_bank").exists()


def test_publishing_twice_is_refused(case_index):
    from apps.cases.models import CasePage

    collaboration = _finished()
    services.collaboration_publish_example(collaboration=collaboration, actor=UserFactory())
    with pytest.raises(services.AlreadyPublished):
        services.collaboration_publish_example(collaboration=collaboration, actor=UserFactory())
    assert CasePage.objects.count() == 1


def test_only_a_finished_collaboration_can_be_published(case_index):
    from apps.cases.models import CasePage

    collaboration = CollaborationFactory(stage=Stage.DRIFT, summary="Noe")
    with pytest.raises(services.CannotPublish, match="Bare et avsluttet"):
        services.collaboration_publish_example(collaboration=collaboration, actor=UserFactory())
    assert not CasePage.objects.exists()


def test_publishing_needs_a_summary_or_outcome(case_index):
    collaboration = _consent(CollaborationFactory(stage=Stage.AVSLUTTET))
    with pytest.raises(services.CannotPublish, match="sammendrag eller resultatet"):
        services.collaboration_publish_example(collaboration=collaboration, actor=UserFactory())


def test_publishing_without_an_examples_bank_is_refused(home_page):
    with pytest.raises(services.CannotPublish, match="Eksempelbanken finnes ikke"):
        services.collaboration_publish_example(collaboration=_finished(), actor=UserFactory())


def test_slug_is_free_when_the_title_is_taken(case_index):
    first = services.collaboration_publish_example(collaboration=_finished(), actor=None)
    second = services.collaboration_publish_example(collaboration=_finished(), actor=None)
    assert first.slug == "arbeidstrening-pa-kafe"
    assert second.slug == "arbeidstrening-pa-kafe-2"


def test_personal_data_export_holds_what_the_person_wrote():
    from apps.accounts.privacy import exporters

    person = UserFactory()
    LogEntryFactory(author=person, text="Mitt notat")
    LogEntryFactory(text="Noen andres notat")
    data = exporters()["collaborations"](person)
    assert [entry["text"] for entry in data["log_entries"]] == ["Mitt notat"]
    assert data["introductions"] == []
