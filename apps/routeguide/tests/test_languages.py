"""The route guide's own words (steps, explanations, step plans, service-type help) read in
nynorsk and English, not in bokmål (issue 18). Rule titles and the sources' names are legal
Norwegian content and are left out: only the interface's catalogue texts are compared."""

import itertools
import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings

from apps.core.tests.test_translations import _messages, parse_po

pytestmark = pytest.mark.django_db

PURPOSES = ["buy", "pilot", "codevelop", "rd", "grant", "partnership", "dialogue"]
SERVICES = ["ordinary", "health_social", "works"]
VALUES = ["50000", "9000000"]
# Named in themselves everywhere (the language chooser) or a name.
NAMES = {"Kokeboka", "Norsk bokmål", "Norsk nynorsk"}


def _catalogue(language: str) -> dict[tuple[str | None, str], str]:
    paths = [Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"]
    paths += sorted(Path("apps").glob(f"*/locale/{language}/LC_MESSAGES/django.po"))
    found = {}
    for path in paths:
        for entry in _messages(parse_po(path)):
            if entry.msgid_plural is None and entry.msgstr:
                found[(entry.msgctxt, entry.msgid)] = entry.msgstr
    return found


@pytest.fixture(scope="module")
def bokmal_words():
    """Bokmål texts that a nynorsk page and an English page must not show: for nynorsk,
    those whose nynorsk differs; for English, those that differ from the English msgid."""
    nb, nn = _catalogue("nb"), _catalogue("nn")
    return {
        "nn": {text for key, text in nb.items() if len(text) > 3 and nn.get(key, text) != text}
        - NAMES,
        "en": {text for key, text in nb.items() if len(text) > 3 and text != key[1]} - NAMES,
    }


def _texts(html: str) -> set[str]:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    # Content marked as bokmål (rule titles from the database) is content, not interface.
    html = re.sub(r'<span lang="nb">[^<]*</span>', " ", html)
    texts = {unescape(text) for text in re.findall(r">([^<>]+)<", html)}
    return {" ".join(text.split()) for text in texts if text.strip()}


def _pages():
    yield "/veiviser/"
    yield "/veiviser/steg-2/?purpose=buy"
    yield "/veiviser/steg-3/?purpose=buy&value=1800000&service=ordinary"
    for purpose, service, value in itertools.product(PURPOSES, SERVICES, VALUES):
        yield (
            f"/veiviser/svar/?purpose={purpose}&value={value}&service={service}"
            "&provider=social_enterprise&authority=municipality&on_market=no"
        )


@pytest.mark.parametrize(("language", "heading"), [("nn", "Rettskjelder"), ("en", "Legal sources")])
def test_every_route_guide_page_reads_without_bokmal(
    client, rule_rows, bokmal_words, language, heading
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    leaks, headings = {}, 0
    for url in _pages():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, url
        texts = _texts(html)
        headings += heading in texts
        found = texts & bokmal_words[language]
        if found:
            leaks[url] = sorted(found)
    assert not leaks, f"Bokmål on the {language} route guide: {leaks}"
    assert headings > 0  # the answers were rendered in the language asked for


def test_legal_sources_show_the_rule_title_in_the_readers_language_and_mark_a_fallback(client):
    """The answer's legal sources: a rule with an English title reads in English marked
    lang="en"; one without keeps its bokmål title, marked lang="nb" (WCAG 3.1.2)."""
    from apps.routeguide.tests.ruledata import seed_rule_rows
    from apps.rules.models import LegalRule

    seed_rule_rows()
    LegalRule.objects.update(title_en="Rule title in English")
    query = (
        "purpose=buy&value=1800000&service=ordinary&provider=company&authority=municipality"
        "&on_market=yes"
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    def sources() -> str:
        html = client.get(f"/veiviser/svar/?{query}").content.decode()
        part = html[html.index('id="sources-heading"') :]
        return part[: part.index("</section>")]

    first = sources()
    assert '<span lang="en">Rule title in English</span>' in first
    cited = re.findall(r'id="kilde-([^"]+)"', first)
    assert cited
    untranslated = LegalRule.objects.get(code=cited[0])
    LegalRule.objects.filter(pk=untranslated.pk).update(title_en="")
    from apps.core.cache import purge_page_cache

    purge_page_cache()
    assert f'<span lang="nb">{untranslated.title}</span>' in sources()


def test_the_unverified_warning_names_the_rule_in_the_readers_language(client):
    from apps.routeguide.tests.ruledata import seed_rule_rows
    from apps.rules.models import LegalRule

    seed_rule_rows()
    LegalRule.objects.update(title_nn="Regeltittel på nynorsk", verified=False)
    query = (
        "purpose=buy&value=1800000&service=ordinary&provider=company&authority=municipality"
        "&on_market=yes"
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    html = client.get(f"/veiviser/svar/?{query}").content.decode()
    assert "(Regeltittel på nynorsk)" in html
