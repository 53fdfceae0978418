"""The Wagtail admin is Norwegian for a Norwegian editor (issue 18).

Wagtail's own bokmål catalogue lags behind its source, so later strings showed in English
("55 Pages created", "1-1 of 1"). The project catalogue (locale/nb, first in LOCALE_PATHS)
supplies them; scripts/wagtail_nb_gaps.py counts what is still missing. Here the screens
editors use are rendered for an editor with the default (bokmål) admin language, and none may
show the English of a Wagtail message the project catalogue translates."""

import ast
import re
from html import unescape
from pathlib import Path

import pytest
from django.utils import translation

from apps.accounts.tests.helpers import force_login_verified

from .test_translations import NB_PO, _messages, parse_po

pytestmark = pytest.mark.django_db

SCREENS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{home}/",
    "/admin/pages/{home}/edit/",
    "/admin/pages/search/?q=kokebok",
    "/admin/snippets/rules/legalrule/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/reports/workflow/",
    "/admin/reports/locked/",
    "/admin/reports/aging-pages/",
    "/admin/reports/site-history/",
    "/admin/reports/page-types-usage/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/account/",
]
PLACEHOLDER = re.compile(r"%\(|\{|<")


def _wagtail_messages() -> dict[str, str]:
    """English text -> bokmål, for the project catalogue's plain Wagtail messages: those
    whose English differs from the bokmål and is long enough to be recognised on a page."""
    text = NB_PO.read_text(encoding="utf-8")
    start = text.index("# Wagtail's own admin words that its bokmål catalogue lacks")
    line = text[:start].count("\n") + 1
    found = {}
    for entry in _messages(parse_po(NB_PO)):
        if entry.line < line or entry.msgid_plural is not None or entry.msgctxt is not None:
            continue
        if PLACEHOLDER.search(entry.msgid) or len(entry.msgid) < 6 or " " not in entry.msgid:
            continue
        if entry.msgid != entry.msgstr:
            found[entry.msgid] = entry.msgstr
    return found


def _visible_text(html: str) -> set[str]:
    """The page's texts between tags and in attributes people read (title, aria-label,
    placeholder), trimmed."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    texts = {unescape(t).strip() for t in re.findall(r">([^<>]+)<", html)}
    texts |= {
        unescape(t).strip()
        for t in re.findall(r'\b(?:title|aria-label|placeholder)="([^"]*)"', html)
    }
    return {" ".join(t.split()) for t in texts if t.strip()}


def test_the_known_messages_are_many_and_translated():
    messages = _wagtail_messages()
    assert len(messages) > 300
    assert messages["Select all pages in listing"] == "Velg alle sidene i listen"
    with translation.override("nb"):
        assert translation.gettext("Select all pages in listing") == "Velg alle sidene i listen"
        assert translation.gettext("Aging pages") == "Sider som ikke er oppdatert"
    with translation.override("nn"):
        assert translation.gettext("Aging pages") == "Sider som ikkje er oppdaterte"


def test_the_editors_screens_show_no_english_wagtail_message(client, home_page, editor):
    force_login_verified(client, editor)
    messages = _wagtail_messages()
    norwegian = set(messages.values())
    english, supplied_seen = {}, set()
    for template in SCREENS:
        url = template.format(home=home_page.pk)
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers.get("Content-Language", "nb") == "nb"
        html = response.content.decode()
        assert '<html lang="nb"' in html, url
        visible = _visible_text(html)
        shown = visible & messages.keys()
        if shown:
            english[url] = sorted(shown)
        # Each screen shows some of the words the project catalogue supplies (so the check
        # above looks where those messages are used).
        assert visible & norwegian, url
        supplied_seen |= visible & norwegian
    assert not english, f"English Wagtail messages on the editors' screens: {english}"
    assert len(supplied_seen) > 40


def test_the_explorer_and_reports_read_norwegian(client, home_page, editor):
    force_login_verified(client, editor)
    explorer = _visible_text(client.get("/admin/pages/").content.decode())
    assert {"Har undersider", "Dato oppdatert", "Flytt de valgte sidene"} <= explorer
    assert not {"Has child pages", "Date updated", "Move selected pages"} & explorer
    history = _visible_text(client.get("/admin/reports/site-history/").content.decode())
    assert "Historikk for nettstedet" in history
    assert "Site history" not in history


def test_makemessages_keeps_the_supplied_messages():
    """apps/core/wagtail_admin_messages.py lists every msgid of the catalogue's Wagtail block,
    so that makemessages (which reads only the project's files) does not mark them obsolete."""
    text = NB_PO.read_text(encoding="utf-8")
    line = text[: text.index("# Wagtail's own admin words that its bokmål")].count("\n") + 1
    block = {e.msgid for e in _messages(parse_po(NB_PO)) if e.line > line}
    module = Path(__file__).resolve().parents[1] / "wagtail_admin_messages.py"
    listed = {
        node.args[0].value
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") in ("gettext_noop", "ngettext_lazy")
    }
    assert len(block) == 762
    assert listed == block
