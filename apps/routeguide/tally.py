"""The insights tally of route-guide answers, also for answers the page cache serves.

The answer page is cached like other anonymous pages, so a repeated question does not reach
the view; the page cache tells us (apps.core.cache.page_cache_hit) and the answer is sent
here as `answer_shown`, which the insights app counts (apps/insights/signals.py). A browser
or proxy may still keep the page for its `max-age` (60 s) without asking.
"""

from __future__ import annotations

import functools
import logging

from django.db import DatabaseError
from django.http import HttpRequest
from django.urls import reverse

from apps.rules.selectors import today_oslo

from .signals import answer_shown

logger = logging.getLogger(__name__)


@functools.cache
def _answer_path() -> str:
    # Asked on every page-cache hit of any page: the URLconf does not change while running.
    return reverse("routeguide:answer")


def count_cached_answer(sender, *, request: HttpRequest, **kwargs) -> None:
    if request.path != _answer_path():
        return
    from .forms import SituationForm

    form = SituationForm(request.GET)
    if not form.is_valid():
        return
    try:
        answer_shown.send(sender=SituationForm, situation=form.situation(today=today_oslo()))
    except DatabaseError:
        # Cached pages are served while the database is away; the count is lost, the page
        # is not.
        logger.warning("route guide tally not counted: database unavailable")
