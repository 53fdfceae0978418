"""WCAG 3.1.2 (language of parts) on the lists and fund pages that show bokmål text in an
English or nynorsk interface: need, meeting and call cards, the fund and call pages, the
granted projects and search results carry lang="nb" on what is written in bokmål (found by
the axe run in every language, tests/e2e/test_pages_accessibility.py, where headings read the
same in English and nynorsk); in bokmål nothing is marked. No browser: the HTML is enough."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def _html(client, language: str, path: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.fixture
def listed(db):
    from apps.broker.tests.factories import NeedFactory
    from apps.core.services import vocabulary_ensure
    from apps.events.tests.factories import EventFactory
    from apps.fund.tests.factories import CallFactory
    from apps.home.testing import ensure_home_page

    vocabulary_ensure()
    ensure_home_page()
    return {
        "need": NeedFactory(title="Unge faller ut av skolen"),
        "event": EventFactory(title="Dialogmøte om arbeidstrening"),
        "call": CallFactory(title="Samarbeid med sosiale entreprenører"),
    }


@pytest.mark.parametrize("language", ["en", "nn"])
def test_bokmal_titles_in_lists_are_marked(client, listed, language):
    need, event, call = listed["need"], listed["event"], listed["call"]
    html = _html(client, language, "/behov/")
    assert f'href="{need.get_absolute_url()}" lang="nb">{need.title}</a>' in html
    html = _html(client, language, "/dialogmoter/")
    assert f'href="{event.get_absolute_url()}" lang="nb">{event.title}</a>' in html
    html = _html(client, language, "/fond/")
    assert f'href="{call.get_absolute_url()}" lang="nb">{call.title}</a>' in html
    assert f'href="{call.fund.get_absolute_url()}" lang="nb">{call.fund.name}</a>' in html
    html = _html(client, language, call.fund.get_absolute_url())
    assert f'<h1 class="ds-heading" data-size="xl" lang="nb">{call.fund.name}</h1>' in html
    html = _html(client, language, call.get_absolute_url())
    assert f'<h1 class="ds-heading" data-size="xl" lang="nb">{call.title}</h1>' in html
    assert '<div class="prose" lang="nb">' in html


@pytest.mark.parametrize("language", ["en", "nn"])
def test_bokmal_search_results_are_marked(client, listed, language):
    need = listed["need"]
    html = _html(client, language, "/sok/?q=skolen")
    assert f'data-size="xs" lang="nb"><a class="ds-link" href="{need.get_absolute_url()}">' in html


def test_in_bokmal_nothing_is_marked(client, listed):
    need, event, call = listed["need"], listed["event"], listed["call"]
    for path in ("/behov/", "/dialogmoter/", "/fond/", call.get_absolute_url(), "/sok/?q=skolen"):
        assert 'lang="nb"' not in _html(client, "nb", path).split("<main", 1)[1], path
    assert need.title in _html(client, "nb", "/behov/")
    assert event.title in _html(client, "nb", "/dialogmoter/")
