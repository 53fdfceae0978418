"""docs/glossary.md names every domain word of the code (issue 17): every model class of
every app, and every status of each transitions table, so a new model or status that is
not explained there fails here."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

from apps.collaborations.stages import ALLOWED as STAGE_MOVES
from apps.events.services import INPUT_TRANSITIONS
from apps.fund.transitions import ALLOWED_TRANSITIONS

GLOSSARY = Path(settings.BASE_DIR) / "docs" / "glossary.md"


def _text() -> str:
    return GLOSSARY.read_text(encoding="utf-8")


def test_every_model_class_of_every_app_is_in_the_glossary():
    text = _text()
    missing = [
        f"{model._meta.app_label}.{model.__name__}"
        for model in apps.get_models()
        if model.__module__.startswith("apps.") and not re.search(rf"\b{model.__name__}\b", text)
    ]
    assert missing == []


def test_every_status_of_each_transitions_table_is_in_the_glossary():
    text = _text()
    missing = [
        f"{name}: {status}"
        for name, table in (
            ("fund.ALLOWED_TRANSITIONS", ALLOWED_TRANSITIONS),
            ("collaborations.stages.ALLOWED", STAGE_MOVES),
            ("events.INPUT_TRANSITIONS", INPUT_TRANSITIONS),
        )
        for status in {*table, *(target for targets in table.values() for target in targets)}
        if f"`{status}`" not in text
    ]
    assert missing == []
