"""The Norwegian catalogues (bokmål and nynorsk) are complete, consistent and compiled.

The .po files are parsed here in plain Python, so the checks need no gettext tools; the
committed .mo files are read with the standard library's gettext module.
"""

import gettext
import re
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
NB_PO = LOCALE_DIR / "nb" / "LC_MESSAGES" / "django.po"
NB_MO = LOCALE_DIR / "nb" / "LC_MESSAGES" / "django.mo"
EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
EN_MO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.mo"
NN_PO = LOCALE_DIR / "nn" / "LC_MESSAGES" / "django.po"
NN_MO = LOCALE_DIR / "nn" / "LC_MESSAGES" / "django.mo"

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")
NAMED_PERCENT = re.compile(r"%\(([^)]+)\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")
POSITIONAL_PERCENT = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[sdifr]")
BRACES = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")


@dataclass
class Entry:
    line: int
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    plural_forms: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return f"line {self.line}: {self.msgid[:70]!r}"

    @property
    def translations(self) -> list[str]:
        if self.msgid_plural is None:
            return [self.msgstr]
        return [self.plural_forms[index] for index in sorted(self.plural_forms)]


def _unquote(text: str) -> str:
    text = text.strip()
    assert text.startswith('"') and text.endswith('"'), text
    return re.sub(r"\\(.)", lambda match: ESCAPES.get(match.group(1), match.group(0)), text[1:-1])


def parse_po(path: Path) -> list[Entry]:
    """Entries of a .po file, header included; obsolete (#~) entries are left out."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int | None] | None = None

    def finish() -> None:
        nonlocal current, target
        if current is not None and target is not None:
            entries.append(current)
        current, target = None, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#") and target is not None and target[0] == "msgstr":
            finish()  # a new entry without a blank line before it
        if current is None:
            current = Entry(line=number)
        if line.startswith("#,"):
            current.flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            assert target is not None, f"{path}:{number}: continuation without a keyword"
            _append(current, target, _unquote(line))
            continue
        match = KEYWORD.match(line)
        assert match, f"{path}:{number}: cannot read {line!r}"
        keyword, index, value = match.groups()
        if keyword in ("msgctxt", "msgid") and target is not None and target[0] == "msgstr":
            finish()  # a new entry without a blank line before it
            current = Entry(line=number)
        target = (keyword.split("[")[0], int(index) if index is not None else None)
        if target[0] == "msgstr" and target[1] is not None:
            current.plural_forms[target[1]] = ""
        _append(current, target, _unquote(value))
    finish()
    return entries


def _append(entry: Entry, target: tuple[str, int | None], text: str) -> None:
    keyword, index = target
    if keyword == "msgstr" and index is not None:
        entry.plural_forms[index] += text
    elif keyword == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    elif keyword == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    else:
        setattr(entry, keyword, getattr(entry, keyword) + text)


def _header(entries: list[Entry]) -> dict[str, str]:
    header = next(e for e in entries if e.msgid == "" and e.msgctxt is None)
    pairs = (line.split(":", 1) for line in header.msgstr.splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def _messages(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if not (e.msgid == "" and e.msgctxt is None)]


@pytest.fixture(scope="module")
def nb_entries() -> list[Entry]:
    return parse_po(NB_PO)


@pytest.fixture(scope="module")
def nb_messages(nb_entries) -> list[Entry]:
    return _messages(nb_entries)


# --- the parser itself -------------------------------------------------------------------


def test_parser_reads_multiline_plural_and_context_entries(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        textwrap.dedent(
            r"""
            msgid ""
            msgstr ""
            "Language: nb\n"
            "Plural-Forms: nplurals=2; plural=(n != 1);\n"

            #: a.py:1
            #, fuzzy, python-format
            msgid ""
            "Two "
            "lines %(x)s"
            msgstr "To \"linjer\" %(x)s"

            msgctxt "month"
            msgid "May"
            msgstr "mai"
            msgid "%(counter)s post"
            msgid_plural "%(counter)s posts"
            msgstr[0] ""
            msgstr[1] "%(counter)s innlegg"

            #~ msgid "Old"
            #~ msgstr "Gammel"
            """
        ).lstrip(),
        encoding="utf-8",
    )
    header, multiline, context, plural = parse_po(po)
    assert _header([header])["Language"] == "nb"
    assert multiline.msgid == "Two lines %(x)s"
    assert multiline.msgstr == 'To "linjer" %(x)s'
    assert multiline.flags == {"fuzzy", "python-format"}
    assert (context.msgctxt, context.msgid, context.msgstr) == ("month", "May", "mai")
    assert plural.msgid_plural == "%(counter)s posts"
    assert plural.translations == ["", "%(counter)s innlegg"]


# --- the bokmål catalogue ----------------------------------------------------------------


def test_catalogue_is_bokmal_with_two_plural_forms(nb_entries):
    header = _header(nb_entries)
    assert header["Language"] == "nb"
    assert "charset=UTF-8" in header["Content-Type"]
    assert header["Plural-Forms"].startswith("nplurals=2; plural=(n != 1);")


def test_catalogue_is_not_empty(nb_messages):
    assert len(nb_messages) > 100
    assert any(e.msgid == "Skip to main content" for e in nb_messages)


def test_every_message_is_translated(nb_messages):
    missing = [e.label for e in nb_messages if any(text == "" for text in e.translations)]
    assert not missing, "Untranslated in nb:\n" + "\n".join(missing)


def test_every_plural_message_has_both_forms(nb_messages):
    wrong = [
        e.label
        for e in nb_messages
        if e.msgid_plural is not None and sorted(e.plural_forms) != [0, 1]
    ]
    assert not wrong, "Plural entries without msgstr[0] and msgstr[1]:\n" + "\n".join(wrong)


def test_no_message_is_fuzzy(nb_entries):
    fuzzy = [e.label for e in nb_entries if "fuzzy" in e.flags]
    assert not fuzzy, "Fuzzy entries in nb (check them and remove the flag):\n" + "\n".join(fuzzy)


def _placeholders(text: str) -> tuple[Counter, Counter, int, Counter]:
    without_escapes = text.replace("%%", "")
    return (
        Counter(NAMED_PERCENT.findall(without_escapes)),
        Counter(BRACES.findall(text)),
        len(POSITIONAL_PERCENT.findall(NAMED_PERCENT.sub("", without_escapes))),
        Counter(HTML_TAG.findall(text)),
    )


def test_placeholders_and_html_are_kept(nb_messages):
    wrong = []
    for entry in nb_messages:
        sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
        expected = _placeholders(sources[-1])
        for text in entry.translations:
            found = _placeholders(text)
            named, braces, positional, tags = found
            if entry.msgid_plural is not None:
                # The singular form may spell out "one" instead of %(counter)s.
                named = named | Counter({k: v for k, v in expected[0].items() if k == "counter"})
            if (named, braces, positional, tags) != expected:
                wrong.append(f"{entry.label} -> {text[:70]!r}")
    assert not wrong, "Placeholders or HTML differ between msgid and msgstr:\n" + "\n".join(wrong)


def test_placeholder_check_catches_a_renamed_placeholder():
    assert _placeholders("Hei %(name)s") != _placeholders("Hello %(navn)s")
    assert _placeholders("{count} treff") != _placeholders("{counter} results")
    assert _placeholders('<a href="/">x</a>') != _placeholders("<a>x</a>")
    assert _placeholders("30 %% av %(x)s") == _placeholders("30 %% of %(x)s")


# --- the compiled catalogues -------------------------------------------------------------


def _load_mo(path: Path) -> gettext.GNUTranslations:
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def test_compiled_bokmal_catalogue_matches_the_po_file(nb_messages):
    """A stale .mo (the .po edited without compilemessages) fails here."""
    catalogue = _load_mo(NB_MO)
    for msgid, expected in [
        ("Skip to main content", "Hopp til hovedinnhold"),
        ("Page not found", "Fant ikke siden"),
        ("Search", "Søk"),
        ("Route guide", "Veiviser"),
        ("Recipe", "Oppskrift"),
    ]:
        assert catalogue.gettext(msgid) == expected
    stale = []
    for entry in nb_messages:
        if entry.msgid_plural is None:
            if entry.msgctxt is None:
                got = [catalogue.gettext(entry.msgid)]
            else:
                got = [catalogue.pgettext(entry.msgctxt, entry.msgid)]
        elif entry.msgctxt is None:
            got = [catalogue.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
        else:
            got = [
                catalogue.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                for n in (1, 2)
            ]
        if got != entry.translations:
            stale.append(entry.label)
    assert not stale, (
        "locale/nb/LC_MESSAGES/django.mo is older than the .po; run "
        "`manage.py compilemessages`:\n" + "\n".join(stale[:20])
    )


def test_search_results_plural_reads_treff_in_both_forms():
    catalogue = _load_mo(NB_MO)
    msgid, plural = "%(counter)s result for «%(query)s»", "%(counter)s results for «%(query)s»"
    for n in (1, 7):
        assert catalogue.ngettext(msgid, plural, n) == "%(counter)s treff for «%(query)s»"


def test_english_catalogue_compiles_and_covers_the_same_messages(nb_messages):
    english = _messages(parse_po(EN_PO))
    assert _header(parse_po(EN_PO))["Language"] == "en"
    assert {(e.msgctxt, e.msgid) for e in english} == {(e.msgctxt, e.msgid) for e in nb_messages}
    catalogue = _load_mo(EN_MO)
    assert catalogue.info().get("language") == "en"
    assert catalogue.gettext("Skip to main content") == "Skip to main content"


def test_django_uses_the_compiled_catalogue():
    with translation.override("nb"):
        assert translation.gettext("Skip to main content") == "Hopp til hovedinnhold"
        assert translation.gettext("Legal rules") == "Regelverk"
    with translation.override("en"):
        assert translation.gettext("Skip to main content") == "Skip to main content"


# --- rendered pages ----------------------------------------------------------------------


def test_front_page_is_in_bokmal_without_a_language_cookie(home_page):
    body = Client().get("/").content.decode()
    assert "Hopp til hovedinnhold" in body
    assert "Skip to main content" not in body


def test_front_page_is_in_english_with_the_language_cookie(home_page):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get("/").content.decode()
    assert "Skip to main content" in body
    assert "Hopp til hovedinnhold" not in body


# --- the apps' own bokmål catalogues (apps/<app>/locale/nb) -------------------------------

APP_CATALOGUES = sorted(Path(settings.BASE_DIR, "apps").glob("*/locale/nb/LC_MESSAGES/django.po"))


def test_apps_with_a_locale_folder_have_a_catalogue():
    folders = sorted(Path(settings.BASE_DIR, "apps").glob("*/locale/nb/LC_MESSAGES"))
    without = [str(f) for f in folders if not (f / "django.po").exists()]
    assert not without, "An app's locale folder has no django.po: " + ", ".join(without)


@pytest.mark.parametrize("po", APP_CATALOGUES, ids=lambda path: path.parts[-5])
def test_app_catalogue_is_complete_consistent_and_compiled(po: Path):
    entries = parse_po(po)
    header = _header(entries)
    assert header["Language"] == "nb"
    assert header["Plural-Forms"].startswith("nplurals=2; plural=(n != 1);")
    messages = _messages(entries)
    assert messages, f"{po} is empty"
    problems = [f"untranslated {e.label}" for e in messages if "" in e.translations]
    problems += [f"fuzzy {e.label}" for e in entries if "fuzzy" in e.flags]
    problems += [
        f"plural forms {e.label}"
        for e in messages
        if e.msgid_plural is not None and sorted(e.plural_forms) != [0, 1]
    ]
    for entry in messages:
        if entry.msgid_plural is not None:
            continue
        if _placeholders(entry.msgid)[:3] != _placeholders(entry.msgstr)[:3]:
            problems.append(f"placeholders {entry.label}")
    catalogue = _load_mo(po.with_suffix(".mo"))
    for entry in messages:
        plain = entry.msgid_plural is None and entry.msgctxt is None
        if plain and catalogue.gettext(entry.msgid) != entry.msgstr:
            problems.append(f"stale .mo {entry.label}")
    assert not problems, f"{po}:\n" + "\n".join(problems[:30])


# --- nynorsk (nn): the same messages as bokmål, every one translated ------------------------

APP_NN_CATALOGUES = [po.parents[2] / "nn" / "LC_MESSAGES" / "django.po" for po in APP_CATALOGUES]


def _keys(messages: list[Entry]) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in messages}


def _compiled(catalogue: gettext.GNUTranslations, entry: Entry) -> list[str]:
    if entry.msgid_plural is None:
        if entry.msgctxt is None:
            return [catalogue.gettext(entry.msgid)]
        return [catalogue.pgettext(entry.msgctxt, entry.msgid)]
    if entry.msgctxt is None:
        return [catalogue.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
    return [catalogue.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n) for n in (1, 2)]


def _nynorsk_problems(nn_po: Path, nb_po: Path) -> list[str]:
    """Everything that keeps a nynorsk catalogue from being as complete as its bokmål one."""
    if not nn_po.exists():
        return [f"{nn_po} is missing: every catalogue with nb needs nn too"]
    entries = parse_po(nn_po)
    header = _header(entries)
    problems = []
    if header.get("Language") != "nn":
        problems.append(f"Language header is {header.get('Language')!r}, not 'nn'")
    if not header.get("Plural-Forms", "").startswith("nplurals=2; plural=(n != 1);"):
        problems.append("Plural-Forms is not nplurals=2; plural=(n != 1);")
    messages = _messages(entries)
    nb_messages = _messages(parse_po(nb_po))
    problems += [
        f"in nb, not in nn: {msgid[:70]!r}" for _, msgid in _keys(nb_messages) - _keys(messages)
    ]
    problems += [f"untranslated {e.label}" for e in messages if "" in e.translations]
    problems += [f"fuzzy {e.label}" for e in entries if "fuzzy" in e.flags]
    problems += [
        f"plural forms {e.label}"
        for e in messages
        if e.msgid_plural is not None and sorted(e.plural_forms) != [0, 1]
    ]
    for entry in messages:
        sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
        expected = _placeholders(sources[-1])
        for text in entry.translations:
            named, braces, positional, tags = _placeholders(text)
            if entry.msgid_plural is not None:
                named = named | Counter({k: v for k, v in expected[0].items() if k == "counter"})
            if (named, braces, positional, tags) != expected:
                problems.append(f"placeholders or HTML {entry.label} -> {text[:60]!r}")
    mo = nn_po.with_suffix(".mo")
    if not mo.exists():
        return [*problems, f"{mo} is missing: run compilemessages"]
    catalogue = _load_mo(mo)
    problems += [
        f"stale .mo {e.label}" for e in messages if _compiled(catalogue, e) != e.translations
    ]
    return problems


def test_nynorsk_site_catalogue_is_complete_consistent_and_compiled():
    problems = _nynorsk_problems(NN_PO, NB_PO)
    assert not problems, f"{NN_PO}:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize(
    ("nn_po", "nb_po"),
    list(zip(APP_NN_CATALOGUES, APP_CATALOGUES, strict=True)),
    ids=lambda p: p.parts[-5],
)
def test_app_nynorsk_catalogue_is_complete_consistent_and_compiled(nn_po: Path, nb_po: Path):
    problems = _nynorsk_problems(nn_po, nb_po)
    assert not problems, f"{nn_po}:\n" + "\n".join(problems[:40])


def test_nynorsk_check_catches_a_missing_message_a_lost_placeholder_and_a_stale_mo(tmp_path):
    header = (
        'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    )
    nb_po = tmp_path / "nb.po"
    nb_po.write_text(
        header.format(lang="nb")
        + 'msgid "Hello %(name)s"\nmsgstr "Hei %(name)s"\n\nmsgid "Save"\nmsgstr "Lagre"\n',
        encoding="utf-8",
    )
    nn_po = tmp_path / "django.po"
    nn_po.write_text(
        header.format(lang="nn") + 'msgid "Hello %(name)s"\nmsgstr "Hei %(namn)s"\n',
        encoding="utf-8",
    )
    (tmp_path / "django.mo").write_bytes(NN_MO.read_bytes())
    problems = "\n".join(_nynorsk_problems(nn_po, nb_po))
    assert "in nb, not in nn: 'Save'" in problems
    assert "placeholders or HTML" in problems
    assert "stale .mo" in problems


def test_every_catalogue_with_bokmal_has_nynorsk():
    """A new app catalogue in nb without nn would leave part of the interface in bokmål."""
    missing = [str(po) for po in APP_NN_CATALOGUES if not po.exists()]
    assert not missing, "No nynorsk catalogue: " + ", ".join(missing)
    assert NN_PO.exists()


def test_django_uses_the_nynorsk_catalogue():
    with translation.override("nn"):
        assert translation.gettext("Skip to main content") == "Hopp til hovudinnhaldet"
        assert translation.gettext("Page not found") == "Fann ikkje sida"
        assert translation.gettext("Norwegian Nynorsk") == "Norsk nynorsk"
        # An app catalogue (apps/grants/locale/nn) is found as well as the site's.
        assert translation.gettext("Grant assessment and follow-up") == (
            "Vurdering og oppfølging av tilskot"
        )


def test_strings_without_nynorsk_fall_back_to_bokmal_not_english():
    """Wagtail ships no nn catalogue: its admin strings show in bokmål for a nynorsk editor."""
    with translation.override("nn"):
        assert translation.gettext("Dashboard") == "Kontrollpanel"


def test_nynorsk_dates_and_numbers_use_the_norwegian_formats():
    from datetime import date, datetime

    from django.utils.formats import date_format, number_format

    with translation.override("nn"):
        assert date_format(date(2026, 3, 7), "l j. F Y") == "laurdag 7. mars 2026"
        assert date_format(datetime(2026, 3, 7, 9, 5), "DATETIME_FORMAT") == "7. mars 2026 09:05"
        assert number_format(1234567.5, 1, force_grouping=True) == "1\xa0234\xa0567,5"


def test_front_page_is_in_nynorsk_with_the_language_cookie(home_page):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    response = client.get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nn"' in body
    assert response["Content-Language"] == "nn"
    assert "Hopp til hovudinnhaldet" in body
    assert "Hopp til hovedinnhold" not in body


def test_language_chooser_offers_all_three_each_in_its_own_language(home_page):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    body = client.get("/").content.decode()
    chooser = body[body.index('<nav class="language-switch"') :]
    chooser = chooser[: chooser.index("</nav>")]
    assert '<strong aria-current="true" lang="nn">Norsk nynorsk</strong>' in chooser
    assert 'lang="nb" hreflang="nb">Norsk bokmål</a>' in chooser
    assert 'lang="en" hreflang="en">English</a>' in chooser
    assert 'href="/sprak/nb/?next=/"' in chooser


def test_choosing_nynorsk_sets_the_cookie(home_page):
    client = Client()
    response = client.get("/sprak/nn/?next=/")
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nn"
    assert '<html lang="nn"' in client.get("/").content.decode()


def test_a_nynorsk_visitor_never_gets_the_cached_bokmal_page(home_page):
    from apps.core.models import StandardPage

    page = StandardPage(title="Språkprøve", slug="sprakprove", intro="Ei side for hurtigbufferen")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    bokmal = Client()
    assert bokmal.get("/sprakprove/")["X-Page-Cache"] == "miss"
    assert bokmal.get("/sprakprove/")["X-Page-Cache"] == "hit"
    nynorsk = Client()
    nynorsk.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    first = nynorsk.get("/sprakprove/")
    assert first["X-Page-Cache"] == "miss"
    assert '<html lang="nn"' in first.content.decode()
    again = nynorsk.get("/sprakprove/")
    assert again["X-Page-Cache"] == "hit"
    assert "Hopp til hovudinnhaldet" in again.content.decode()
    assert "Cookie" in again["Vary"]
    # And the bokmål copy is still bokmål after the nynorsk one was stored.
    assert "Hopp til hovedinnhold" in bokmal.get("/sprakprove/").content.decode()


@pytest.mark.django_db
def test_an_editor_who_chooses_nynorsk_gets_the_admin_in_nynorsk_with_bokmal_fallback(
    client, editor, home_page
):
    """Wagtail has no nynorsk catalogue: its own words fall back to bokmål, never English."""
    from wagtail.admin.localization import get_available_admin_languages
    from wagtail.users.models import UserProfile

    assert ("nn", "Norsk nynorsk") in get_available_admin_languages()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "nn"
    profile.save()
    client.force_login(editor)
    response = client.get("/admin/")
    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nn"' in body
    assert "<title>Kontrollpanel - Wagtail</title>" in body
