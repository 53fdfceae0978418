"""Receivers that count what other apps report, and mark the stored charts stale when a row
they count is written; connected in InsightsConfig.ready."""

from __future__ import annotations

from apps.insights import figures, services


def count_route_guide_answer(sender, *, situation, **kwargs) -> None:
    """One answer shown by the route guide (apps.routeguide.signals.answer_shown)."""
    services.route_guide_tally(situation=situation)


def row_written(sender, instance, raw=False, **kwargs) -> None:
    """A need, collaboration, stage change, decision or "we tried this" report was saved or
    deleted: the charts counting them are stale (apps.insights.figures)."""
    if not raw:
        figures.data_changed()


def application_written(sender, instance, raw=False, **kwargs) -> None:
    """An application was saved or deleted. A draft is counted by no chart (the applicant's
    autosave writes one every few seconds), so only a submitted one makes the charts stale;
    an application never returns to draft once submitted."""
    if not raw and instance.status != "draft":
        figures.data_changed()


def need_sectors_changed(sender, instance, action, **kwargs) -> None:
    """A need's sectors were set or changed (they are saved after the need itself)."""
    if action in ("post_add", "post_remove", "post_clear"):
        figures.data_changed()
