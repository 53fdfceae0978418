"""The demo content follows the agreed data schema (briefs/demo-schema.md), cites only the
agreed legal rules (briefs/rule-codes.md), and apps.core.demo builds its two pages once.

Deliberately independent of the cookbook and blog models: the content files are plain data.
"""

import copy
import datetime as dt
import re
from pathlib import Path

import pytest

from apps.blog.demo_files import FOLDER as BLOG_DIR
from apps.blog.demo_files import read_demo_content as read_blog_content
from apps.cookbook.demo_files import COOKBOOK_DIR, chapters_data, read_demo_content
from apps.core.vocabulary import SECTORS

ROOT = Path(__file__).resolve().parents[3]
# The book as plain data, read and checked from its files (content/demo/cookbook/).
CHAPTERS = chapters_data(read_demo_content())
# The posts as plain data, read and checked from their files (content/demo/blog/).
POSTS = [post.model_dump(mode="json") for post in read_blog_content().posts]

# The LegalRule codes agreed in briefs/rule-codes.md (seeded by apps/rules/demo.py).
AGREED_RULE_CODES = {
    "loa-2",
    "loa-4",
    "loa-5",
    "foa-5-1",
    "foa-5-3",
    "foa-5-4",
    "foa-7-1",
    "foa-7-9",
    "foa-8-3",
    "foa-8-8",
    "foa-16-9",
    "foa-30-3",
    "foa-kap-30",
    "foa-13-1",
    "foa-13-2",
    "foa-13-3",
    "foa-13-4",
    "foa-innovasjonspartnerskap",
    "foa-2-5",
    "markedsdialog",
    "ideell-under-terskel",
    "ideell-over-terskel",
    "tilskudd-eller-anskaffelse",
    "offentlig-stotte",
    "bagatellstotte",
    "prop-147-l",
}
PHASES = {"behov", "dialog", "utproving", "avtale", "skalering"}
AUDIENCES = {"kommune", "entreprenor", "begge"}
SECTOR_CODES = {code for code, _label in SECTORS}
RECIPE_KEYS = {
    "slug",
    "title",
    "summary",
    "situation",
    "phase",
    "sectors",
    "audience",
    "ingredients",
    "steps",
    "legal_rules",
    "examples",
    "related",
}
INGREDIENT_KEYS = {"who", "budget", "time", "prerequisites"}
STEP_KEYS = {"title", "text", "tip", "pitfall"}
# Fields a revision may "set"; steps are replaced through the revision's own "steps" key.
REVISABLE_FIELDS = {"title", "summary", "situation", "phase", "sectors", "audience"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
VIDEO_URL = re.compile(r"^https://(?:www\.)?(?:youtube\.com/watch\?v=[\w-]{11}|vimeo\.com/\d+)$")


def _recipes() -> list[dict]:
    return [recipe for chapter in CHAPTERS for recipe in chapter["recipes"]]


def _final(recipe: dict) -> dict:
    """The recipe as readers see it after every revision has been published."""
    state = copy.deepcopy({key: value for key, value in recipe.items() if key != "revisions"})
    for revision in recipe.get("revisions", []):
        state.update(copy.deepcopy(revision.get("set", {})))
        if "steps" in revision:
            state["steps"] = copy.deepcopy(revision["steps"])
    return state


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _strings(item)]
    return []


def _recipe_text(recipe: dict) -> str:
    return "\n".join(_strings(_final(recipe)))


def _assert_steps(steps: list[dict], where: str) -> None:
    assert 3 <= len(steps) <= 8, where
    for step in steps:
        assert set(step) == STEP_KEYS, where
        assert step["title"].strip() and step["text"].strip(), where
        assert isinstance(step["tip"], str) and isinstance(step["pitfall"], str), where


# --- data files -------------------------------------------------------------------------------


def test_the_posts_are_text_files_not_python():
    assert not (ROOT / "apps/blog/demo_content.py").exists()
    files = [path for path in BLOG_DIR.rglob("*") if path.is_file()]
    assert len(files) == len(POSTS) + 1
    assert {path.suffix for path in files} == {".md"}


def test_the_book_is_text_files_not_python():
    assert not (ROOT / "apps/cookbook/demo_content.py").exists()
    assert not (ROOT / "apps/cookbook/demo_content_nn.py").exists()
    files = [path for path in COOKBOOK_DIR.rglob("*") if path.is_file()]
    assert len(files) >= 20
    assert {path.suffix for path in files} == {".md", ".yaml"}


def test_book_has_enough_chapters_and_recipes():
    assert len(CHAPTERS) >= 4
    assert len(_recipes()) >= 15
    for chapter in CHAPTERS:
        assert set(chapter) == {"slug", "title", "intro", "recipes"}
        assert chapter["title"].strip() and chapter["intro"].strip()
        assert chapter["recipes"], chapter["slug"]


def test_slugs_are_unique_and_url_safe():
    chapter_slugs = [chapter["slug"] for chapter in CHAPTERS]
    recipe_slugs = [recipe["slug"] for recipe in _recipes()]
    every = chapter_slugs + recipe_slugs
    assert len(every) == len(set(every))
    assert all(SLUG.match(slug) for slug in every)


def test_recipes_follow_the_schema():
    for recipe in _recipes():
        where = recipe["slug"]
        assert RECIPE_KEYS <= set(recipe) <= RECIPE_KEYS | {"revisions"}, where
        for key in ("title", "summary", "situation"):
            assert recipe[key].strip(), where
        assert recipe["phase"] in PHASES, where
        assert recipe["audience"] in AUDIENCES, where
        assert set(recipe["sectors"]) <= SECTOR_CODES, where
        assert set(recipe["ingredients"]) == INGREDIENT_KEYS, where
        assert all(recipe["ingredients"][key].strip() for key in INGREDIENT_KEYS), where
        _assert_steps(recipe["steps"], where)
        assert len(recipe["examples"]) <= 3, where
        for example in recipe["examples"]:
            assert set(example) == {"title", "text", "source_url"}, where
            assert example["title"].strip() and example["text"].strip(), where
            url = example["source_url"]
            assert url == "" or url.startswith(("https://", "http://")), where


def test_every_phase_and_audience_is_used():
    recipes = _recipes()
    assert {recipe["phase"] for recipe in recipes} == PHASES
    assert {recipe["audience"] for recipe in recipes} == AUDIENCES


def test_legal_rules_are_only_the_agreed_codes():
    cited = set()
    for recipe in _recipes():
        assert recipe["legal_rules"], recipe["slug"]
        assert len(recipe["legal_rules"]) == len(set(recipe["legal_rules"])), recipe["slug"]
        assert set(recipe["legal_rules"]) <= AGREED_RULE_CODES, recipe["slug"]
        cited |= set(recipe["legal_rules"])
    # The reserved-contract rules of all three parts are cited somewhere in the book.
    assert {"foa-8-8", "foa-16-9", "foa-30-3", "foa-2-5", "prop-147-l"} <= cited


def test_related_slugs_resolve():
    slugs = {recipe["slug"] for recipe in _recipes()}
    for recipe in _recipes():
        assert recipe["related"], recipe["slug"]
        assert recipe["slug"] not in recipe["related"]
        assert set(recipe["related"]) <= slugs, recipe["slug"]


def test_at_least_three_recipes_carry_real_revisions():
    revised = [recipe for recipe in _recipes() if recipe.get("revisions")]
    assert len(revised) >= 3
    for recipe in revised:
        assert 1 <= len(recipe["revisions"]) <= 2, recipe["slug"]
        state = {key: value for key, value in recipe.items() if key != "revisions"}
        for revision in recipe["revisions"]:
            assert set(revision) <= {"change_note", "set", "steps"}, recipe["slug"]
            assert revision["change_note"].strip(), recipe["slug"]
            assert "set" in revision or "steps" in revision, recipe["slug"]
            assert set(revision.get("set", {})) <= REVISABLE_FIELDS, recipe["slug"]
            if "steps" in revision:
                _assert_steps(revision["steps"], recipe["slug"])
            changed = {**state, **revision.get("set", {})}
            if "steps" in revision:
                changed["steps"] = revision["steps"]
            # Each revision changes what readers see, so the change log has a real diff.
            assert changed != state, recipe["slug"]
            state = changed
    assert any("steps" in rev for recipe in revised for rev in recipe["revisions"])
    assert any("set" in rev for recipe in revised for rev in recipe["revisions"])


def test_texts_are_plain_text_without_html():
    for recipe in _recipes():
        for text in _strings(recipe):
            assert not HTML_TAG.search(text), recipe["slug"]
    for post in POSTS:
        for text in _strings(post):
            assert not HTML_TAG.search(text), post["slug"]


def test_inflected_forms_of_anskaffelse_appear_in_several_recipes():
    texts = [_recipe_text(recipe) for recipe in _recipes()]
    for form in ("anskaffelse", "anskaffelsen", "anskaffelser"):
        word = re.compile(rf"\b{form}\b", re.IGNORECASE)
        assert sum(1 for text in texts if word.search(text)) >= 3, form


def test_current_thresholds_match_the_rules_and_stale_ones_are_gone():
    book = "\n".join(_recipe_text(recipe) for recipe in _recipes())
    for amount in ("100 000", "1,3 millioner", "2 300 000", "1 490 000", "7 800 000", "57 800 000"):
        assert amount in book, amount
    assert "14. mars 2024" in book
    # The 2022–2024 values survive only in the revision history, not in what readers see.
    assert "2,2 millioner" not in book
    assert "56 millioner" not in book


def test_the_proposed_lower_limit_is_always_called_a_proposal():
    texts = [text for recipe in _recipes() for text in _strings(_final(recipe))]
    texts += [text for post in POSTS for text in _strings(post)]
    # "300 000 kroner" as an amount of its own, not the tail of "2 300 000 kroner".
    amount = re.compile(r"(?<!\d)(?<!\d )300 000 kroner")
    mentions = [text for text in texts if amount.search(text)]
    assert mentions
    for text in mentions:
        assert re.search(r"forslag|foreslå", text, re.IGNORECASE), text[:80]


def test_blog_posts_follow_the_schema():
    assert len(POSTS) >= 6
    slugs = [post["slug"] for post in POSTS]
    assert len(slugs) == len(set(slugs))
    years = set()
    for post in POSTS:
        assert set(post) == {
            "slug",
            "title",
            "date",
            "author",
            "intro",
            "body",
            "tags",
            "video",
        }, post["slug"]
        assert SLUG.match(post["slug"])
        for key in ("title", "author", "intro", "body"):
            assert post[key].strip(), post["slug"]
        date = dt.date.fromisoformat(post["date"])
        years.add(date.year)
        assert post["tags"] and all(tag == tag.lower() and tag.strip() for tag in post["tags"])
    assert min(years) == 2016 and max(years) == 2026


def test_the_dialogue_meeting_post_has_a_video_with_a_transcript():
    with_video = [post for post in POSTS if post["video"]]
    assert with_video
    assert any("dialogmøte" in post["tags"] for post in with_video)
    for post in with_video:
        video = post["video"]
        assert set(video) == {"url", "title", "transcript", "captions_url"}
        assert VIDEO_URL.match(video["url"]), video["url"]
        assert video["title"].strip() and len(video["transcript"]) > 200
        assert video["captions_url"] == "" or video["captions_url"].startswith("https://")


# --- apps.core.demo ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_load_creates_two_published_pages_once(home_page):
    from apps.core.demo import load
    from apps.core.models import StandardPage

    load(home=home_page)
    load(home=home_page)

    pages = StandardPage.objects.child_of(home_page)
    assert sorted(pages.values_list("slug", flat=True)) == [
        "personvern",
        "tilgjengelighetserklaering",
    ]
    assert StandardPage.objects.count() == 2
    assert all(page.live and page.has_unpublished_changes is False for page in pages)
    assert all(page.revisions.count() == 1 for page in pages)


@pytest.mark.django_db
def test_pages_carry_the_promised_content(home_page):
    from apps.core.demo import load
    from apps.core.models import StandardPage

    load(home=home_page)
    statement = StandardPage.objects.get(slug="tilgjengelighetserklaering")
    privacy = StandardPage.objects.get(slug="personvern")

    assert statement.title == "Tilgjengelighetserklæring"
    assert privacy.title == "Personvernerklæring"
    for page in (statement, privacy):
        assert page.intro
        kinds = [block.block_type for block in page.body]
        assert kinds[0] == "heading" and kinds.count("heading") >= 4
        assert set(kinds) == {"heading", "paragraph"}
    statement_html = "".join(str(block.value) for block in statement.body)
    assert "WCAG 2.1" in statement_html
    assert "axe" in statement_html
    assert "mailto:post@kokeboka.no" in statement_html
    assert "https://www.uutilsynet.no/" in statement_html
    privacy_html = "".join(str(block.value) for block in privacy.body)
    assert "kokeboka_language" in privacy_html and "sessionid" in privacy_html
    assert "slette" in privacy_html and "mailto:post@kokeboka.no" in privacy_html


@pytest.mark.django_db
def test_load_republishes_an_unpublished_page_and_keeps_editor_changes(home_page):
    from apps.core.demo import load
    from apps.core.models import StandardPage

    load(home=home_page)
    privacy = StandardPage.objects.get(slug="personvern")
    privacy.unpublish()
    statement = StandardPage.objects.get(slug="tilgjengelighetserklaering")
    statement.title = "Tilgjengelighetserklæring for Kokeboka"
    statement.save_revision().publish()

    load(home=home_page)

    assert StandardPage.objects.get(slug="personvern").live
    statement.refresh_from_db()
    assert statement.title == "Tilgjengelighetserklæring for Kokeboka"
    assert StandardPage.objects.count() == 2


@pytest.mark.django_db
def test_pages_are_served(client, home_page):
    from apps.core.demo import load

    load(home=home_page)
    response = client.get("/personvern/")
    assert response.status_code == 200
    assert "Personvernerklæring" in response.content.decode()
    response = client.get("/tilgjengelighetserklaering/")
    assert response.status_code == 200
    assert "uutilsynet.no" in response.content.decode()
