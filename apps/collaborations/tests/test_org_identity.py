"""Which organisation is meant (issue 12, item 4): two organisations called
"Pøbelprosjektet" are told apart by number (and municipality) beside the name on the need
page, the introduction page, the board's cards and the collaboration page."""

from __future__ import annotations

import pytest
from django.conf import settings

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import MembershipFactory, OrganisationFactory
from apps.accounts.tests.helpers import force_login_verified
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
def world(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    municipality = MunicipalityOrgFactory(org_number="974626248")
    first = OrganisationFactory(name="Pøbelprosjektet", org_number="923609016")
    second = OrganisationFactory(name="Pøbelprosjektet", org_number="996505077")
    broker = MembershipFactory(organisation=municipality, role=MembershipRole.BROKER).user
    need = NeedFactory(organisation=municipality)
    offers = [OfferFactory(profile=ProfileFactory(organisation=org)) for org in (first, second)]
    force_login_verified(client, broker)
    return {"municipality": municipality, "need": need, "offers": offers}


def test_the_introduction_page_names_the_organisation_by_number(client, world):
    need, offers = world["need"], world["offers"]
    pages = [
        client.get(f"/samarbeid/introduser/?need={need.pk}&offer={offer.pk}").content.decode()
        for offer in offers
    ]
    assert "org.nr. 923609016" in pages[0] and "org.nr. 996505077" not in pages[0]
    assert "org.nr. 996505077" in pages[1] and "org.nr. 923609016" not in pages[1]
    municipality = world["municipality"]
    assert f"org.nr. 974626248 · {municipality.municipality.name}" in pages[0]


def test_the_need_page_shows_the_municipalitys_number_and_municipality(client, world):
    municipality = world["municipality"]
    html = client.get(world["need"].get_absolute_url()).content.decode()
    assert f"org.nr. 974626248 · {municipality.municipality.name}" in html


def test_cards_and_the_collaboration_page_show_the_entrepreneurs_number(client, world):
    municipality = world["municipality"]
    entrepreneurs = [offer.profile.organisation for offer in world["offers"]]
    for org in entrepreneurs:
        CollaborationFactory(
            municipality_org=municipality, entrepreneur_org=org, stage=Stage.DIALOG
        )
    board = client.get("/samarbeid/tavle/").content.decode()
    assert "org.nr. 923609016" in board and "org.nr. 996505077" in board
    collaboration = CollaborationFactory(
        municipality_org=municipality, entrepreneur_org=entrepreneurs[1]
    )
    detail = client.get(collaboration.get_absolute_url()).content.decode()
    assert "org.nr. 996505077" in detail and "org.nr. 923609016" not in detail


def test_match_cards_on_the_need_page_tell_the_two_apart(
    client, django_capture_on_commit_callbacks
):
    """The matching index is written after commit, as a request would leave it."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    with django_capture_on_commit_callbacks(execute=True):
        municipality = MunicipalityOrgFactory()
        broker = MembershipFactory(organisation=municipality, role=MembershipRole.BROKER).user
        need = NeedFactory(organisation=municipality)
        for number in ("923609016", "996505077"):
            org = OrganisationFactory(name="Pøbelprosjektet", org_number=number)
            OfferFactory(
                profile=ProfileFactory(organisation=org),
                title="Motivasjonskurs for unge som faller ut av skolen",
                area_national=True,
            )
    force_login_verified(client, broker)
    html = client.get(need.get_absolute_url()).content.decode()
    matches = html.split('id="matches"')[1]
    for number in ("923609016", "996505077"):
        assert f'Pøbelprosjektet<span class="org-identity"> · org.nr. {number}</span>' in matches
