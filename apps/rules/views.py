import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import selectors

DATE_PARAM = "dato"


def parse_date_param(value: str) -> datetime.date | None:
    """A YYYY-MM-DD date, or None when the text is not one."""
    try:
        return datetime.datetime.strptime(value.strip(), "%Y-%m-%d").date()
    except ValueError:
        return None


def rules_index(request: HttpRequest) -> HttpResponse:
    today = selectors.today_oslo()
    raw_date = request.GET.get(DATE_PARAM, "").strip()
    chosen = parse_date_param(raw_date) if raw_date else today
    invalid_date = raw_date if chosen is None else ""
    on = chosen or today
    context = {
        "today": today,
        "on": on,
        "on_is_today": on == today,
        "invalid_date": invalid_date,
        "date_param": DATE_PARAM,
        "threshold_lines": selectors.threshold_lines(on=on, today=today),
        "threshold_history": selectors.threshold_history_lines(),
        "rule_groups": selectors.rules_grouped_by_law(selectors.rules_in_force(on=today)),
        "pending_rules": sorted(selectors.pending_rules(), key=selectors.citation_sort_key),
        "rules_not_in_force": sorted(
            selectors.rules_not_in_force(on=today), key=selectors.citation_sort_key
        ),
        "breadcrumbs": [(_("Home"), "/"), (_("Legal rules"), request.path)],
    }
    return render(request, "rules/rules_index.html", context)
