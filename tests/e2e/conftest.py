"""Browser journeys across apps. The shared browser fixtures live in tests/browser.py (loaded
for every test); the bare site with both electronic IDs and the sideways-scroll check are here."""

import pytest

from tests.browser import WCAG_TAGS  # noqa: F401  (re-exported for the tests here)


def no_sideways_scroll(page) -> bool:
    """Nothing on the page is wider than the viewport (the 320 px check)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def eid_site(transactional_db, settings):
    """A bare site (vocabularies, geography, the bokmål home page) with both electronic IDs
    offered. Only the pages' offer depends on the client ids; no provider is contacted."""
    from wagtail.models import Locale

    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    geography_ensure()
    Locale.objects.get_or_create(language_code="nb")
    ensure_home_page()
    settings.OIDC_RP_CLIENT_ID = "kokeboka-test"
    settings.ANSATTPORTEN_RP_CLIENT_ID = "kokeboka-ansattporten-test"
