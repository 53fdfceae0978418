"""Signals the route guide sends, so apps above it can listen without the guide importing them.

`answer_shown` is sent once per answer a visitor sees, whether the view rendered it or the
page cache served it (apps/routeguide/tally.py). The insights app counts it
(apps/insights/signals.py); the guide itself neither knows nor cares who listens, which keeps
the dependency one way: insights reads the route guide, never the reverse
(docs/decisions/0022-import-contracts.md).
"""

from django.dispatch import Signal

# Sent with `situation` (a routeguide.engine.Situation).
answer_shown = Signal()
