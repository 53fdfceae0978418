"""Demo content for the insights app: route-guide tallies for the last weeks, so that the
"answers given most often" chart has something to show. The other charts count the demo
rows of the apps they describe."""

import datetime

from apps.rules.selectors import today_oslo

from .models import RouteGuideTally

# (question, answer, answers a day): a plausible mix, buying and grants asked about most.
DAILY = (
    ("purpose", "buy", 6),
    ("purpose", "grant", 4),
    ("purpose", "pilot", 3),
    ("purpose", "partnership", 2),
    ("purpose", "dialogue", 1),
    ("service", "health_social", 7),
    ("service", "ordinary", 5),
    ("service", "special", 2),
    ("provider", "social_enterprise", 8),
    ("provider", "wise", 4),
    ("provider", "ideell", 3),
    ("authority", "municipality", 14),
    ("authority", "county", 2),
    ("on_market", "yes", 9),
    ("on_market", "unknown", 5),
)
DAYS = 28


def load() -> None:
    """Adds the demo rows (idempotent: the same days are set to the same counts)."""
    today = today_oslo()
    for offset in range(1, DAYS + 1):
        day = today - datetime.timedelta(days=offset)
        for question, answer, per_day in DAILY:
            RouteGuideTally.objects.update_or_create(
                day=day,
                question=question,
                answer=answer,
                defaults={"count": per_day + (offset * 7 + len(answer)) % 3},
            )
