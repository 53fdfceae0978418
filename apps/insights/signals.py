"""Receivers that count what other apps report, connected in InsightsConfig.ready."""

from __future__ import annotations

from apps.insights import services


def count_route_guide_answer(sender, *, situation, **kwargs) -> None:
    """One answer shown by the route guide (apps.routeguide.signals.answer_shown)."""
    services.route_guide_tally(situation=situation)
