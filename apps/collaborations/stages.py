"""The stages of a collaboration and the moves allowed between them.

A collaboration mostly moves forward one stage at a time, may step back one stage when a
trial or an agreement has to be reworked, may skip the trial when the parties go straight
to an agreement, and may end from any stage. A finished collaboration stays finished: it
may already be published as an example."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    DIALOG = "dialog", _("Dialogue")
    UTFORSKING = "utforsking", _("Exploration")
    UTPROVING = "utproving", _("Trial")
    AVTALE = "avtale", _("Agreement/procurement")
    DRIFT = "drift", _("Operation/scaling")
    AVSLUTTET = "avsluttet", _("Finished")


ALLOWED: dict[str, frozenset[str]] = {
    Stage.DIALOG: frozenset({Stage.UTFORSKING, Stage.AVSLUTTET}),
    Stage.UTFORSKING: frozenset({Stage.DIALOG, Stage.UTPROVING, Stage.AVTALE, Stage.AVSLUTTET}),
    Stage.UTPROVING: frozenset({Stage.UTFORSKING, Stage.AVTALE, Stage.AVSLUTTET}),
    Stage.AVTALE: frozenset({Stage.UTPROVING, Stage.DRIFT, Stage.AVSLUTTET}),
    Stage.DRIFT: frozenset({Stage.AVTALE, Stage.AVSLUTTET}),
    Stage.AVSLUTTET: frozenset(),
}

ORDER: tuple[str, ...] = tuple(Stage.values)


def can_move(from_stage: str, to_stage: str) -> bool:
    return to_stage in ALLOWED.get(from_stage, frozenset())


def next_stages(stage: str) -> list[str]:
    """The stages a collaboration in `stage` may move to, in pipeline order."""
    allowed = ALLOWED.get(stage, frozenset())
    return [code for code in ORDER if code in allowed]


def is_final(stage: str) -> bool:
    return not ALLOWED.get(stage)
