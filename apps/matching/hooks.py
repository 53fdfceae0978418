"""Named Wagtail hooks through which apps above matching add to its match lists.

A broker's match list offers "introduce" on each match; the collaborations app provides that
button by registering its template under MATCH_ACTIONS_HOOK
(apps/collaborations/wagtail_hooks.py). Matching does not import collaborations and probes
for no template. docs/decisions/0022-import-contracts.md.
"""

from __future__ import annotations

from wagtail import hooks

# fn() -> template name, included per match for a broker (context: need, offer).
MATCH_ACTIONS_HOOK = "matching_match_actions"


def match_action_templates() -> list[str]:
    return [fn() for fn in hooks.get_hooks(MATCH_ACTIONS_HOOK)]
