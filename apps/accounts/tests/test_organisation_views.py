import re

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.accounts.models import Invitation, JoinRequest, Membership, Organisation
from apps.accounts.permissions import has_org_role, is_org_admin
from apps.core.models import Municipality

from .factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("accounts:organisation-list")).status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_does_not_grow(client):
    client.force_login(UserFactory())
    municipalities = list(Municipality.objects.all()[:60])
    for i in range(10):
        OrganisationFactory(type="kommune", municipality=municipalities[i])
    few = _list_queries(client)
    for i in range(10, 60):
        OrganisationFactory(type="kommune", municipality=municipalities[i])
    assert _list_queries(client) == few


def test_list_search_and_type_filter(client):
    OrganisationFactory(name="Kompass & Co")
    OrganisationFactory(name="Folkelig", type="ideell")
    html = client.get("/organisasjoner/?q=kompass").content.decode()
    assert "Kompass &amp; Co" in html and "Folkelig" not in html
    html = client.get("/organisasjoner/?type=ideell").content.decode()
    assert "Folkelig" in html and "Kompass" not in html
    assert client.get("/organisasjoner/?type=ukjent").status_code == 200


def test_unusable_type_is_named_in_norwegian_and_the_name_search_still_applies(client):
    """Issue 17, item 3: the filter is the shared filter form; a type that is not offered is
    named next to its control and ignored, and the name search still filters."""
    OrganisationFactory(name="Kompass & Co")
    OrganisationFactory(name="Folkelig", type="ideell")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    response = client.get("/organisasjoner/", {"q": "kompass", "type": "ukjent"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#org-type">Type: ' in html
    assert 'aria-invalid="true" id="org-type"' in html
    assert "Velg et gyldig valg." in html
    assert 'type="search" name="q" value="kompass"' in html
    assert "Kompass &amp; Co" in html and "Folkelig" not in html


def test_paged_list_without_filters_offers_no_clear_link(client):
    OrganisationFactory(name="Kompass & Co")
    html = client.get("/organisasjoner/", {"page": "1"}).content.decode()
    assert 'id="org-q"' in html and 'id="org-type"' in html
    assert "ds-error-summary" not in html
    assert "Clear filters" not in html


def test_public_page_shows_facts(client):
    org = OrganisationFactory(
        name="Medarbeiderne AS", org_number="974760673", work_integration=True, legal_form="AS"
    )
    html = client.get(org.get_absolute_url()).content.decode()
    assert "Medarbeiderne AS" in html and "974760673" in html
    assert "30 %" in html


def test_create_kommune_through_the_form(client):
    user = UserFactory()
    client.force_login(user)
    lier = Municipality.objects.get(code="3312")
    response = client.post(
        reverse("accounts:organisation-create"), {"name": "Lier kommune", "type": "kommune"}
    )
    assert response.status_code == 200 and b"Choose the municipality" in response.content
    response = client.post(
        reverse("accounts:organisation-create"),
        {"name": "Lier kommune", "type": "kommune", "municipality": lier.pk},
    )
    org = Organisation.objects.get(municipality=lier)
    assert response.status_code == 302 and response.url == org.get_absolute_url()
    assert is_org_admin(user, org)
    response = client.post(
        reverse("accounts:organisation-create"),
        {"name": "Lier 2", "type": "kommune", "municipality": lier.pk},
    )
    assert response.status_code == 200 and b"already has an organisation" in response.content


def test_create_entrepreneur_with_bad_check_digit(client):
    client.force_login(UserFactory())
    data = {
        "name": "Ny AS",
        "type": "sosial_entreprenor",
        "org_number": "974 760 674",
        "legal_form": "AS",
    }
    response = client.post(reverse("accounts:organisation-create"), data)
    assert response.status_code == 200
    assert b"check digit" in response.content
    assert b'value="974 760 674"' in response.content
    data["org_number"] = "974 760 673"
    assert client.post(reverse("accounts:organisation-create"), data).status_code == 302
    assert Organisation.objects.get(name="Ny AS").org_number == "974760673"


def test_admin_of_an_unverified_organisation_renames_it(client):
    org = OrganisationFactory(slug="kompass-co", unverified=True)
    client.force_login(MembershipFactory(organisation=org, role="admin").user)
    response = client.post(
        reverse("accounts:organisation-edit", args=[org.slug]),
        {
            "name": "Kompass og Co",
            "type": "sosial_entreprenor",
            "legal_form": "SA",
            "description": "Ny",
        },
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.name == "Kompass og Co" and org.legal_form == "SA" and org.slug == "kompass-co"


def test_admin_edits_invites_and_decides(client, django_capture_on_commit_callbacks):
    org = OrganisationFactory(
        slug="kompass-co",
        name="Bærum kommune",
        type="kommune",
        legal_form="",
        municipality=Municipality.objects.get(code="3201"),
    )
    admin = MembershipFactory(organisation=org, role="admin").user
    client.force_login(admin)
    # The verified identity stays as staff verified it; the rest is the admin's to edit.
    response = client.post(
        reverse("accounts:organisation-edit", args=[org.slug]),
        {
            "name": "Oslo kommune",
            "type": "sosial_entreprenor",
            "legal_form": "SA",
            "description": "Ny",
        },
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.name == "Bærum kommune" and org.type == "kommune"
    assert org.legal_form == "SA" and org.description == "Ny" and org.slug == "kompass-co"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:organisation-invite", args=[org.slug]),
            {"email": "ny@example.no", "role": "fund_manager"},
        )
    assert response.status_code == 302
    assert Invitation.objects.filter(email="ny@example.no", role="fund_manager").exists()
    path = re.search(r"http://testserver(/\S+)", mail.outbox[-1].body).group(1)
    response = client.post(reverse("accounts:organisation-invite", args=[org.slug]), {"email": "x"})
    assert response.status_code == 400 and b"ds-error-summary" in response.content

    invitee = UserFactory(email="ny@example.no")
    client.force_login(invitee)
    assert b"Accept the invitation" in client.get(path).content
    response = client.post(path)
    assert response.status_code == 302
    assert has_org_role(invitee, org, "fund_manager")

    applicant = UserFactory()
    client.force_login(applicant)
    client.post(reverse("accounts:join-request-create", args=[org.slug]), {"message": "Hei"})
    jr = JoinRequest.objects.get(user=applicant)
    html = client.get(org.get_absolute_url()).content.decode()
    assert "You have asked to join" in html
    client.force_login(admin)
    members_html = client.get(
        reverse("accounts:organisation-members", args=[org.slug])
    ).content.decode()
    assert applicant.email in members_html and invitee.email in members_html
    response = client.post(
        reverse("accounts:join-request-decide", args=[org.slug, jr.pk]),
        {"decision": "approve", "role": "reviewer"},
    )
    assert response.status_code == 302
    # Approval makes an ordinary member, whatever role the post names.
    assert has_org_role(applicant, org, "member")
    assert not has_org_role(applicant, org, "reviewer")
    response = client.post(
        reverse("accounts:join-request-decide", args=[org.slug, jr.pk]), {"decision": "maybe"}
    )
    assert response.status_code == 400

    membership = Membership.objects.get(user=applicant)
    client.post(reverse("accounts:member-remove", args=[org.slug, membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    own = Membership.objects.get(user=admin)
    client.post(reverse("accounts:member-remove", args=[org.slug, own.pk]))
    assert Membership.objects.filter(pk=own.pk).exists()  # the last admin stays


def test_membership_of_another_org_cannot_be_removed_through_this_org(client):
    org = OrganisationFactory()
    admin = MembershipFactory(organisation=org, role="admin").user
    foreign = MembershipFactory(role="member")
    client.force_login(admin)
    response = client.post(reverse("accounts:member-remove", args=[org.slug, foreign.pk]))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_anonymous_list_is_purged_when_an_organisation_changes(
    client, django_capture_on_commit_callbacks
):
    assert b"Kompass" not in client.get("/organisasjoner/").content
    assert client.get("/organisasjoner/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationFactory(name="Kompass & Co")
    assert b"Kompass" in client.get("/organisasjoner/").content


def test_invitations_are_rate_limited_per_account(client, settings):
    settings.KOKEBOKA_RATELIMITS = {**settings.KOKEBOKA_RATELIMITS, "invite": (2, 3600)}
    org = OrganisationFactory()
    client.force_login(MembershipFactory(organisation=org, role="admin").user)
    url = reverse("accounts:organisation-invite", args=[org.slug])
    for n in range(2):
        assert client.post(url, {"email": f"p{n}@example.no", "role": "member"}).status_code == 302
    assert client.post(url, {"email": "p9@example.no", "role": "member"}).status_code == 429
    assert Invitation.objects.count() == 2
