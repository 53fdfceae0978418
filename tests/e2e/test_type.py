"""Body text is set in Inter from our own static files at every width: the Digdir theme names
Inter with no fallback, so without our @font-face every page rendered in the browser's serif."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [320, 1280])
def test_body_text_is_inter_loaded_from_our_static_files(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    fonts: list[str] = []
    page.on(
        "response",
        lambda response: fonts.append(response.url) if ".woff2" in response.url else None,
    )
    page.goto("/sok/?q=anskaffelse")
    family = page.evaluate("getComputedStyle(document.querySelector('main p, main')).fontFamily")
    assert family.split(",")[0].strip().strip('"') == "Inter"
    assert "sans-serif" in family  # a fallback stack, never the browser's serif
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px Inter')")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Inter'"
        " && f.status === 'loaded').length"
    )
    assert loaded >= 1
    assert fonts and all(url.startswith(page.url.split("/sok/")[0]) for url in fonts)
