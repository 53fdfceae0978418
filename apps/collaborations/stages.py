"""The stages of a collaboration and the moves allowed between them.

A collaboration mostly moves forward one stage at a time, may step back one stage when a
trial or an agreement has to be reworked, may skip the trial when the parties go straight
to an agreement, and may end from any stage. Ending is never a plain move: it asks for a
confirmation and an outcome (services.collaboration_end). A broker may reopen a finished
collaboration, back to the stage it was ended from (services.collaboration_reopen); those
moves are in the table too, marked as reopenings, so that the table stays the one place that
says which moves exist."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.transitions import Transitions


class Stage(models.TextChoices):
    DIALOG = "dialog", _("Dialogue")
    UTFORSKING = "utforsking", _("Exploration")
    UTPROVING = "utproving", _("Trial")
    AVTALE = "avtale", _("Agreement/procurement")
    DRIFT = "drift", _("Operation/scaling")
    AVSLUTTET = "avsluttet", _("Finished")


ALLOWED = Transitions(
    {
        Stage.DIALOG: {Stage.UTFORSKING, Stage.AVSLUTTET},
        Stage.UTFORSKING: {Stage.DIALOG, Stage.UTPROVING, Stage.AVTALE, Stage.AVSLUTTET},
        Stage.UTPROVING: {Stage.UTFORSKING, Stage.AVTALE, Stage.AVSLUTTET},
        Stage.AVTALE: {Stage.UTPROVING, Stage.DRIFT, Stage.AVSLUTTET},
        Stage.DRIFT: {Stage.AVTALE, Stage.AVSLUTTET},
        # Reopening: back to the stage the collaboration was ended from, by a broker only.
        Stage.AVSLUTTET: {
            Stage.DIALOG,
            Stage.UTFORSKING,
            Stage.UTPROVING,
            Stage.AVTALE,
            Stage.DRIFT,
        },
    }
)

ORDER: tuple[str, ...] = tuple(Stage.values)


def can_move(from_stage: str, to_stage: str) -> bool:
    return ALLOWED.allows(from_stage, to_stage)


def is_ending(from_stage: str, to_stage: str) -> bool:
    """A move that ends the collaboration: needs a confirmation and an outcome."""
    return can_move(from_stage, to_stage) and to_stage == Stage.AVSLUTTET


def is_reopening(from_stage: str, to_stage: str) -> bool:
    """A move out of the finished stage: only a broker, only back to where it was ended from."""
    return can_move(from_stage, to_stage) and from_stage == Stage.AVSLUTTET


def is_plain_move(from_stage: str, to_stage: str) -> bool:
    """A move any party makes with one button (neither an ending nor a reopening)."""
    return (
        can_move(from_stage, to_stage)
        and not is_ending(from_stage, to_stage)
        and not is_reopening(from_stage, to_stage)
    )


def next_stages(stage: str) -> list[str]:
    """The stages a collaboration in `stage` may move to, in pipeline order (ending included,
    reopenings not: those go through their own forms)."""
    return [code for code in ORDER if can_move(stage, code) and not is_reopening(stage, code)]


def is_final(stage: str) -> bool:
    """Finished: no ordinary move out, only a broker's reopening."""
    return stage == Stage.AVSLUTTET
