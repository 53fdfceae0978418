from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import selectors
from .forms import ThresholdDateForm


def rules_index(request: HttpRequest) -> HttpResponse:
    today = selectors.today_oslo()
    date_form = ThresholdDateForm.from_query(request.GET, today=today)
    on = date_form.day()
    context = {
        "today": today,
        "on": on,
        "date_form": date_form,
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
