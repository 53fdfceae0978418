"""The collaborations app's part of other apps' pages, through the hooks those apps name."""

from wagtail import hooks

from apps.broker.hooks import MATCH_ACTIONS_HOOK


@hooks.register(MATCH_ACTIONS_HOOK)
def introduce_button() -> str:
    """The introduce button on each match a broker sees (context: need, offer)."""
    return "collaborations/_introduce_button.html"
