import logging

import pytest
from wagtail.models import Page, Revision

from apps.cookbook import demo, demo_files, selectors
from apps.cookbook.models import ChapterPage, CookbookIndexPage, RecipePage

from .factories import LegalRuleFactory

pytestmark = pytest.mark.django_db


def recipe_file(
    slug, *, chapter, summary="Et kort sammendrag.", phase="dialog", steps=None, **front
):
    """A recipe file as an editor writes it: front matter, the situation, then the steps."""
    lines = [
        "---",
        f"slug: {slug}",
        f"title: Oppskrift {slug}",
        f"chapter: {chapter}",
        f"summary: {summary}",
        f"phase: {phase}",
        "audience: begge",
        "sectors: [barnevern]",
        f"legal_rules: {front.get('legal_rules', '[foa-8-8]')}",
        f"related: {front.get('related', '[]')}",
        "ingredients: {who: Alle, budget: Lite, time: Kort, prerequisites: Ingen}",
        "examples:",
        "  - title: Eksempel",
        "    text: Slik gikk det.",
        "---",
        "",
        "Første avsnitt.",
        "",
        "Andre avsnitt:",
        "- punkt en",
        "- punkt to",
        "",
    ]
    steps = steps or (
        "## Første steg\n\nGjør det.\n\n**Tips:** Et tips\n\n"
        "## Andre steg\n\nGjør mer.\n\n**Fallgruve:** En felle\n"
    )
    return "\n".join(lines) + steps


SMALL_BOOK = {
    "index.md": "---\nslug: kokeboka\ntitle: Kokeboka\nfirst_change_note: Første versjon.\n---\n"
    "Om boka.\n",
    "chapters/01-forsta-og-mote.md": "---\nslug: forsta-og-mote\ntitle: Forstå og møte\n"
    "recipes: [forste, andre]\n---\nOm å møtes.\n",
    "chapters/02-kjop-og-avtaler.md": "---\nslug: kjop-og-avtaler\ntitle: Kjøp og avtaler\n"
    "recipes: [tredje]\n---\nOm å kjøpe.\n",
    # "forste" as it reads after its two changes; history/forste.yaml says what each replaced.
    "recipes/forste.md": recipe_file(
        "forste",
        chapter="forsta-og-mote",
        summary="Et bedre sammendrag.",
        legal_rules="[foa-8-8, finnes-ikke]",
        related="[tredje]",
        steps="## Første steg\n\nGjør det.\n\n## Nytt steg\n\nLes loven.\n",
    ),
    "recipes/andre.md": recipe_file("andre", chapter="forsta-og-mote"),
    "recipes/tredje.md": recipe_file(
        "tredje", chapter="kjop-og-avtaler", phase="avtale", related="[forste, andre]"
    ),
    "history/forste.yaml": """\
- change_note: Nytt sammendrag
  before:
    summary: Et kort sammendrag.
- change_note: Nytt steg
  before:
    steps:
      - {title: Første steg, text: Gjør det., tip: Et tips}
      - {title: Andre steg, text: Gjør mer., pitfall: En felle}
""",
    "nn/index.md": "---\nfirst_change_note: Første versjon på nynorsk.\n---\nOm boka.\n",
    "nn/chapters/01-forsta-og-mote.md": "---\nslug: forsta-og-mote\ntitle: Forstå og møt\n"
    "---\nOm å møtast.\n",
    "nn/recipes/andre.md": "---\nslug: andre\ntitle: Oppskrift andre på nynorsk\n"
    "summary: Eit kort samandrag.\n"
    "ingredients: {who: Alle, budget: Lite, time: Kort, prerequisites: Ingen}\n---\n"
    "Første avsnitt.\n\n## Første steg\n\nGjer det.\n",
}


@pytest.fixture
def demo_content(tmp_path, monkeypatch):
    """The small book above, written as files where the demo reads its book."""
    for name, text in SMALL_BOOK.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(demo_files, "COOKBOOK_DIR", tmp_path)
    return tmp_path


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
        "Første versjon.",
    ]
    assert not first.has_unpublished_changes
    # The first version is the one the history's `before` describes.
    oldest = first.revisions.order_by("created_at", "pk").first().as_object()
    assert oldest.summary == "Et kort sammendrag."
    assert [(s.value["title"], s.value["tip"], s.value["pitfall"]) for s in oldest.steps] == [
        ("Første steg", "Et tips", ""),
        ("Andre steg", "", "En felle"),
    ]


def test_the_nynorsk_texts_translate_their_pages(home_page, demo_content, rules):
    from apps.home.management.commands.load_demo import ensure_nynorsk_home

    demo.load(home=home_page)
    demo.load_nynorsk(locale=ensure_nynorsk_home(home_page))

    second = RecipePage.objects.get(slug="andre", locale__language_code="nn")
    assert second.title == "Oppskrift andre på nynorsk"
    assert second.summary == "Eit kort samandrag."
    assert [step.value["title"] for step in second.steps] == ["Første steg"]
    assert [entry.change_note for entry in selectors.published_revisions(recipe=second)] == [
        "Første versjon på nynorsk."
    ]
    chapter = ChapterPage.objects.get(slug="forsta-og-mote", locale__language_code="nn")
    assert (chapter.title, chapter.intro) == ("Forstå og møt", "Om å møtast.")
    assert not RecipePage.objects.filter(slug="forste", locale__language_code="nn").exists()


def test_running_the_demo_twice_creates_nothing_new(home_page, demo_content, rules):
    demo.load(home=home_page)
    counts = (Page.objects.count(), Revision.objects.count())

    demo.load(home=home_page)

    assert (Page.objects.count(), Revision.objects.count()) == counts
