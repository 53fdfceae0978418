import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from apps.accounts.models import MembershipRole
from apps.broker import permissions, selectors, services
from apps.broker.models import EntrepreneurProfile, Need, Offer
from apps.core.models import AuditEvent, Municipality

from .factories import (
    EntrepreneurOrgFactory,
    MembershipFactory,
    NeedFactory,
    OfferFactory,
    ProfileFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


def test_solution_words_are_found_as_written():
    words = services.solution_words(
        texts=["Vi trenger en App for oppfølging", "et nytt fagsystem og en plattform"]
    )
    assert words == ["App", "Vi trenger en", "fagsystem", "plattform"]
    assert services.solution_words(texts=["Vi vil kjøpe en løsning"]) == ["løsning", "kjøpe"]


def test_need_statements_have_no_solution_words():
    assert not services.solution_words(
        texts=["Unge faller ut av skolen, og ingen tjeneste følger dem opp etterpå."]
    )


def test_public_queryset(baerum):
    public = NeedFactory(organisation=baerum)
    NeedFactory(organisation=baerum, status="draft")
    NeedFactory(organisation=baerum, status="closed")
    NeedFactory(organisation=baerum, visibility="members")
    NeedFactory(organisation=baerum, expires_at=timezone.localdate() - datetime.timedelta(days=1))
    dialogue = NeedFactory(organisation=baerum, status="in_dialogue")

    assert set(Need.objects.public()) == {public, dialogue}
    assert public.is_public and dialogue.is_public


def test_needs_visible_to(people, needs, baerum):
    expired = NeedFactory(
        organisation=baerum, expires_at=timezone.localdate() - datetime.timedelta(days=3)
    )
    by_actor = {actor: set(selectors.needs_visible_to(user)) for actor, user in people.items()}
    everything = {*needs.values(), expired}
    assert by_actor["anonymous"] == {needs["public"]}
    assert by_actor["other_member"] == {needs["public"], needs["members"]}
    assert by_actor["entrepreneur"] == {needs["public"], needs["members"]}
    assert by_actor["other_broker"] == {needs["public"], needs["members"]}
    assert by_actor["own_member"] == everything
    assert by_actor["own_broker"] == everything
    # No short-cut for superusers; staff need a session verified with the second factor.
    assert by_actor["superuser"] == {needs["public"]}
    assert by_actor["staff"] == {needs["public"]}


def test_selector_agrees_with_can_view_need(people, needs):
    for user in people.values():
        visible = set(selectors.needs_visible_to(user))
        for need in needs.values():
            assert (need in visible) is permissions.can_view_need(user, need)


def test_cross_sector_property(baerum, sectors):
    one = NeedFactory(organisation=baerum, sectors=sectors[:1])
    two = NeedFactory(organisation=baerum, sectors=sectors[:2])
    assert not one.is_cross_sector
    assert two.is_cross_sector


def test_need_create_audits_and_sets_municipality(people, baerum, sectors):
    need = services.need_create(
        actor=people["own_member"],
        organisation=baerum,
        title="Frafall",
        description="Elever slutter.",
        sectors=sectors[:2],
        status="open",
    )
    assert need.municipality == baerum.municipality
    assert need.expires_at == timezone.localdate() + datetime.timedelta(days=180)
    assert need.created_by == people["own_member"]
    assert AuditEvent.objects.filter(action="broker.need.created", object_id=str(need.pk)).exists()


def test_need_create_for_someone_elses_municipality_is_refused(people, oslo):
    with pytest.raises(PermissionDenied):
        services.need_create(
            actor=people["own_member"], organisation=oslo, title="X", description="Y"
        )


def test_need_update_bumps_version_and_audits_status(people, needs):
    need = needs["draft"]
    updated = services.need_update(
        actor=people["own_member"], need=need, version=need.version, status="open"
    )
    assert updated.version == need.version + 1
    event = AuditEvent.objects.get(action="broker.need.status_changed", object_id=str(need.pk))
    assert event.data == {"from": "draft", "to": "open"}
    assert event.actor == people["own_member"]


def test_stale_edit_changes_nothing(people, needs):
    need = needs["public"]
    services.need_update(actor=people["own_broker"], need=need, version=1, title="Først")
    with pytest.raises(services.StaleEdit) as stale:
        services.need_update(actor=people["own_member"], need=need, version=1, title="Sist")
    assert stale.value.current.title == "Først"
    need.refresh_from_db()
    assert need.title == "Først" and need.version == 2


def test_need_update_refuses_others(people, needs):
    with pytest.raises(PermissionDenied):
        services.need_update(
            actor=people["other_broker"], need=needs["public"], version=1, title="X"
        )


def test_budget_range_is_checked(people, needs):
    with pytest.raises(ValidationError):
        services.need_update(
            actor=people["own_member"],
            need=needs["public"],
            version=1,
            budget_min=500,
            budget_max=100,
        )


def test_renewal_moves_expiry_and_brings_an_expired_need_back(people, baerum):
    need = NeedFactory(organisation=baerum, expires_at=TODAY - datetime.timedelta(days=10))
    assert need not in Need.objects.public(TODAY)

    renewed = services.need_renew(actor=people["own_member"], need=need, today=TODAY)

    assert renewed.expires_at == TODAY + datetime.timedelta(days=180)
    assert renewed in Need.objects.public(TODAY)
    assert AuditEvent.objects.filter(action="broker.need.renewed").exists()


def test_own_needs_expiring(people, baerum):
    soon = NeedFactory(
        organisation=baerum, expires_at=timezone.localdate() + datetime.timedelta(days=10)
    )
    NeedFactory(organisation=baerum)
    assert list(selectors.own_needs_expiring(user=people["own_member"])) == [soon]
    assert not selectors.own_needs_expiring(user=people["other_member"]).exists()
    assert soon.expires_soon


def test_needs_filtered(people, baerum, oslo, sectors, groups):
    cross = NeedFactory(organisation=baerum, sectors=sectors[:2], title="Tverrsektorielt")
    owner = NeedFactory(organisation=oslo, no_clear_owner=True, target_groups=groups[:1])
    dialogue = NeedFactory(organisation=oslo, status="in_dialogue", description="Ensomme eldre")
    user = people["anonymous"]

    def run(**kwargs):
        return set(selectors.needs_filtered(user=user, filters=selectors.NeedFilters(**kwargs)))

    assert run(cross_sector=True) == {cross}
    assert run(no_clear_owner=True) == {owner}
    assert run(municipality="0301") == {owner, dialogue}
    assert run(county=baerum.municipality.county.code) >= {cross}
    assert run(status="in_dialogue") == {dialogue}
    assert run(q="ensomme ELDRE") == {dialogue}
    assert run(sector=sectors[0].code) == {cross}
    assert run(target_group=groups[0].code) == {owner}


# Profiles and offers ------------------------------------------------------------------------


def test_profile_goes_to_review_and_is_public_after_approval(people, mailoutbox):
    org = EntrepreneurOrgFactory()
    admin = MembershipFactory(organisation=org, role=MembershipRole.ADMIN).user
    profile = services.profile_save(actor=admin, organisation=org, summary="Vi hjelper unge.")
    assert profile.review_status == "pending"
    assert profile not in EntrepreneurProfile.objects.public()

    with pytest.raises(PermissionDenied):
        services.profile_review(actor=admin, profile=profile, approve=True)
    # It serves Oslo: Oslo's broker reviews it, Bærum's does not.
    profile.areas.set([Municipality.objects.get(code="0301")])
    with pytest.raises(PermissionDenied):
        services.profile_review(actor=people["own_broker"], profile=profile, approve=True)
    with pytest.raises(ValidationError):
        services.profile_review(actor=people["other_broker"], profile=profile, approve=False)

    services.profile_review(
        actor=people["other_broker"], profile=profile, approve=True, today=TODAY
    )
    profile.refresh_from_db()
    assert profile.review_status == "approved"
    assert profile.renewal_due == TODAY + datetime.timedelta(days=365)
    assert profile.reviewed_by == people["other_broker"]
    assert AuditEvent.objects.filter(action="broker.profile.approved").exists()


def test_changing_an_approved_profile_or_offer_waits_for_review_while_it_stays_public(people):
    profile = ProfileFactory()
    admin = MembershipFactory(organisation=profile.organisation, role="admin").user
    services.profile_save(actor=admin, organisation=profile.organisation, summary="Ny tekst")
    profile.refresh_from_db()
    assert profile.review_status == "approved" and profile.changes_pending
    assert profile.summary != "Ny tekst" and profile.pending_changes["summary"] == "Ny tekst"
    assert profile in EntrepreneurProfile.objects.public()

    offer = OfferFactory(profile=profile, title="Gammelt kurs")
    services.offer_save(
        actor=admin,
        profile=profile,
        offer=offer,
        title="Kurs",
        description="Et kurs",
        maturity="idea",
    )
    offer.refresh_from_db()
    assert offer.title == "Gammelt kurs" and offer.pending_changes["title"] == "Kurs"
    assert offer in Offer.objects.public()


def test_changing_a_profile_not_yet_approved_keeps_it_waiting(people):
    profile = ProfileFactory(review_status="rejected")
    admin = MembershipFactory(organisation=profile.organisation, role="admin").user
    services.profile_save(actor=admin, organisation=profile.organisation, summary="Ny tekst")
    profile.refresh_from_db()
    assert profile.review_status == "pending" and profile.summary == "Ny tekst"
    assert profile.pending_changes == {}


def test_lapsed_profile_is_hidden_and_renewal_brings_it_back(people):
    profile = ProfileFactory(renewal_due=timezone.localdate() - datetime.timedelta(days=1))
    offer = OfferFactory(profile=profile)
    assert profile not in EntrepreneurProfile.objects.public()
    assert offer not in Offer.objects.public()
    member = MembershipFactory(organisation=profile.organisation, role="member").user

    services.profile_renew(actor=member, profile=profile)

    assert profile in EntrepreneurProfile.objects.public()
    assert offer in Offer.objects.public()
    with pytest.raises(PermissionDenied):
        services.profile_renew(actor=UserFactory(), profile=profile)


def test_inactive_offer_is_not_public():
    offer = OfferFactory(active=False)
    assert offer not in Offer.objects.public()
    assert OfferFactory() in Offer.objects.public()


def test_pending_profile_cannot_be_renewed():
    profile = ProfileFactory(review_status="pending")
    with pytest.raises(ValidationError):
        services.profile_renew(actor=None, profile=profile)


def test_profile_filters(sectors, groups, baerum):
    wise = ProfileFactory(organisation=EntrepreneurOrgFactory(work_integration=True))
    OfferFactory(profile=wise, sectors=sectors[:1], maturity="scaled")
    local = ProfileFactory()
    local.areas.set([baerum.municipality])
    OfferFactory(profile=local, sectors=sectors[1:2], maturity="idea")
    ProfileFactory(review_status="pending")

    def run(**kwargs):
        return set(selectors.profiles_filtered(filters=selectors.ProfileFilters(**kwargs)))

    assert run() == {wise, local}
    assert run(sector=sectors[0].code) == {wise}
    assert run(maturity="idea") == {local}
    assert run(work_integration=True) == {wise}
    assert run(municipality="3201") == {local}
