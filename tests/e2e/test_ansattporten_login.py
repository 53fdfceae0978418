"""The login page with both electronic IDs (ID-porten and Ansattporten) and the page shown
after an Ansattporten login for an organisation, in bokmål, at 1280 and 320 px: axe finds
nothing, nothing sticks out sideways, and the choice is explained."""

import pytest

from tests.e2e.conftest import no_sideways_scroll

pytestmark = pytest.mark.browser

WIDTHS = [1280, 320]


@pytest.mark.parametrize("width", WIDTHS)
def test_login_page_with_both_electronic_ids(eid_site, page, axe_violations, width, tmp_path):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/konto/logg-inn/")
    assert page.locator("html").get_attribute("lang") == "nb"
    choice = page.locator("section.eid-choice")
    assert choice.get_by_role("heading", name="Logg inn med elektronisk ID").is_visible()
    assert choice.get_by_role("link", name="Logg inn med ID-porten").is_visible()
    assert choice.get_by_role("link", name="Logg inn med Ansattporten").is_visible()
    assert "privatpersoner" in choice.inner_text()
    assert "kommune" in choice.inner_text()
    assert no_sideways_scroll(page)
    assert axe_violations(page) == []
    page.screenshot(path=tmp_path / f"login-{width}.png", full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_page_after_an_ansattporten_login_for_an_organisation(
    eid_site, page, live_server, axe_violations, width, tmp_path
):
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from apps.accounts.oidc import SESSION_NEXT, SESSION_ORGANISATIONS
    from apps.accounts.tests.factories import OrganisationFactory, UserFactory

    person = UserFactory(email="kari@asker.kommune.no")
    OrganisationFactory(
        name="Asker Frivilligsentral", slug="asker-frivillig", org_number="974760673"
    )
    session = SessionStore()
    session[SESSION_KEY] = str(person.pk)
    session[BACKEND_SESSION_KEY] = "apps.accounts.backends.EmailVerifiedBackend"
    session[HASH_SESSION_KEY] = person.get_session_auth_hash()
    session[SESSION_ORGANISATIONS] = [
        {"orgno": "974760673", "name": "ASKER FRIVILLIGSENTRAL"},
        {"orgno": "987464291", "name": "DIGITALISERINGSDIREKTORATET AVD LEIKANGER"},
    ]
    session[SESSION_NEXT] = "/konto/"
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
    page.goto("/konto/ansattporten/virksomhet/")
    assert page.get_by_role("heading", level=1).inner_text() == "Logget inn med Ansattporten"
    assert page.get_by_role("link", name="Be om å bli med i Asker Frivilligsentral").is_visible()
    assert page.get_by_text("Denne organisasjonen er ikke i Kokeboka ennå.").is_visible()
    assert page.get_by_role("link", name="Fortsett").get_attribute("href") == "/konto/"
    assert no_sideways_scroll(page)
    assert axe_violations(page) == []
    page.screenshot(path=tmp_path / f"organisation-{width}.png", full_page=True)
