"""The cookbook's pages in Debian's Chromium at phone width: axe (WCAG 2.1 A/AA) finds
nothing, nothing scrolls sideways at 320 px, and the filter form works without JavaScript."""

import pytest
from wagtail.models import Locale

from apps.cookbook.models import Audience, Phase
from apps.cookbook.selectors import published_revisions
from apps.cookbook.services import recipe_publish_revision
from apps.core.models import Sector
from apps.core.services import vocabulary_ensure
from apps.home.testing import ensure_home_page
from tests.browser import WCAG_TAGS

from .factories import (
    ChapterPageFactory,
    CookbookIndexPageFactory,
    ExampleBlockFactory,
    LegalRuleFactory,
    RecipePageFactory,
    StepBlockFactory,
)

pytestmark = pytest.mark.browser

LONG_URL = "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974/KAPITTEL_2-1#%C2%A78-8"


@pytest.fixture
def book(transactional_db):
    vocabulary_ensure()
    # A flushed database has lost the locale Wagtail's migrations create.
    Locale.objects.get_or_create(language_code="nb")
    cookbook = CookbookIndexPageFactory(parent=ensure_home_page())
    chapter = ChapterPageFactory(parent=cookbook, title="Forstå og møte hverandre")
    other = RecipePageFactory(parent=chapter, title="Dialogmøtet", phase=Phase.DIALOGUE)
    recipe = RecipePageFactory(
        parent=chapter,
        title="Reserverte kontrakter for arbeidsinkluderingsvirksomheter",
        audience=Audience.MUNICIPALITY,
        sectors=list(Sector.objects.all()[:3]),
        legal_rules=[
            (LegalRuleFactory(source_url=LONG_URL), "Gjelder under EØS-terskelverdien"),
            LegalRuleFactory(verified=False),
            LegalRuleFactory(valid_from=None, pending=True, verified=False),
        ],
        related=[other],
        steps=[
            ("step", StepBlockFactory(tip="Snakk med innkjøp tidlig.")),
            ("step", StepBlockFactory(pitfall="Ikke del opp kontrakten for å unngå reglene.")),
        ],
        examples=[("example", ExampleBlockFactory(source_url=LONG_URL))],
    )
    recipe_publish_revision(recipe=recipe, change_note="Første versjon")
    recipe.summary = "Et nytt sammendrag med andre ord enn det første."
    recipe.steps = [
        *((block.block_type, block.value) for block in recipe.steps),
        ("step", StepBlockFactory(title="Følg opp avtalen")),
    ]
    recipe_publish_revision(recipe=recipe, change_note="Nytt steg om oppfølging")
    return chapter, recipe


def test_cookbook_pages_pass_axe_and_fit_320px(book, page, axe):  # noqa: F811
    chapter, recipe = book
    old, new = [entry.revision_id for entry in published_revisions(recipe=recipe)][::-1]
    urls = [
        "/kokeboka/",
        "/kokeboka/?phase=dialog&audience=kommune",
        "/kokeboka/?phase=matlaging",
        chapter.url,
        recipe.url,
        f"{recipe.url}endringer/",
        f"{recipe.url}endringer/{old}/{new}/",
    ]
    page.set_viewport_size({"width": 320, "height": 800})
    problems = []
    for url in urls:
        assert page.goto(url).status == 200, url
        # The site header and footer belong to base.html and are checked by tests/e2e.
        results = axe.run(
            page,
            context={"include": [["main"], ["nav.ds-breadcrumbs"]]},
            options={"runOnly": {"type": "tag", "values": WCAG_TAGS}},
        )
        problems += [
            f"{url}: {v['id']}: {[node['target'] for node in v['nodes'][:5]]}"
            for v in results.response["violations"]
        ]
        if page.evaluate("document.documentElement.scrollWidth > 320"):
            problems.append(f"{url} scrolls sideways at 320 px")
    assert problems == [], "\n".join(problems)


@pytest.fixture
def no_js_page(browser, live_server):  # noqa: F811
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_the_filter_form_submits_as_plain_get_without_javascript(book, no_js_page):
    _chapter, recipe = book
    no_js_page.goto("/kokeboka/")
    no_js_page.select_option("#id_audience", "kommune")
    no_js_page.locator("main form button[type=submit]").click()
    no_js_page.wait_for_url("**audience=kommune**")
    results = no_js_page.locator("#results-heading").inner_text()
    assert results.startswith("2 ")  # the recipe for municipalities and the one for both
    assert no_js_page.get_by_role("link", name=recipe.title).count() == 1
    assert no_js_page.locator("#id_audience").input_value() == "kommune"
