"""The apps above the broker add their panels through named hooks, never found by probing for
templates at run time (apps/broker/hooks.py)."""

from apps.broker.hooks import (
    MATCH_ACTIONS_HOOK,
    NEED_DETAIL_PANELS_HOOK,
    OFFER_DETAIL_PANELS_HOOK,
    panel_templates,
)


def test_matching_registers_its_panels_on_need_and_offer_pages():
    assert panel_templates(NEED_DETAIL_PANELS_HOOK) == ["matching/_need_matches.html"]
    assert panel_templates(OFFER_DETAIL_PANELS_HOOK) == ["matching/_offer_matches.html"]


def test_collaborations_registers_the_introduce_button_on_matches():
    assert panel_templates(MATCH_ACTIONS_HOOK) == ["collaborations/_introduce_button.html"]
