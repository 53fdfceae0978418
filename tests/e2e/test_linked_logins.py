"""The pages for linking an ID-porten or Ansattporten login to an account, in bokmål at 1280
and 320 px: the confirmation page (a CSRF POST form; «Koble Ansattporten-innloggingen til
kontoen din») and the page shown when a login is linked to no account. axe finds nothing and
nothing sticks out sideways."""

import time

import pytest

from tests.e2e.conftest import no_sideways_scroll

pytestmark = pytest.mark.browser

WIDTHS = [1280, 320]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_link_confirmation_page(eid_site, page, live_server, axe_violations, width, tmp_path):
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from apps.accounts.models import ExternalIdentity
    from apps.accounts.oidc import SESSION_PENDING_LINK
    from apps.accounts.tests.factories import UserFactory

    person = UserFactory(email="kari.nordmann@asker.kommune.no")
    session = SessionStore()
    session[SESSION_KEY] = str(person.pk)
    session[BACKEND_SESSION_KEY] = "apps.accounts.backends.EmailVerifiedBackend"
    session[HASH_SESSION_KEY] = person.get_session_auth_hash()
    session[SESSION_PENDING_LINK] = {
        "provider": "ansattporten",
        "issuer": "https://test.ansattporten.no",
        "subject": "pairwise-sub",
        "name": "Kari Nordmann",
        "user": person.pk,
        "at": time.time(),
    }
    session.save()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/konto/innlogginger/koble/")
    assert page.locator("html").get_attribute("lang") == "nb"
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Koble Ansattporten-innloggingen til kontoen din"
    assert page.get_by_text("som Kari Nordmann").is_visible()
    assert page.locator("form input[name=csrfmiddlewaretoken]").count() == 1
    link = page.get_by_role("button", name="Koble til innloggingen")
    assert link.is_visible() and page.get_by_role("button", name="Ikke koble").is_visible()
    assert no_sideways_scroll(page)
    assert axe_violations(page) == []
    page.screenshot(path=tmp_path / f"link-{width}.png", full_page=True)

    link.click()
    page.wait_for_url("**/konto/", timeout=10_000)
    assert page.get_by_role("heading", name="Koblede innlogginger").is_visible()
    assert ExternalIdentity.objects.get().user == person
    # My page lists it with its remove button.
    assert page.get_by_role("button", name="Fjern koblingen til Ansattporten").is_visible()
    assert no_sideways_scroll(page)
    assert axe_violations(page) == []
    page.screenshot(path=tmp_path / f"my-page-{width}.png", full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_not_linked_page(eid_site, page, axe_violations, width, tmp_path):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/konto/innlogginger/ikke-koblet/?innlogging=ansattporten")
    assert page.locator("html").get_attribute("lang") == "nb"
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Ansattporten-innloggingen din er ikke koblet til en konto"
    assert page.get_by_role("link", name="Logg inn for å koble til").is_visible()
    assert no_sideways_scroll(page)
    assert axe_violations(page) == []
    page.screenshot(path=tmp_path / f"not-linked-{width}.png", full_page=True)
