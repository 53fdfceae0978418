"""Every public page type, built from the demo content, in Debian's Chromium:
zero axe-core violations (WCAG 2.0/2.1 A and AA), no horizontal scrolling at 320 px,
and a keyboard-only walk from the home page to a recipe with visible focus."""

import pytest
from django.core.management import call_command

from apps.accounts.demo import HOME
from apps.accounts.models import Organisation
from apps.blog.models import BlogPostPage
from apps.broker.models import EntrepreneurProfile, Need, Offer
from apps.cookbook.models import ChapterPage, RecipePage
from apps.events.models import Event
from apps.fund.models import Call, Fund

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(transactional_db, settings):
    from apps.core.services import vocabulary_ensure

    vocabulary_ensure()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _recipe_with_history() -> RecipePage:
    for recipe in RecipePage.objects.live().order_by("path"):
        if recipe.revisions.count() > 1:
            return recipe
    raise AssertionError("The demo content has no recipe with more than one revision.")


def _public_urls(page) -> dict[str, str]:
    recipe = _recipe_with_history()
    post = BlogPostPage.objects.live().filter(tags__isnull=False).first()
    urls = {
        "home": "/",
        "cookbook index": "/kokeboka/",
        "cookbook filtered": "/kokeboka/?phase=dialog&audience=kommune",
        "chapter": ChapterPage.objects.live().first().url,
        "recipe": recipe.url,
        "change log": recipe.url + "endringer/",
        "rules": "/regelverk/",
        "rules on a past date": "/regelverk/?dato=2019-01-01",
        "blog index": "/kokebokloggen/",
        "blog post": post.url,
        "tag page": f"/kokebokloggen/emne/{post.tags.first().slug}/",
        "search results": "/sok/?q=anskaffelser",
        "search without results": "/sok/?q=xyzzyqq",
        "accessibility statement": "/tilgjengelighetserklaering/",
        "privacy": "/personvern/",
        "book editions": "/kokeboka/utgaver/",
        "examples": "/eksempler/",
        "examples by county": "/eksempler/fylker/",
        "dialogue meetings": "/dialogmoter/",
        # A meeting with an agenda: its table scrolls sideways at 320 px, so the scrolling
        # region must be reachable by keyboard (axe: scrollable-region-focusable).
        "dialogue meeting": Event.objects.filter(agenda_items__isnull=False)
        .distinct()
        .first()
        .get_absolute_url(),
        "organisations": "/organisasjoner/",
        "route guide": "/veiviser/",
        "needs": "/behov/",
        "need": Need.objects.public().first().get_absolute_url(),
        "entrepreneurs": "/entreprenorer/",
        "entrepreneur": EntrepreneurProfile.objects.public().first().get_absolute_url(),
        "offer": Offer.objects.public().first().get_absolute_url(),
        "funds": "/fond/",
        "fund": Fund.objects.first().get_absolute_url(),
        "call": Call.objects.filter(published=True).first().get_absolute_url(),
        "granted projects": "/fond/tildelinger/",
        "fund statistics": "/fond/statistikk/",
        "insights": "/innsikt/",
        "organisation": Organisation.objects.get(municipality__code=HOME).get_absolute_url(),
        "not found": "/finnes-ikke/",
    }
    page.goto(urls["change log"])
    compare = page.locator("main a[href*='/endringer/']").first
    urls["diff"] = compare.get_attribute("href")
    return urls


def test_every_page_type_has_no_axe_violations_and_fits_320px(demo, page, axe_violations):
    violations: list[str] = []
    too_wide: list[str] = []
    for name, url in _public_urls(page).items():
        response = page.goto(url)
        expected = 404 if name == "not found" else 200
        assert response.status == expected, f"{name} {url} gave {response.status}"
        violations += [f"[{name}] {v}" for v in axe_violations(page)]
        page.set_viewport_size({"width": 320, "height": 800})
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append(f"{name} {url}: {width}px")
        page.set_viewport_size({"width": 1280, "height": 800})
    assert violations == [], "\n".join(violations)
    assert too_wide == [], "\n".join(too_wide)


def _focused_outline(page) -> str:
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow; }"
    )


def _tab_to(page, predicate_js: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return {predicate_js}; }}"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate_js}")


def test_keyboard_only_walk_from_home_to_a_recipe(demo, page):
    recipe = RecipePage.objects.live().order_by("path").first()
    chapter = recipe.get_parent()
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('ds-skip-link')")
    assert "none" not in _focused_outline(page).split()[0]
    page.keyboard.press("Enter")
    _tab_to(page, "el.getAttribute('href') === '/kokeboka/'")
    assert "none" not in _focused_outline(page).split()[0]
    page.keyboard.press("Enter")
    page.wait_for_url("**/kokeboka/")
    _tab_to(page, f"el.getAttribute('href') === '{chapter.url}'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{chapter.url}")
    _tab_to(page, f"el.getAttribute('href') === '{recipe.url}'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{recipe.url}")
    assert page.locator("h1").inner_text().strip() == recipe.title
