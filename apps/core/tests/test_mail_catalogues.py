"""Every mail template's words exist in bokmål and nynorsk (issue 18): mail is written in
the recipient's language (apps.core.mail), so a message missing from a catalogue would reach
a nynorsk reader in bokmål, or a bokmål reader in English. English is the source language."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation.template import templatize

from .test_translations import _messages, parse_po

ROOT = Path(settings.BASE_DIR)
MAIL_TEMPLATES = sorted(
    path
    for pattern in ("apps/*/templates/*/email/*", "templates/**/email/*")
    for path in ROOT.glob(pattern)
    if path.suffix in (".txt", ".html")
)
CALL = re.compile(
    r"\b(gettext|ngettext|pgettext|npgettext)\((u'(?:[^'\\]|\\.)*'(?:, *u'(?:[^'\\]|\\.)*')*)"
)


def _catalogue_keys(language: str) -> set[tuple[str | None, str]]:
    paths = [ROOT / "locale" / language / "LC_MESSAGES" / "django.po"]
    paths += sorted(ROOT.glob(f"apps/*/locale/{language}/LC_MESSAGES/django.po"))
    return {
        (entry.msgctxt, entry.msgid)
        for path in paths
        for entry in _messages(parse_po(path))
        if entry.translations and all(entry.translations) and "fuzzy" not in entry.flags
    }


def _template_messages(path: Path) -> set[tuple[str | None, str]]:
    found = set()
    for function, arguments in CALL.findall(templatize(path.read_text(encoding="utf-8"))):
        strings = ast.literal_eval(f"({arguments},)")
        context = strings[0] if function.startswith(("pgettext", "npgettext")) else None
        msgid = strings[1] if context is not None else strings[0]
        found.add((context, msgid))
    return found


def test_the_mail_templates_are_found():
    assert len(MAIL_TEMPLATES) > 30
    messages = _template_messages(ROOT / "apps/grants/templates/grants/email/reminder.txt")
    assert (None, "Write and send it here:") in messages
    assert (None, "The %(report)s for «%(title)s» is due in %(days)s day.") in messages


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_every_mail_template_is_translated(language):
    known = _catalogue_keys(language)
    missing = {
        str(path.relative_to(ROOT)): sorted(msgid for _context, msgid in messages - known)
        for path in MAIL_TEMPLATES
        if (messages := _template_messages(path)) - known
    }
    assert not missing, f"Mail words without {language}: {missing}"
