import logging
import sys
import types

import pytest
from wagtail.models import Page, Revision

from apps.cookbook import demo, selectors
from apps.cookbook.models import ChapterPage, CookbookIndexPage, RecipePage

from .factories import LegalRuleFactory

pytestmark = pytest.mark.django_db


def recipe_data(slug, **extra):
    data = {
        "slug": slug,
        "title": f"Oppskrift {slug}",
        "summary": "Et kort sammendrag.",
        "situation": "Første avsnitt.\n\nAndre avsnitt:\n- punkt en\n- punkt to",
        "phase": "dialog",
        "sectors": ["barnevern"],
        "audience": "begge",
        "ingredients": {"who": "Alle", "budget": "Lite", "time": "Kort", "prerequisites": "Ingen"},
        "steps": [
            {"title": "Første steg", "text": "Gjør det.", "tip": "Et tips", "pitfall": ""},
            {"title": "Andre steg", "text": "Gjør mer.", "tip": "", "pitfall": "En felle"},
        ],
        "legal_rules": ["foa-8-8"],
        "examples": [{"title": "Eksempel", "text": "Slik gikk det.", "source_url": ""}],
        "related": [],
    }
    data.update(extra)
    return data


CHAPTERS = [
    {
        "slug": "forsta-og-mote",
        "title": "Forstå og møte",
        "intro": "Om å møtes.",
        "recipes": [
            recipe_data(
                "forste",
                legal_rules=["foa-8-8", "finnes-ikke"],
                related=["tredje"],
                revisions=[
                    {"change_note": "Nytt sammendrag", "set": {"summary": "Et bedre sammendrag."}},
                    {
                        "change_note": "Nytt steg",
                        "steps": [
                            {"title": "Første steg", "text": "Gjør det.", "tip": "", "pitfall": ""},
                            {"title": "Nytt steg", "text": "Les loven.", "tip": "", "pitfall": ""},
                        ],
                    },
                ],
            ),
            recipe_data("andre"),
        ],
    },
    {
        "slug": "kjop-og-avtaler",
        "title": "Kjøp og avtaler",
        "intro": "Om å kjøpe.",
        "recipes": [recipe_data("tredje", phase="avtale", related=["forste", "andre"])],
    },
]


@pytest.fixture
def demo_content(monkeypatch):
    module = types.SimpleNamespace(CHAPTERS=CHAPTERS)
    monkeypatch.setitem(sys.modules, "apps.cookbook.demo_content", module)
    return module


@pytest.fixture
def rules(db):
    return [LegalRuleFactory(code="foa-8-8")]


def test_text_to_rich_text_makes_paragraphs_and_lists():
    text = "Første & siste.\n\nInnledning\n- en\n- to\nEtterpå"
    assert demo.text_to_rich_text(text) == (
        "<p>Første &amp; siste.</p><p>Innledning</p><ul><li>en</li><li>to</li></ul><p>Etterpå</p>"
    )


def test_demo_builds_the_book_with_history(home_page, demo_content, rules, caplog):
    with caplog.at_level(logging.WARNING, logger="apps.cookbook.demo"):
        demo.load(home=home_page)

    index = CookbookIndexPage.objects.get()
    assert index.url == "/kokeboka/" and index.live
    assert [c.slug for c in ChapterPage.objects.child_of(index).live()] == [
        "forsta-og-mote",
        "kjop-og-avtaler",
    ]
    assert [r.slug for r in selectors.recipe_index()] == ["forste", "andre", "tredje"]

    first = RecipePage.objects.get(slug="forste")
    assert first.summary == "Et bedre sammendrag."
    assert [step.value["title"] for step in first.steps] == ["Første steg", "Nytt steg"]
    assert first.situation == (
        "<p>Første avsnitt.</p><p>Andre avsnitt:</p><ul><li>punkt en</li><li>punkt to</li></ul>"
    )
    assert [link.rule.code for link in first.legal_rule_links.all()] == ["foa-8-8"]
    assert [s.code for s in first.sectors.all()] == ["barnevern"]
    assert [link.related.slug for link in first.related_links.all()] == ["tredje"]
    third = RecipePage.objects.get(slug="tredje")
    assert [link.related.slug for link in third.related_links.all()] == ["forste", "andre"]
    assert "finnes-ikke" in caplog.text

    history = selectors.published_revisions(recipe=first)
    assert [entry.change_note for entry in history] == [
        "Nytt steg",
        "Nytt sammendrag",
        demo.FIRST_CHANGE_NOTE,
    ]
    assert not first.has_unpublished_changes


def test_running_the_demo_twice_creates_nothing_new(home_page, demo_content, rules):
    demo.load(home=home_page)
    counts = (Page.objects.count(), Revision.objects.count())

    demo.load(home=home_page)

    assert (Page.objects.count(), Revision.objects.count()) == counts
