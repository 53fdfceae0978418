import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from apps.accounts.tests.factories import UserFactory
from apps.routeguide.models import RouteGuideFeedback
from apps.routeguide.services import FEEDBACK_LIMIT

QUERY = (
    "purpose=buy&value=1800000&service=ordinary&provider=company&authority=municipality"
    "&on_market=yes"
)
ANSWER = f"/veiviser/svar/?{QUERY}"


def _post(client: Client, ip: str = "203.0.113.7", **data):
    return client.post("/veiviser/tilbakemelding/", {"query": QUERY, **data}, REMOTE_ADDR=ip)


def test_feedback_is_stored_with_the_answer_it_was_about(rule_rows):
    client = Client(enforce_csrf_checks=True)
    # The answer page's GET form leads to the feedback page, which holds the POST form.
    page = client.get("/veiviser/tilbakemelding/", {"query": QUERY, "helpful": "no"})
    page = page.content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(
        "/veiviser/tilbakemelding/",
        {
            "query": QUERY,
            "helpful": "no",
            "comment": "  Savner eksempler.  ",
            "csrfmiddlewaretoken": token,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{ANSWER}#feedback"
    feedback = RouteGuideFeedback.objects.get()
    assert feedback.helpful is False
    assert feedback.comment == "Savner eksempler."
    assert feedback.query_string == QUERY
    assert feedback.regime == "DEL_II"
    assert feedback.answer_url == ANSWER


def test_feedback_without_a_csrf_token_is_refused(rule_rows):
    client = Client(enforce_csrf_checks=True)
    client.get("/veiviser/tilbakemelding/", {"query": QUERY})
    response = _post(client, helpful="yes")
    assert response.status_code == 403
    assert not RouteGuideFeedback.objects.exists()


def test_thanks_is_shown_after_feedback(client, rule_rows):
    response = _post(client, helpful="yes")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert 'role="status"' in page


def test_feedback_needs_a_yes_or_no(client, rule_rows):
    response = _post(client, comment="Hmm")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_helpful_error"' in html
    assert ">Hmm</textarea>" in html
    assert not RouteGuideFeedback.objects.exists()


def test_feedback_about_an_unreadable_answer_is_not_stored(client, rule_rows):
    response = client.post("/veiviser/tilbakemelding/", {"query": "purpose=x", "helpful": "yes"})
    assert response.status_code == 302
    assert response["Location"] == "/veiviser/"
    assert not RouteGuideFeedback.objects.exists()


def test_feedback_is_limited_per_address(client, rule_rows):
    for _number in range(FEEDBACK_LIMIT):
        assert _post(client, helpful="yes").status_code == 302
    refused = _post(client, helpful="yes")
    assert refused.status_code == 429
    assert 'role="alert"' in refused.content.decode()
    assert RouteGuideFeedback.objects.count() == FEEDBACK_LIMIT
    assert _post(client, ip="198.51.100.1", helpful="yes").status_code == 302
    assert RouteGuideFeedback.objects.count() == FEEDBACK_LIMIT + 1


def test_feedback_page_keeps_the_choice_made_on_the_answer(client, rule_rows):
    response = client.get("/veiviser/tilbakemelding/", {"query": QUERY, "helpful": "no"})
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'value="no" checked', html)
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'href="{ANSWER}"' in html.replace("&amp;", "&")


def test_feedback_page_needs_a_readable_answer(client, rule_rows):
    response = client.get("/veiviser/tilbakemelding/")
    assert response.status_code == 302
    assert response["Location"] == "/veiviser/"


def test_feedback_refuses_other_methods(client, rule_rows):
    assert client.put("/veiviser/tilbakemelding/").status_code == 405


def test_the_answer_page_sets_no_cookie_and_is_served_from_the_page_cache(client, rule_rows):
    first = client.get(ANSWER)
    assert first.status_code == 200
    html = first.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert 'action="/veiviser/tilbakemelding/" method="get"' in html or (
        'method="get" action="/veiviser/tilbakemelding/"' in html
    )
    assert not first.cookies
    assert first["X-Page-Cache"] == "miss"
    assert client.get(ANSWER)["X-Page-Cache"] == "hit"


LISTING = "/admin/snippets/routeguide/routeguidefeedback/"


@pytest.fixture
def feedback(db):
    return RouteGuideFeedback.objects.create(
        helpful=False,
        comment="Vanskelig å forstå terskelverdiene.",
        query_string=QUERY,
        regime="DEL_II",
    )


def test_editors_read_feedback_in_the_admin(client, editor, feedback):
    client.force_login(editor)
    response = client.get(LISTING)
    assert response.status_code == 200
    assert "Vanskelig å forstå terskelverdiene." in response.content.decode()
    inspect = client.get(f"{LISTING}inspect/{feedback.pk}/")
    assert inspect.status_code == 200


def test_nobody_adds_or_edits_feedback_in_the_admin(client, editor, feedback):
    client.force_login(editor)
    # Wagtail answers a denied admin request with a redirect to the dashboard.
    for response in (
        client.get(f"{LISTING}add/"),
        client.get(f"{LISTING}edit/{feedback.pk}/"),
        client.post(f"{LISTING}delete/{feedback.pk}/"),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert RouteGuideFeedback.objects.filter(pk=feedback.pk, helpful=False).exists()


def test_the_editors_group_may_read_feedback(client, feedback):
    # Run the data migration again: a transactional test earlier in the run may have
    # flushed the group it made.
    migration = importlib.import_module("apps.routeguide.migrations.0002_editors_read_feedback")
    migration.grant_view(django_apps, None)
    group = Group.objects.get(name="Redaktører")
    assert group.permissions.filter(codename="view_routeguidefeedback").exists()
    user = UserFactory()
    user.groups.add(group)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(LISTING).status_code == 200


def test_people_without_permission_do_not_see_feedback(client, feedback):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(LISTING)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
