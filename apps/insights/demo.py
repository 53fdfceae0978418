"""Demo content for the insights app: route-guide tallies for the last weeks, from
content/demo/insights/route_guide_tallies.yaml (read and checked by
apps/insights/demo_files.py), so that the "answers given most often" chart has something to
show. The other charts count the demo rows of the apps they describe."""

import datetime

from apps.rules.selectors import today_oslo

from .demo_files import read_demo_content
from .models import RouteGuideTally


def load() -> None:
    """Adds the demo rows (idempotent: the same days are set to the same counts). The counts
    vary a little from day to day around each answer's `per_day`."""
    content = read_demo_content()
    today = today_oslo()
    for offset in range(1, content.days + 1):
        day = today - datetime.timedelta(days=offset)
        for entry in content.answers_per_day:
            RouteGuideTally.objects.update_or_create(
                day=day,
                question=entry.question,
                answer=entry.answer,
                defaults={"count": entry.per_day + (offset * 7 + len(entry.answer)) % 3},
            )
