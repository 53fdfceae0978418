"""The moderation and suggestion screens we add to Wagtail's admin, in Debian's Chromium:
zero axe-core violations (WCAG 2.0/2.1 A and AA) with real items waiting."""

import pytest
from django.conf import settings
from django.test import Client

from apps.accounts.models import User
from apps.accounts.tests.factories import UserFactory
from apps.contributions import services
from apps.contributions.models import SuggestedChange
from apps.cookbook.models import RecipePage

pytestmark = pytest.mark.browser


@pytest.fixture
def waiting(demo_site, settings):
    """The demo (tests/databases.py) with a tip, a reported tip and a suggestion waiting."""
    settings.KOKEBOKA_REQUIRE_OTP_FOR_STAFF = False
    recipe = RecipePage.objects.live().order_by("path").first()
    newcomer = UserFactory()
    services.tip_submit(recipe=recipe, author=newcomer, text="Ring rektor før dere starter.")
    # A reported tip in the queue too (issue 19: a report made the queue answer 500).
    published = services.tip_submit(recipe=recipe, author=newcomer, text="Kjøp våre kurs nå.")
    published.status = "published"
    published.save(update_fields=["status"])
    services.content_report(obj=published, reporter=UserFactory(), reason="Reklame for kurs.")
    suggestion = services.suggestion_submit(
        recipe=recipe,
        author=newcomer,
        field="summary",
        text="Et kortere sammendrag som sier hva oppskriften gjør.",
        reason="Lettere å forstå for nye lesere.",
    )
    return suggestion


def _log_in(page, live_server) -> None:
    """A moderator and editor (the groups, which are what these screens ask for) in a session
    verified with the second factor."""
    from django.contrib.auth.models import Group

    from apps.accounts.permissions import EDITORS_GROUP, MODERATORS_GROUP
    from apps.accounts.tests.helpers import force_login_verified

    admin = User.objects.create_superuser(email="moderator@example.no", password="x" * 20)
    for name in (MODERATORS_GROUP, EDITORS_GROUP):
        admin.groups.add(Group.objects.get_or_create(name=name)[0])
    client = Client()
    force_login_verified(client, admin)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_moderation_and_suggestion_screens_have_no_axe_violations(
    waiting, page, live_server, axe_violations
):
    _log_in(page, live_server)
    suggestion = SuggestedChange.objects.get(pk=waiting.pk)
    violations: list[str] = []
    for url, shows in (
        ("/admin/bidrag/moderering/", "Ring rektor"),
        ("/admin/bidrag/moderering/", "Reklame for kurs."),
        ("/admin/bidrag/forslag/", suggestion.recipe.title),
        (f"/admin/bidrag/forslag/{suggestion.pk}/", "Et kortere sammendrag"),
    ):
        response = page.goto(url)
        assert response.status == 200, f"{url} gave {response.status}"
        assert shows in page.content(), f"{url} does not show {shows!r}"
        violations += axe_violations(page)
    assert violations == [], "\n".join(violations)
