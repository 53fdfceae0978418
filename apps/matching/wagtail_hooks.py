"""Matching's panels on the broker's need and offer pages (apps/broker/hooks.py)."""

from wagtail import hooks

from apps.broker.hooks import NEED_DETAIL_PANELS_HOOK, OFFER_DETAIL_PANELS_HOOK


@hooks.register(NEED_DETAIL_PANELS_HOOK)
def need_matches_panel() -> str:
    return "matching/_need_matches.html"


@hooks.register(OFFER_DETAIL_PANELS_HOOK)
def offer_matches_panel() -> str:
    return "matching/_offer_matches.html"
