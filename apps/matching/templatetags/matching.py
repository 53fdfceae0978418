"""`{% load matching %}`: `{% need_matches need %}` and `{% offer_matches offer %}` render
ranked, explained matches for the person viewing the page (read from `request.user`)."""

from __future__ import annotations

from django import template

from apps.broker.hooks import MATCH_ACTIONS_HOOK, panel_templates
from apps.matching import engine, invitation_selectors, selectors
from apps.matching.permissions import can_decide, can_subscribe

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


def _introduce_template() -> str | None:
    """The introduce button the collaborations app registers (apps/broker/hooks.py)."""
    return next(iter(panel_templates(MATCH_ACTIONS_HOOK)), None)


def _here(context) -> str:
    request = context.get("request")
    return request.get_full_path() if request is not None else ""


@register.inclusion_tag("matching/need_matches.html", takes_context=True)
def need_matches(context, need, limit: int = selectors.DEFAULT_LIMIT, heading: bool = True):
    user = _user(context)
    is_broker = can_decide(user, need)
    invitations = invitation_selectors.invitations_for_need(need=need) if is_broker else []
    return {
        "invitations": invitations,
        "open_invitation": next((i for i in invitations if i.is_open()), None),
        "recipe_url": invitation_selectors.equal_treatment_recipe_url() if is_broker else "",
        "need": need,
        "matches": selectors.matches_for_need(need=need, user=user, limit=limit),
        "dismissed": selectors.dismissed_offers(need=need) if is_broker else [],
        "can_decide": is_broker,
        "introduce_template": _introduce_template() if is_broker else None,
        "csrf_token": context.get("csrf_token"),
        "here": _here(context),
        "heading": heading,
        "request": context.get("request"),
        "scale": engine.score_scale(semantic=selectors.semantic_on()),
    }


@register.inclusion_tag("matching/offer_matches.html", takes_context=True)
def offer_matches(context, offer, limit: int = selectors.DEFAULT_LIMIT, heading: bool = True):
    user = _user(context)
    subscriber = can_subscribe(user, offer)
    return {
        "offer": offer,
        "matches": selectors.matches_for_offer(offer=offer, user=user, limit=limit),
        "can_subscribe": subscriber,
        "subscribed": selectors.is_subscribed(offer=offer, user=user) if subscriber else False,
        "csrf_token": context.get("csrf_token"),
        "here": _here(context),
        "heading": heading,
        "scale": engine.score_scale(semantic=selectors.semantic_on()),
    }


@register.filter
def score_percent(value) -> int:
    """A score (0–100) as a whole number for display."""
    try:
        return max(0, min(100, round(float(value))))
    except (TypeError, ValueError):
        return 0
