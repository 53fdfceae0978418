"""The staff's verification queue in a real browser: staff log in with the second factor,
see a pending claim of a municipality, verify it; axe finds nothing at 1280 and 320 px, on
the queue and on the claim's own page."""

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site(transactional_db):
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail.models import Locale

    from apps.accounts import services
    from apps.accounts.permissions import PLATFORM_STAFF_GROUP
    from apps.accounts.tests.factories import UserFactory
    from apps.core.models import Municipality
    from apps.core.services import geography_ensure, vocabulary_ensure
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    geography_ensure()
    Locale.objects.get_or_create(language_code="nb")
    ensure_home_page()
    staff = UserFactory(email="stab@example.no")
    staff.groups.add(Group.objects.get_or_create(name=PLATFORM_STAFF_GROUP)[0])
    device = TOTPDevice.objects.create(user=staff, name="Telefon", confirmed=True)
    claimant = UserFactory(email="krav@example.no")
    claim = services.organisation_create(
        actor=claimant,
        name="Lier kommune",
        type="kommune",
        municipality=Municipality.objects.get(code="3312"),
    )
    return {"staff": staff, "device": device, "claim": claim}


@pytest.mark.parametrize("width", [1280, 320])
def test_staff_verify_a_claim_with_the_second_factor(site, page, axe_violations, width, tmp_path):
    from apps.accounts.tests.helpers import totp_now

    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site["claim"].get_absolute_url())
    assert page.locator(".ds-alert").first.is_visible()
    assert axe_violations(page) == []

    page.goto("/konto/logg-inn/")
    page.fill("#id_username", "stab@example.no")
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/konto/")
    # With the password alone the queue sends staff to the second factor first.
    page.goto("/organisasjoner/verifisering/")
    page.wait_for_url("**/konto/tofaktor/**")
    page.fill("#id_token", totp_now(site["device"]))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/organisasjoner/verifisering/")
    assert page.locator("h2", has_text="Lier kommune").count() == 1
    assert axe_violations(page) == []
    page.screenshot(path=tmp_path / f"verification-{width}.png", full_page=True)

    page.locator("form[action$='/verifiser/'] button[type=submit]").click()
    page.wait_for_url("**/organisasjoner/verifisering/")
    assert page.locator("h2", has_text="Lier kommune").count() == 0
    assert axe_violations(page) == []
    site["claim"].refresh_from_db()
    assert site["claim"].is_verified
