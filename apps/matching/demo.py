"""Demo content for the matching app: the index of the broker's demo needs and offers, one
pinned suggestion by the Bærum broker and a subscription for the demo entrepreneur.
Runs after apps.broker.demo; idempotent."""

from __future__ import annotations


def load() -> None:
    """Adds the demo rows (idempotent)."""
    from apps.accounts.models import User
    from apps.broker.models import Need, Offer

    from . import selectors, services

    services.reindex_all()

    broker = User.objects.filter(email="megler@demo.kokeboka.no").first()
    need = (
        Need.objects.public().filter(organisation__municipality__code="3201").order_by("pk").first()
    )
    if broker is not None and need is not None:
        matches = selectors.matches_for_need(need=need, limit=3, feedback=False)
        if matches:
            services.match_pin(need=need, offer=matches[0].offer, user=broker)

    entrepreneur = User.objects.filter(email="entreprenor@demo.kokeboka.no").first()
    if entrepreneur is not None:
        offer = (
            Offer.objects.public()
            .filter(profile__organisation__memberships__user=entrepreneur)
            .order_by("pk")
            .first()
        )
        if offer is not None:
            services.subscription_create(offer=offer, user=entrepreneur)
