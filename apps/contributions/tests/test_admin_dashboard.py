"""The Wagtail dashboard tells editors and moderators what waits for them, in Norwegian."""

import pytest
from wagtail.models import Task, Workflow

from apps.accounts.tests.helpers import force_login_verified
from apps.contributions.admin_panels import WaitingForYouPanel
from apps.contributions.models import SuggestedChange, Tip

pytestmark = pytest.mark.django_db


def _dashboard(client, user) -> str:
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nb"
    profile.save()
    force_login_verified(client, user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_editor_sees_what_waits_with_counts_and_links(client, superuser):
    body = _dashboard(client, superuser)
    assert "Venter på deg" in body
    assert "Forslag til endringer i oppskrifter" in body
    assert 'href="/admin/bidrag/forslag/"' in body
    assert "Regler og terskelverdier å kontrollere" in body
    # An editor who is not a moderator is not shown the moderation queue.
    assert "Tips, rapporter og kommentarer til moderering" not in body


def test_moderator_sees_the_moderation_queue_count(rf, moderator, recipe, trusted):
    Tip.objects.create(recipe=recipe, author=trusted, text="Ring kommunen først.")
    request = rf.get("/admin/")
    request.user = moderator
    rows = WaitingForYouPanel(request).get_context_data()["rows"]
    assert [row["label"] for row in rows] == ["Tips, reports and comments to moderate"]
    assert rows[0]["count"] == Tip.objects.pending().count() >= 1


def test_nobody_else_gets_the_panel(rf):
    from apps.accounts.tests.factories import UserFactory
    from apps.contributions.admin_panels import add_waiting_panel

    request = rf.get("/admin/")
    request.user = UserFactory(is_staff=True)
    panels: list = []
    add_waiting_panel(request, panels)
    assert panels == []


def test_suggested_change_count_follows_the_queue(rf, superuser):
    request = rf.get("/admin/")
    request.user = superuser
    before = WaitingForYouPanel(request).get_context_data()["rows"][0]["count"]
    assert before == SuggestedChange.objects.count()


def test_wagtails_default_workflow_has_a_norwegian_name():
    assert Workflow.objects.filter(name="Godkjenning av moderator").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
