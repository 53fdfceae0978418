"""The register in the forms people fill in: registering an organisation
(/organisasjoner/ny/), editing an entrepreneur profile, and what a broker sees in the review
queue. Against the local register of conftest.py; the pages in bokmål."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import Organisation
from apps.accounts.tests.factories import MembershipFactory, UserFactory
from apps.broker.models import EntrepreneurProfile
from apps.broker.tests.factories import (
    EntrepreneurOrgFactory,
    OfferFactory,
    ProfileFactory,
    municipality_org,
)
from apps.registers import services
from apps.registers.client import Lookup
from apps.registers.models import CheckStatus, RegisterCheck

from .conftest import BANKRUPT, DELETED, DOWN, FORCED, FOUND, NOT_FOUND, WOUND_UP

pytestmark = pytest.mark.django_db
NEW = reverse("accounts:organisation-create")


def org_data(number: str, name: str = "Pøbelprosjektet", **extra) -> dict:
    return {
        "name": name,
        "type": "sosial_entreprenor",
        "org_number": number,
        "legal_form": "",
        **extra,
    }


@pytest.fixture
def person(norwegian):
    user = UserFactory()
    norwegian.force_login(user)
    return user


def test_found_fills_in_the_legal_form_and_creates_the_organisation(brreg, norwegian, person):
    brreg.found(FOUND, "PØBELPROSJEKTET AS")
    response = norwegian.post(NEW, org_data(FOUND))
    assert response.status_code == 302
    org = Organisation.objects.get(org_number=FOUND)
    assert org.name == "Pøbelprosjektet" and org.legal_form == "AS"
    assert RegisterCheck.objects.get(org_number=FOUND).status == CheckStatus.FOUND


def test_a_valid_number_of_another_organisation_is_refused(brreg, norwegian, person):
    brreg.found(FOUND, "HELT ANNET NAVN AS")
    response = norwegian.post(NEW, org_data(FOUND))
    assert response.status_code == 200
    html = response.content.decode()
    assert "I Enhetsregisteret hører dette nummeret til HELT ANNET NAVN AS" in html
    assert 'value="Pøbelprosjektet"' in html
    assert not Organisation.objects.filter(org_number=FOUND).exists()


def test_a_legal_form_that_is_not_the_registers_is_refused(brreg, norwegian, person):
    brreg.found(FOUND, "PØBELPROSJEKTET AS")
    response = norwegian.post(NEW, org_data(FOUND, legal_form="SA"))
    assert response.status_code == 200
    assert "Enhetsregisteret har registrert denne organisasjonen som" in response.content.decode()
    assert not Organisation.objects.filter(org_number=FOUND).exists()


@pytest.mark.parametrize(
    "number, extra, words",
    [
        (BANKRUPT, {"konkurs": True, "konkursdato": "2026-01-10"}, "er KONKURS AS"),
        (WOUND_UP, {"underAvvikling": True}, "under avvikling"),
        (FORCED, {"underTvangsavviklingEllerTvangsopplosning": True}, "under avvikling"),
    ],
)
def test_bankrupt_or_wound_up_is_refused_in_norwegian(
    brreg, norwegian, person, number, extra, words
):
    brreg.found(number, "KONKURS AS", **extra)
    response = norwegian.post(NEW, org_data(number, name="Konkurs AS"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ifølge Enhetsregisteret er KONKURS AS" in html and words in html
    assert "kan ikke delta på Kokeboka" in html
    assert not Organisation.objects.filter(org_number=number).exists()


def test_a_deleted_organisation_is_refused_with_its_date(brreg, norwegian, person):
    brreg.deleted(DELETED, on="2023-05-18")
    response = norwegian.post(NEW, org_data(DELETED))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Org.nr. {DELETED} er slettet fra Enhetsregisteret" not in html  # has a date
    assert "ble slettet fra Enhetsregisteret 18. mai 2023" in html
    assert not Organisation.objects.filter(org_number=DELETED).exists()


def test_a_nynorsk_visitor_reads_the_refusal_in_nynorsk(brreg, norwegian, person, settings):
    norwegian.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    brreg.found(BANKRUPT, "KONKURS AS", konkurs=True)
    response = norwegian.post(NEW, org_data(BANKRUPT, name="Konkurs AS"))
    assert response.status_code == 200
    assert "Ifølgje Einingsregisteret er KONKURS AS" in response.content.decode()


def test_a_number_not_found_is_created_and_flagged_for_a_broker(brreg, norwegian, person):
    brreg.not_found(NOT_FOUND)
    response = norwegian.post(NEW, org_data(NOT_FOUND))
    assert response.status_code == 302
    assert Organisation.objects.filter(org_number=NOT_FOUND).exists()
    check = RegisterCheck.objects.get(org_number=NOT_FOUND)
    assert check.status == CheckStatus.NOT_FOUND and check.needs_broker


@pytest.mark.parametrize("fault", ["500", "timeout", "refused"])
def test_register_out_of_reach_keeps_what_was_typed_and_lets_the_person_go_on(
    brreg, norwegian, person, settings, fault
):
    server_url = settings.ENHETSREGISTERET_URL
    if fault == "500":
        brreg.failing(DOWN)
    elif fault == "timeout":
        brreg.slow(DOWN, seconds=1.0)
    else:
        settings.ENHETSREGISTERET_URL = "http://127.0.0.1:9/enhetsregisteret/api"
    data = org_data(DOWN, website="https://pobel.example.no", description="Arbeidstrening.")
    response = norwegian.post(NEW, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vi fikk ikke kontakt med Enhetsregisteret" in html
    assert 'value="Pøbelprosjektet"' in html and f'value="{DOWN}"' in html
    assert 'value="https://pobel.example.no"' in html and "Arbeidstrening." in html
    assert 'name="register_go_on"' in html
    assert not Organisation.objects.filter(org_number=DOWN).exists()

    response = norwegian.post(NEW, {**data, "register_go_on": "on"})
    assert response.status_code == 302
    org = Organisation.objects.get(org_number=DOWN)
    assert org.legal_form == ""
    assert RegisterCheck.objects.get(org_number=DOWN).status == CheckStatus.UNREACHABLE

    # Later the register answers, and the scheduled retry settles the number.
    settings.ENHETSREGISTERET_URL = server_url
    brreg.reset()
    brreg.found(DOWN, "PØBELPROSJEKTET AS")
    RegisterCheck.objects.update(retry_after=timezone.now() - datetime.timedelta(seconds=1))
    services.recheck_due()
    check = RegisterCheck.objects.get(org_number=DOWN)
    assert check.status == CheckStatus.FOUND and check.name == "PØBELPROSJEKTET AS"


def test_the_go_on_box_is_not_shown_while_the_register_answers(brreg, norwegian, person):
    response = norwegian.get(NEW)
    assert response.status_code == 200
    assert 'name="register_go_on"' not in response.content.decode()


def test_the_register_is_asked_once_for_a_number_typed_twice(brreg, norwegian, person):
    brreg.found(FOUND, "HELT ANNET NAVN AS")
    norwegian.post(NEW, org_data(FOUND))
    norwegian.post(NEW, org_data(FOUND))
    assert brreg.calls == [f"/enhetsregisteret/api/enheter/{FOUND}"]


def test_editing_without_changing_the_number_does_not_ask_the_register(brreg, norwegian):
    org = EntrepreneurOrgFactory(org_number=FOUND, name="Pøbelprosjektet", unverified=True)
    norwegian.force_login(MembershipFactory(organisation=org, role="admin").user)
    response = norwegian.post(
        reverse("accounts:organisation-edit", args=[org.slug]),
        {"name": "Pøbelprosjektet", "type": org.type, "org_number": FOUND, "legal_form": "AS"},
    )
    assert response.status_code == 302
    assert brreg.calls == []


# The entrepreneur profile ----------------------------------------------------------------


def _profile_editor(client, number: str):
    org = EntrepreneurOrgFactory(org_number=number, name="Pøbelprosjektet")
    client.force_login(MembershipFactory(organisation=org, role="admin").user)
    return org, reverse("broker:profile-edit", args=[org.slug])


def test_a_bankrupt_entrepreneur_cannot_save_its_profile(brreg, norwegian):
    brreg.found(BANKRUPT, "PØBELPROSJEKTET AS", konkurs=True)
    org, url = _profile_editor(norwegian, BANKRUPT)
    response = norwegian.post(url, {"summary": "Arbeidstrening for unge."})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ifølge Enhetsregisteret er PØBELPROSJEKTET AS" in html and "konkurs" in html
    assert "Arbeidstrening for unge." in html
    assert not EntrepreneurProfile.objects.filter(organisation=org).exists()


def test_profile_save_goes_on_when_the_register_is_out_of_reach(brreg, norwegian):
    brreg.failing(DOWN)
    org, url = _profile_editor(norwegian, DOWN)
    response = norwegian.post(url, {"summary": "Arbeidstrening for unge."})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vi fikk ikke kontakt med Enhetsregisteret" in html
    assert "Arbeidstrening for unge." in html
    response = norwegian.post(url, {"summary": "Arbeidstrening for unge.", "register_go_on": "on"})
    assert response.status_code == 302


def test_a_found_entrepreneur_saves_its_profile(brreg, norwegian):
    brreg.found(FOUND, "PØBELPROSJEKTET AS")
    _org, url = _profile_editor(norwegian, FOUND)
    response = norwegian.post(url, {"summary": "Arbeidstrening for unge."})
    assert response.status_code == 302


# What a broker sees ----------------------------------------------------------------------


def test_the_review_queue_flags_a_number_not_found(norwegian):
    from apps.accounts.tests.helpers import login_with_otp

    baerum = municipality_org("3201")
    broker = MembershipFactory(organisation=baerum, role="broker").user
    flagged = {}
    for number, status in [(NOT_FOUND, "not_found"), (FOUND, "found")]:
        org = EntrepreneurOrgFactory(org_number=number)
        offer = OfferFactory(profile=ProfileFactory(organisation=org, review_status="pending"))
        offer.areas.set([baerum.municipality])
        services.record(Lookup(org_number=number, status=status, name=org.name))
        flagged[number] = org
    login_with_otp(norwegian, broker)
    response = norwegian.get(reverse("broker:review-queue"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Ikke funnet i Enhetsregisteret") == 1
    row = html.split(flagged[NOT_FOUND].name)[1].split("</tr>")[0]
    assert "Ikke funnet i Enhetsregisteret" in row


def test_staff_see_the_flag_where_they_verify_organisations(norwegian):
    from django.contrib.auth.models import Group

    from apps.accounts.permissions import PLATFORM_STAFF_GROUP
    from apps.accounts.tests.factories import OrganisationFactory
    from apps.accounts.tests.helpers import login_with_otp

    staff = UserFactory()
    staff.groups.add(Group.objects.get_or_create(name=PLATFORM_STAFF_GROUP)[0])
    for number, status in [(NOT_FOUND, "not_found"), (FOUND, "found")]:
        OrganisationFactory(unverified=True, org_number=number, name=f"Ukjent {number}")
        services.record(Lookup(org_number=number, status=status))
    login_with_otp(norwegian, staff)
    response = norwegian.get(reverse("accounts:organisation-verification"))
    assert response.status_code == 200
    cards = response.content.decode().split('<li class="ds-card">')[1:]
    flagged = [card for card in cards if "Ikke funnet i Enhetsregisteret" in card]
    assert len(flagged) == 1 and f"Ukjent {NOT_FOUND}" in flagged[0]
