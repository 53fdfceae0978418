"""The site's two fixed information pages: the accessibility statement and the privacy page,
in bokmål with their English text, and their nynorsk versions, from the files in
content/demo/pages/ (read and checked by apps/core/demo_files.py).

`load(home=)` creates and publishes each page if it is missing, and publishes one that
exists but is not live. Pages an editor has changed are left as they are.
`load_nynorsk(home=, locale=)` publishes the nynorsk versions that are missing.
"""

from django.db import transaction
from wagtail.models import Page
from wagtail.rich_text import RichText

from .demo_files import InformationPage, PageText, read_demo_content
from .models import StandardPage


def _body(text: PageText) -> list[tuple[str, object]]:
    body: list[tuple[str, object]] = []
    for heading, html in text.parts:
        body.append(("heading", heading))
        body.append(("paragraph", RichText(html)))
    return body


def _set_english(page: StandardPage, english: PageText) -> None:
    page.title_en = english.title
    page.intro_en = english.intro
    page.body_en = _body(english)


def _ensure_page(*, home: Page, spec: InformationPage, english: PageText) -> None:
    existing = home.get_children().filter(slug=spec.slug).first()
    if existing is not None:
        page = existing.specific
        if not isinstance(page, StandardPage):
            return
        # Publish a page that was created but never published; give a page from before the
        # English text its English text (unless an editor has a draft waiting); leave any
        # other page alone.
        if not page.title_en and not page.has_unpublished_changes:
            _set_english(page, english)
            page.save_revision().publish()
        elif not page.live:
            page.save_revision().publish()
        return
    page = StandardPage(
        title=spec.title,
        slug=spec.slug,
        intro=spec.intro,
        search_description=spec.seo_description,
        body=_body(spec),
        live=False,
    )
    _set_english(page, english)
    home.add_child(instance=page)
    page.save_revision().publish()


def load(*, home: Page) -> None:
    """Creates and publishes the accessibility statement and the privacy page under `home`
    if they are missing. Safe to run again."""
    content = read_demo_content()
    with transaction.atomic():
        for spec in content.pages:
            _ensure_page(home=home, spec=spec, english=content.english[spec.slug])


def load_nynorsk(*, home: Page, locale) -> None:
    """Publishes the nynorsk version of each fixed page that has none, once the home page
    has its nynorsk version (apps/home/management/commands/load_demo.py makes it; without
    it nothing is done). A version that exists is left as it is."""
    if home.get_translation_or_none(locale) is None:
        return
    content = read_demo_content()
    with transaction.atomic():
        for spec in content.pages:
            page = home.get_children().filter(slug=spec.slug).first()
            if page is None or page.get_translation_or_none(locale) is not None:
                continue
            nynorsk = content.nynorsk[spec.slug]
            translated = page.specific.copy_for_translation(locale).specific
            translated.title = nynorsk.title
            translated.intro = nynorsk.intro
            translated.search_description = nynorsk.seo_description
            translated.body = _body(nynorsk)
            translated.save_revision().publish()
