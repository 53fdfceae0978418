"""Who runs Kokeboka and how to reach them: on /om-kokeboka/, in every footer and in the book."""

import pytest

from apps.home.testing import ensure_home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(settings):
    settings.KOKEBOKA_PUBLISHER_NAME = "Distriktsdepartementet (test)"
    settings.KOKEBOKA_PUBLISHER_URL = "https://departementet.example.no"
    settings.KOKEBOKA_CONTACT_EMAIL = "kontakt@example.no"
    settings.KOKEBOKA_ACCESSIBILITY_CONTACT_EMAIL = "uu@example.no"


def test_about_page_names_the_publisher_and_contacts(client, owner):
    response = client.get("/om-kokeboka/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1" in body and "Om Kokeboka" in body
    assert 'href="https://departementet.example.no"' in body
    assert "Distriktsdepartementet (test)" in body
    assert "mailto:kontakt@example.no" in body
    assert "mailto:uu@example.no" in body
    assert "NLOD 2.0" in body


def test_every_page_footer_names_the_publisher_and_links_about_and_the_book(client, owner):
    ensure_home_page()
    body = client.get("/om-kokeboka/").content.decode()
    footer = body[body.index('class="site-footer"') :]
    assert "Utgitt av Distriktsdepartementet (test)." in footer
    assert "mailto:kontakt@example.no" in footer
    assert 'href="/om-kokeboka/"' in footer
    assert 'href="/kokeboka/utgaver/"' in footer


def test_main_menu_has_four_groups_and_every_link_once_per_layout(client):
    body = client.get("/om-kokeboka/").content.decode()
    narrow = body[body.index('class="site-nav__narrow"') :]
    narrow = narrow[: narrow.index("</nav>")]
    assert narrow.count('class="site-nav__group"') == 4
    assert "<details" in narrow and "<summary>Meny</summary>" in narrow
    for path in ("/kokeboka/", "/veiviser/", "/behov/", "/fond/", "/organisasjoner/"):
        assert narrow.count(f'href="{path}"') == 1
