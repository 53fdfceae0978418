import pytest

from apps.events.models import EventStatus
from apps.events.tests.factories import EventFactory
from apps.search.selectors import site_search

pytestmark = pytest.mark.django_db


def test_published_dialogue_meetings_are_found_by_an_inflected_word(home_page):
    EventFactory(title="Dialogmøte om anskaffelser", summary="Hvordan kommuner kjøper tjenester.")
    results = site_search(query="anskaffelsen", page_number=1)
    assert [item.title for item in results.items] == ["Dialogmøte om anskaffelser"]
    assert results.items[0].url.startswith("/dialogmoter/")


def test_draft_meetings_are_never_found(home_page):
    EventFactory(title="Hemmelig møte om anskaffelser", status=EventStatus.DRAFT)
    assert site_search(query="anskaffelser", page_number=1).total == 0
