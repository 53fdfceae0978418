"""Every accounts view × every kind of visitor, with the status code of each answer.

Conventions (documented in the report): anonymous visitors are sent to the login page (302)
wherever login is required; logged-in people without the right get 403 (organisations are
public, so hiding their existence with 404 would protect nothing); unknown objects are 404.
Organisation admin pages are for that organisation's admins; the members page also for
Kokeboka's national staff in a session verified with the second factor. Superusers,
site-wide moderators and editors have no say over an organisation's members. The
verification queue is for national staff with the second factor (with the password alone
they are sent to the second factor first)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from apps.accounts.models import JoinRequest, MembershipRole
from apps.accounts.permissions import EDITORS_GROUP, MODERATORS_GROUP, PLATFORM_STAFF_GROUP
from apps.core.models import Municipality

from .factories import MembershipFactory, OrganisationFactory, UserFactory
from .helpers import login_with_otp

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "member",
    "other_member",
    "org_admin",
    "moderator",
    "editor",
    "superuser",
    "staff_password_only",
    "staff_verified",
]


@pytest.fixture
def world():
    org = OrganisationFactory(name="Kompass & Co", slug="kompass-co")
    other = OrganisationFactory(name="Folkelig", slug="folkelig")
    admin = MembershipFactory(organisation=org, role=MembershipRole.ADMIN).user
    member = MembershipFactory(organisation=org, role=MembershipRole.MEMBER).user
    other_member = MembershipFactory(organisation=other, role=MembershipRole.ADMIN).user
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    editor = UserFactory()
    editor.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
    superuser = UserFactory(is_staff=True, is_superuser=True)
    staff_group = Group.objects.get_or_create(name=PLATFORM_STAFF_GROUP)[0]
    staff_password_only = UserFactory()
    staff_password_only.groups.add(staff_group)
    staff_verified = UserFactory()
    staff_verified.groups.add(staff_group)
    OrganisationFactory(
        name="Lier kommune",
        slug="krav",
        type="kommune",
        legal_form="",
        municipality=Municipality.objects.get(code="3312"),
        unverified=True,
    )
    applicant = UserFactory()
    join_request = JoinRequest.objects.create(user=applicant, organisation=org)
    target = MembershipFactory(organisation=org, role=MembershipRole.REVIEWER)
    return {
        "org": org,
        "users": {
            "anonymous": None,
            "member": member,
            "other_member": other_member,
            "org_admin": admin,
            "moderator": moderator,
            "editor": editor,
            "superuser": superuser,
            "staff_password_only": staff_password_only,
            "staff_verified": staff_verified,
        },
        "join_request": join_request,
        "target": target,
    }


OK_ALL = dict.fromkeys(ROLES, 200)
LOGIN_REQUIRED = {**OK_ALL, "anonymous": 302}
ADMIN_ONLY = {
    "anonymous": 302,
    "member": 403,
    "other_member": 403,
    "org_admin": 200,
    "moderator": 403,
    "editor": 403,
    "superuser": 403,
    "staff_password_only": 403,
    "staff_verified": 403,
}
MEMBERS_PAGE = {**ADMIN_ONLY, "staff_verified": 200}
MEMBERS_POST = {**MEMBERS_PAGE, "org_admin": 302, "staff_verified": 302}
STAFF_ONLY = {
    **dict.fromkeys(ROLES, 403),
    "anonymous": 302,
    "staff_password_only": 302,
    "staff_verified": 200,
}
STAFF_ONLY_POST = {**dict.fromkeys(ROLES, 403), "anonymous": 302, "staff_verified": 302}
ANON_ONLY_FORM = {**dict.fromkeys(ROLES, 302), "anonymous": 200}

# name, method, url kwargs (from the world), POST data, expected status per role
MATRIX = [
    ("accounts:organisation-list", "get", lambda w: {}, None, OK_ALL),
    ("accounts:organisation-detail", "get", lambda w: {"slug": "kompass-co"}, None, OK_ALL),
    ("accounts:login", "get", lambda w: {}, None, ANON_ONLY_FORM),
    ("accounts:signup", "get", lambda w: {}, None, ANON_ONLY_FORM),
    ("accounts:signup-done", "get", lambda w: {}, None, OK_ALL),
    ("accounts:resend-verification", "get", lambda w: {}, None, OK_ALL),
    ("accounts:password-reset", "get", lambda w: {}, None, OK_ALL),
    ("accounts:password-reset-done", "get", lambda w: {}, None, OK_ALL),
    ("accounts:password-reset-complete", "get", lambda w: {}, None, OK_ALL),
    ("accounts:verify", "get", lambda w: {"token": "bad"}, None, dict.fromkeys(ROLES, 400)),
    ("accounts:profile", "get", lambda w: {}, None, LOGIN_REQUIRED),
    ("accounts:password-change", "get", lambda w: {}, None, LOGIN_REQUIRED),
    ("accounts:my-data", "get", lambda w: {}, None, LOGIN_REQUIRED),
    ("accounts:delete-account", "get", lambda w: {}, None, LOGIN_REQUIRED),
    ("accounts:two-factor", "get", lambda w: {}, None, LOGIN_REQUIRED),
    ("accounts:organisation-create", "get", lambda w: {}, None, LOGIN_REQUIRED),
    (
        "accounts:invitation-accept",
        "get",
        lambda w: {"token": "unknown"},
        None,
        {**dict.fromkeys(ROLES, 400), "anonymous": 302},
    ),
    ("accounts:organisation-members", "get", lambda w: {"slug": "kompass-co"}, None, MEMBERS_PAGE),
    ("accounts:organisation-edit", "get", lambda w: {"slug": "kompass-co"}, None, ADMIN_ONLY),
    (
        "accounts:organisation-invite",
        "post",
        lambda w: {"slug": "kompass-co"},
        {"email": "ny@example.no", "role": "member"},
        MEMBERS_POST,
    ),
    (
        "accounts:member-remove",
        "post",
        lambda w: {"slug": "kompass-co", "pk": w["target"].pk},
        {},
        MEMBERS_POST,
    ),
    (
        "accounts:join-request-decide",
        "post",
        lambda w: {"slug": "kompass-co", "pk": w["join_request"].pk},
        {"decision": "approve", "role": "member"},
        MEMBERS_POST,
    ),
    (
        "accounts:join-request-create",
        "post",
        lambda w: {"slug": "kompass-co"},
        {"message": "Hei"},
        dict.fromkeys(ROLES, 302),
    ),
    ("accounts:logout", "post", lambda w: {}, {}, dict.fromkeys(ROLES, 302)),
    ("accounts:organisation-verification", "get", lambda w: {}, None, STAFF_ONLY),
    (
        "accounts:organisation-verify",
        "post",
        lambda w: {"slug": "krav"},
        {},
        STAFF_ONLY_POST,
    ),
    (
        "accounts:organisation-claim-reject",
        "post",
        lambda w: {"slug": "krav"},
        {"reason": "Ikke kommunen"},
        STAFF_ONLY_POST,
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "kwargs", "data", "expected"), MATRIX, ids=[row[0] for row in MATRIX]
)
def test_permission_matrix(client, world, role, name, method, kwargs, data, expected):
    user = world["users"][role]
    if role == "staff_verified":
        login_with_otp(client, user)
    elif user is not None:
        client.force_login(user)
    url = reverse(name, kwargs=kwargs(world))
    response = getattr(client, method)(url, data or {})
    assert response.status_code == expected[role], (name, role)
    if (
        response.status_code == 302
        and role == "anonymous"
        and expected is not ANON_ONLY_FORM
        and name not in {"accounts:logout", "accounts:signup-done"}
    ):
        assert response.url.startswith("/konto/logg-inn/?next="), response.url


def test_admin_pages_404_for_unknown_organisation(client, world):
    client.force_login(world["users"]["superuser"])
    assert client.get("/organisasjoner/finnes-ikke/").status_code == 404
    assert client.get("/organisasjoner/finnes-ikke/medlemmer/").status_code == 404


def test_member_list_is_never_on_the_public_page(client, world):
    member = world["users"]["member"]
    for role in ROLES:
        client.logout()
        if world["users"][role]:
            client.force_login(world["users"][role])
        html = client.get("/organisasjoner/kompass-co/").content.decode()
        assert member.email not in html
        assert member.get_full_name() not in html


def test_post_only_views_refuse_get(client, world):
    client.force_login(world["users"]["org_admin"])
    for name, kwargs in [
        ("accounts:organisation-invite", {"slug": "kompass-co"}),
        ("accounts:member-remove", {"slug": "kompass-co", "pk": world["target"].pk}),
        ("accounts:join-request-decide", {"slug": "kompass-co", "pk": world["join_request"].pk}),
        ("accounts:join-request-create", {"slug": "kompass-co"}),
    ]:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 405
