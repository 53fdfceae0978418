"""Named Wagtail hooks through which apps above the broker add panels to its pages.

The broker sits below matching and collaborations in the app layers (.importlinter), so it
imports neither. A need's or an offer's page shows their panels because they register a
function returning the panel's template name (`@hooks.register(NEED_DETAIL_PANELS_HOOK)` in
apps/matching/wagtail_hooks.py); grep the constant to find who answers. Nothing is probed at
run time. The same holds one level up: matching's match lists offer the collaborations app's
"introduce" button through MATCH_ACTIONS_HOOK, declared here, below both (collaborations may
not import matching: matching sits above search, which reads the fund, which reads
collaborations). docs/decisions/0022-import-contracts.md.
"""

from __future__ import annotations

from wagtail import hooks

# fn() -> template name, included on a need's page for those who may broker it (context:
# need, request).
NEED_DETAIL_PANELS_HOOK = "broker_need_detail_panels"

# fn() -> template name, included on an offer's page for its editors and brokers (context:
# offer, profile, request).
OFFER_DETAIL_PANELS_HOOK = "broker_offer_detail_panels"

# fn() -> template name, included per match in matching's lists for a broker (context: need,
# offer); apps/collaborations/wagtail_hooks.py registers the introduce button.
MATCH_ACTIONS_HOOK = "broker_match_actions"


def panel_templates(hook_name: str) -> list[str]:
    """The template names registered for this hook, in registration order."""
    return [fn() for fn in hooks.get_hooks(hook_name)]
