"""Who may do what: every view of the applicant side and the call editor, for every kind
of person, on a draft and on a submitted application. Denials are asserted as well. Everyone
logs in with a verified second factor; the password-only rows are at the end."""

import pytest

from apps.accounts.models import MembershipRole, OrganisationType
from apps.accounts.tests.factories import EditorFactory
from apps.accounts.tests.helpers import force_login_verified
from apps.fund.models import Application
from apps.fund.services import application_transition
from apps.fund.tests.factories import (
    ApplicationFactory,
    CallFactory,
    FundFactory,
    OrganisationFactory,
    complete,
    kommune,
    member_of,
)

ROLES = [
    "anonymous",
    "applicant",
    "other_org",
    "manager",
    "other_manager",
    "reviewer",
    "superuser",
]


@pytest.fixture
def world(db):
    fund = FundFactory(organisation=kommune())
    call = CallFactory(fund=fund)
    applicant_org = OrganisationFactory(type=OrganisationType.SOSIAL_ENTREPRENOR)
    other_fund = FundFactory(organisation=kommune("5001", "Trondheim kommune"))
    people = {
        "anonymous": None,
        "applicant": member_of(applicant_org),
        "other_org": member_of(OrganisationFactory(type=OrganisationType.FORSKNING)),
        "manager": member_of(fund.organisation, MembershipRole.FUND_MANAGER),
        "other_manager": member_of(other_fund.organisation, MembershipRole.FUND_MANAGER),
        "reviewer": member_of(fund.organisation, MembershipRole.REVIEWER),
        "superuser": EditorFactory(),
    }
    draft = complete(ApplicationFactory(call=call, organisation=applicant_org))
    submitted = complete(ApplicationFactory(call=call, organisation=applicant_org))
    application_transition(application=submitted, to_status="submitted", actor=None)
    return {"fund": fund, "call": call, "people": people, "draft": draft, "submitted": submitted}


def _client(client, world, role):
    if world["people"][role] is not None:
        force_login_verified(client, world["people"][role])
    return client


def _check(response, expected):
    if expected == "login":
        assert response.status_code == 302
        assert "/konto/logg-inn/" in response["Location"]
    else:
        assert response.status_code == expected, response.content[:500]


VIEW = {"anonymous": "login", "applicant": 200, "other_org": 404, "manager": 404}
# (role -> expected) for each (view, state). Managers see submitted applications read-only;
# drafts stay with the applicant. Being a superuser counts for nothing.
MATRIX = {
    ("edit_get", "draft"): {
        **VIEW,
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
    ("edit_get", "submitted"): {
        **VIEW,
        "manager": 200,
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
    ("edit_post", "draft"): {
        **VIEW,
        "applicant": 302,
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
    ("edit_post", "submitted"): {
        **VIEW,
        "applicant": 403,
        "manager": 403,
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
    ("submit_get", "draft"): {
        **VIEW,
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
    ("submit_get", "submitted"): {
        **VIEW,
        "applicant": 403,
        "manager": 403,
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
    ("upload", "draft"): {
        **VIEW,
        "applicant": 400,  # allowed; the empty form is refused
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
    ("upload", "submitted"): {
        **VIEW,
        "applicant": 403,
        "manager": 403,
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
    ("receipt", "draft"): {
        **VIEW,
        "applicant": 404,
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
    ("receipt", "submitted"): {
        **VIEW,
        "manager": 200,
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
    ("withdraw", "draft"): {
        **VIEW,
        "applicant": 302,
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
    ("withdraw", "submitted"): {
        **VIEW,
        "applicant": 302,
        "manager": 403,
        "other_manager": 404,
        "reviewer": 404,
        "superuser": 404,
    },
}


def _request(client, view, application):
    base = f"/fond/soknader/{application.pk}/"
    if view == "edit_get":
        return client.get(base)
    if view == "edit_post":
        return client.post(
            base,
            {
                "app-version": application.version,
                "app-title": "Endret tittel",
                **{f"{p}-TOTAL_FORMS": 0 for p in ("partners", "budget", "milestones")},
                **{f"{p}-INITIAL_FORMS": 0 for p in ("partners", "budget", "milestones")},
            },
        )
    if view == "submit_get":
        return client.get(base + "send/")
    if view == "upload":
        return client.post(base + "vedlegg/", {})
    if view == "receipt":
        return client.get(base + "kvittering.pdf")
    if view == "withdraw":
        return client.post(base + "trekk/")
    raise AssertionError(view)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("view", "state"), list(MATRIX))
def test_application_matrix(client, world, role, view, state):
    application = world[state]
    before = Application.objects.get(pk=application.pk)
    response = _request(_client(client, world, role), view, application)
    expected = MATRIX[(view, state)][role]
    _check(response, expected)
    after = Application.objects.get(pk=application.pk)
    if expected not in (200, 302) or role != "applicant":
        # a denial (or a read) never changes the application
        assert (after.title, after.status, after.version) == (
            before.title,
            before.status,
            before.version,
        )
    if view == "receipt" and expected == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")


def test_submit_post_denied_for_others(client, world):
    for role in ("other_org", "manager", "other_manager", "reviewer", "superuser"):
        client.force_login(world["people"][role])
        response = client.post(f"/fond/soknader/{world['draft'].pk}/send/")
        assert response.status_code == 404, role
    assert Application.objects.get(pk=world["draft"].pk).status == "draft"


@pytest.mark.parametrize("role", ROLES)
def test_my_applications_list(client, world, role):
    response = _client(client, world, role).get("/fond/soknader/")
    if role == "anonymous":
        _check(response, "login")
        return
    assert response.status_code == 200
    listed = set(response.context["applications"])
    if role == "applicant":
        assert listed == {world["draft"], world["submitted"]}
    else:
        assert listed == set()


CALL_EDIT = {
    "anonymous": "login",
    "applicant": 403,
    "other_org": 403,
    "manager": 200,
    "other_manager": 403,
    "reviewer": 403,
    "superuser": 403,
}


@pytest.mark.parametrize("role", ROLES)
def test_call_editor_matrix(client, world, role):
    fund, call = world["fund"], world["call"]
    client = _client(client, world, role)
    _check(client.get(f"/fond/{fund.slug}/ny-utlysning/"), CALL_EDIT[role])
    _check(client.get(f"/fond/{fund.slug}/{call.slug}/rediger/"), CALL_EDIT[role])
    if CALL_EDIT[role] != 200:
        _check(
            client.post(f"/fond/{fund.slug}/{call.slug}/rediger/", {"title": "X"}), CALL_EDIT[role]
        )
        call.refresh_from_db()
        assert call.title != "X"


START = {
    "anonymous": "login",
    "applicant": 200,
    "other_org": 403,
    "manager": 403,
    "other_manager": 403,
    "reviewer": 403,
    "superuser": 403,
}


@pytest.mark.parametrize("role", ROLES)
def test_start_matrix(client, world, role):
    call = world["call"]
    client = _client(client, world, role)
    url = f"/fond/{call.fund.slug}/{call.slug}/sok/"
    _check(client.get(url), START[role])
    count = Application.objects.count()
    response = client.post(url, {"title": "Nytt", "organisation": "1"})
    if START[role] == 200:
        assert response.status_code == 400  # let in, but the form is refused (not a valid choice)
    else:
        _check(response, START[role])
        assert Application.objects.count() == count


def test_reviewer_of_the_applicant_kommune_does_not_see_its_drafts(client, db):
    """A municipal service applies (applicant = the fund's own kommune); a reviewer role in
    that kommune is not an applicant role."""
    fund = FundFactory(organisation=kommune())
    application = ApplicationFactory(call=CallFactory(fund=fund))
    reviewer = member_of(fund.organisation, MembershipRole.REVIEWER)
    client.force_login(reviewer)
    assert client.get(f"/fond/soknader/{application.pk}/").status_code == 404
    member = member_of(fund.organisation)
    client.force_login(member)
    assert client.get(f"/fond/soknader/{application.pk}/").status_code == 200


def test_unpublished_call_is_hidden_from_all_but_managers(client, world):
    call = CallFactory(fund=world["fund"], published=False)
    url = f"/fond/{call.fund.slug}/{call.slug}/"
    assert client.get(url).status_code == 404
    client.force_login(world["people"]["applicant"])
    assert client.get(url).status_code == 404
    client.force_login(world["people"]["other_manager"])
    assert client.get(url).status_code == 404
    client.force_login(world["people"]["manager"])
    assert client.get(url).status_code == 200


SECOND_FACTOR_VIEWS = {
    "application": lambda w: f"/fond/soknader/{w['submitted'].pk}/",
    "receipt": lambda w: f"/fond/soknader/{w['submitted'].pk}/kvittering.pdf",
    "call_create": lambda w: f"/fond/{w['fund'].slug}/ny-utlysning/",
    "call_edit": lambda w: f"/fond/{w['fund'].slug}/{w['call'].slug}/rediger/",
}


@pytest.mark.parametrize("view", list(SECOND_FACTOR_VIEWS))
def test_manager_with_password_only_is_sent_to_the_code_page(client, world, view):
    """Issue 19, finding 3: someone else's application and the fund's calls are not opened
    on a password alone."""
    client.force_login(world["people"]["manager"])
    response = client.get(SECOND_FACTOR_VIEWS[view](world))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/tofaktor/?next=/fond/")


def test_applicant_needs_no_second_factor_for_their_own_application(client, world):
    client.force_login(world["people"]["applicant"])
    assert client.get(f"/fond/soknader/{world['submitted'].pk}/").status_code == 200
    assert client.get(f"/fond/soknader/{world['draft'].pk}/").status_code == 200


def test_call_post_with_password_only_changes_nothing(client, world):
    client.force_login(world["people"]["manager"])
    call = world["call"]
    response = client.post(f"/fond/{call.fund.slug}/{call.slug}/rediger/", {"title": "X"})
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/tofaktor/")
    call.refresh_from_db()
    assert call.title != "X"
