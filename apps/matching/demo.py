"""Demo content for the matching app: the index of the broker's demo needs and offers, one
pinned suggestion by the broker of the invented Fjordvik kommune, a subscription for the
demo entrepreneur, and an open invitation by that broker (answered by the demo entrepreneur
when invited). Runs after apps.broker.demo; idempotent. The invitation's words are data in
content/demo/matching/invitation.yaml (read by apps.matching.demo_files)."""

from __future__ import annotations


def load() -> None:
    """Adds the demo rows (idempotent)."""
    from apps.accounts.models import MembershipRole, User
    from apps.broker.demo import BROKER_EMAIL, ENTREPRENEUR_EMAIL
    from apps.broker.models import Need, Offer

    from . import selectors, services

    services.reindex_all()

    broker = User.objects.filter(email=BROKER_EMAIL).first()
    # The broker's own municipality's first public need (the invented home municipality of
    # apps.accounts.demo), so that no demo suggestion or invitation is put on a real one.
    need = (
        Need.objects.public()
        .filter(
            organisation__memberships__user=broker,
            organisation__memberships__role=MembershipRole.BROKER,
        )
        .order_by("pk")
        .first()
        if broker is not None
        else None
    )
    if broker is not None and need is not None:
        matches = selectors.matches_for_need(need=need, limit=3, feedback=False)
        if matches:
            services.match_pin(need=need, offer=matches[0].offer, user=broker)
        _open_invitation(need=need, broker=broker)

    entrepreneur = User.objects.filter(email=ENTREPRENEUR_EMAIL).first()
    if entrepreneur is not None:
        offer = (
            Offer.objects.public()
            .filter(profile__organisation__memberships__user=entrepreneur)
            .order_by("pk")
            .first()
        )
        if offer is not None:
            services.subscription_create(offer=offer, user=entrepreneur)


def _open_invitation(*, need, broker) -> None:
    """One open invitation for the need (through the same services a broker uses), and
    the demo entrepreneur's answer when their organisation is among those invited."""
    import datetime

    from django.utils import timezone

    from apps.accounts.models import User
    from apps.broker.demo import ENTREPRENEUR_EMAIL

    from . import invitation_selectors, invitation_services, tasks
    from .demo_files import read_demo_content
    from .forms import DEFAULT_MIN_SCORE
    from .models import InvitationRecipient, OpenInvitation

    if OpenInvitation.objects.filter(need=need).exists():
        return
    content = read_demo_content().invitation
    candidates = invitation_selectors.invitation_candidates(need=need, min_score=DEFAULT_MIN_SCORE)
    if not candidates:
        return
    try:
        invitation = tasks.invitation_send(
            need=need,
            created_by=broker,
            min_score=DEFAULT_MIN_SCORE,
            deadline=timezone.localdate() + datetime.timedelta(days=content.deadline_days),
            message=content.message,
            organisation_ids=[c.organisation.pk for c in candidates],
        )
    except invitation_services.InvitationError:
        return  # the demo need is not public (someone changed it): no invitation
    entrepreneur = User.objects.filter(email=ENTREPRENEUR_EMAIL).first()
    recipient = (
        InvitationRecipient.objects.filter(
            invitation=invitation, organisation__memberships__user=entrepreneur
        ).first()
        if entrepreneur is not None
        else None
    )
    if recipient is not None:
        invitation_services.interest_respond(
            recipient=recipient,
            user=entrepreneur,
            interested=content.answer.interested,
            comment=content.answer.comment,
        )
