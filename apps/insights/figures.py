"""Presented charts kept in the cache, so that a visit to /innsikt/ does not count 25,000
needs again (docs/decisions/0030).

An entry is one chart as shown (numbers, suppression, summary and SVG; for a page also the
chart's drawn HTML section, as the 80 KB dashboard spent most of its time in templates) for
one scope, one set of filters and one language. It is stored with the *stamp* it was
computed under: the page cache's generation (bumped by every write to public content:
pages, public needs, granted applications, bulk loads) and this app's own generation
(bumped by every write to a row a chart counts, private ones included: needs,
collaborations and their stage log, applications, decisions, "we tried this" reports;
apps.insights.signals). An entry whose stamp is not the current one counts as absent, so a
write makes every chart stale at once, as a page-cache purge does. Entries also expire
after KEEP_SECONDS: the time a collaboration has spent in its current stage grows with the
clock, and a vocabulary rename (a sector's name) bumps neither generation. The page says
when its numbers were computed.

The stamp is read before the numbers are counted: a write that lands while a chart is being
computed makes that chart stale at once rather than storing pre-write numbers as current.
Bumps happen at the write and again when its transaction commits, so no request can store
numbers read between the two under the new stamp.

Charts marked `live` in the registry (the route guide's tally: a few hundred rows, and its
counts arrive by UPDATE, which sends no signal) are always computed."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from apps.core.cache import GENERATION_KEY as PAGE_GENERATION_KEY
from apps.core.cache import generation_bump, generation_bump_now_and_on_commit, generation_token

from .charts import Chart, present
from .filters import Filters
from .selectors import CHARTS_BY_SLUG, Scope, chart_data

GENERATION_KEY = "insights:generation"
KEEP_SECONDS = 10 * 60


@dataclass(frozen=True)
class Figures:
    charts: list[Chart]
    # Each chart's section of the page (figure, table, CSV link) as `section` drew it, or ""
    # when no `section` was given.
    sections: list[str]
    # When the oldest of the charts was counted (now, when every chart was counted just now).
    computed_at: datetime.datetime


def bump_generation() -> None:
    generation_bump(GENERATION_KEY)


def data_changed() -> None:
    """A row a chart counts was written: every stored chart is stale, now and again when the
    transaction commits (a request between the two reads the old rows)."""
    generation_bump_now_and_on_commit(GENERATION_KEY)


def _key(*, slug: str, filters: Filters, scope: Scope, language: str, drawn: bool) -> str:
    place = scope.municipality.code if scope.municipality is not None else "public"
    kind = "section" if drawn else "chart"
    return f"insights:{kind}:{language}:{place}:{slug}:{filters.query()}"


def presented_charts(
    *,
    slugs: list[str],
    filters: Filters,
    scope: Scope,
    section: Callable[[Chart], str] | None = None,
) -> Figures:
    """The charts of `slugs`, in that order, as present() makes them for `scope` (small
    counts suppressed on the public view): from the cache when stored under the current
    stamp, otherwise counted and stored. One cache round trip to read, one to store.

    `section` draws a chart's part of the page; what it draws is stored with the chart, so
    it must depend on nothing but the chart, the filters, the scope and the language (the
    parts of the key), never on the visitor."""
    language = get_language() or ""
    keys = {
        slug: _key(slug=slug, filters=filters, scope=scope, language=language, drawn=bool(section))
        for slug in slugs
        if not CHARTS_BY_SLUG[slug].live
    }
    found = cache.get_many([PAGE_GENERATION_KEY, GENERATION_KEY, *keys.values()])
    stamp = (
        generation_token(PAGE_GENERATION_KEY, found),
        generation_token(GENERATION_KEY, found),
    )
    now = timezone.now()
    charts: list[Chart] = []
    sections: list[str] = []
    oldest = now
    missing: dict[str, tuple] = {}
    for slug in slugs:
        entry = found.get(keys[slug]) if slug in keys else None
        if isinstance(entry, tuple) and len(entry) == 4 and entry[0] == stamp:
            _stamp, computed_at, chart, html = entry
            oldest = min(oldest, computed_at)
        else:
            data = chart_data(slug=slug, filters=filters, scope=scope)
            chart = present(data, suppress=scope.is_public)
            html = section(chart) if section else ""
            if slug in keys:
                missing[keys[slug]] = (stamp, now, chart, html)
        charts.append(chart)
        sections.append(html)
    if missing:
        cache.set_many(missing, KEEP_SECONDS)
    return Figures(charts=charts, sections=sections, computed_at=oldest)


def presented_chart(*, slug: str, filters: Filters, scope: Scope) -> Chart:
    """One chart (a CSV file), through the same entries as the page."""
    return presented_charts(slugs=[slug], filters=filters, scope=scope).charts[0]
