"""A route-guide answer is referenced by its URL: /veiviser/svar/?<the answers>. The query is
checked with the route guide's own form and stored in its canonical order, so one situation
is stored once whatever order the pasted URL had."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.routeguide.engine import Situation
from apps.routeguide.forms import SituationForm, canonical_query
from apps.rules.selectors import today_oslo


class NotARouteGuideAnswer(ValueError):
    """The text is not the address of an answer from the route guide."""


def answer_path() -> str:
    return reverse("routeguide:answer")


def routeguide_answer_from_url(url: str, *, allowed_hosts: set[str]) -> tuple[str, Situation]:
    """The canonical query and the situation of the answer at `url` (absolute on one of
    `allowed_hosts`, or a path on this site). Raises NotARouteGuideAnswer with a message for
    the person."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in ("", "http", "https"):
        raise NotARouteGuideAnswer(_("Paste the address of an answer from the route guide."))
    if parts.netloc and parts.netloc.lower() not in {host.lower() for host in allowed_hosts}:
        raise NotARouteGuideAnswer(_("The address is not on this site."))
    if parts.scheme and not parts.netloc:
        raise NotARouteGuideAnswer(_("Paste the address of an answer from the route guide."))
    if parts.path != answer_path():
        raise NotARouteGuideAnswer(
            _("The address is not an answer from the route guide (it starts with %(path)s).")
            % {"path": answer_path()}
        )
    form = SituationForm(QueryDict(parts.query))
    if not form.is_valid():
        raise NotARouteGuideAnswer(
            _("The address does not hold a complete set of answers to the route guide.")
        )
    situation = form.situation(today=today_oslo())
    return canonical_query(situation, dated=form.cleaned_data.get("date") is not None), situation


def answer_url(query: str) -> str:
    return f"{answer_path()}?{query}"


def dated_answer_query(query: str, *, today) -> tuple[str, Situation]:
    """The canonical query of the answer in `query`, with its date (today's when it has
    none): a saved answer keeps the day it was given, so it can later show what would be
    different. Raises NotARouteGuideAnswer with a message for the person."""
    form = SituationForm(QueryDict(query or ""))
    if not form.is_valid():
        raise NotARouteGuideAnswer(
            _("The address does not hold a complete set of answers to the route guide.")
        )
    situation = form.situation(today=today)
    return canonical_query(situation, dated=True), situation
