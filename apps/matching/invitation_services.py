"""Writes of open invitations (kept apart from services.py, which keeps the index).

A broker of the need's municipality invites every entrepreneur whose approved offer matches
the need at least a chosen score to say whether they are interested, before a deadline.
The broker sees the list first and confirms it; only the entrepreneurs shown (and still
matching) are invited, as a snapshot with the score each had. The entrepreneurs' admins are
mailed once each by the task worker (the delivery ledger guards retries), and the
invitation waits on their My page. They answer yes or no with a short comment until the
deadline; the broker may close it earlier."""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core import limits
from apps.core.mail import in_language_of
from apps.core.services import audit_record
from apps.core.siteaddress import site_url
from apps.operations import ledger

from .invitation_selectors import current_invitation, invitation_candidates
from .models import InterestResponse, InvitationRecipient, OpenInvitation
from .permissions import can_answer_invitation, can_invite

NOTIFY_KIND = "matching.open_invitation"
# The longest an invitation may stay open: a need is not kept waiting for half a year.
MAX_DAYS_OPEN = 90


class InvitationError(Exception):
    """A write refused for a reason the person can act on; str() is the message."""


def _check_deadline(deadline: datetime.date) -> None:
    today = timezone.localdate()
    if deadline < today:
        raise InvitationError(_("The deadline has passed. Choose a date from today on."))
    if deadline > today + datetime.timedelta(days=MAX_DAYS_OPEN):
        raise InvitationError(
            _("Choose a deadline within %(days)s days.") % {"days": MAX_DAYS_OPEN}
        )


def invitation_create(
    *,
    need,
    created_by,
    min_score: int,
    deadline: datetime.date,
    message: str,
    organisation_ids: Collection[int],
) -> OpenInvitation:
    """Invites the entrepreneurs the broker was shown (``organisation_ids``) who still match
    the need at least ``min_score``. Refused for a need that is not public, while another
    invitation of the need is open, and when nobody is left to invite. Sends nothing: call
    tasks.invitation_send, which queues the mails (invitation_notify) after the commit."""
    from apps.broker.models import Need

    if not can_invite(created_by, need):
        raise PermissionDenied
    message = message.strip()[: limits.TEXT]
    if not message:
        raise InvitationError(_("Write a message to the entrepreneurs."))
    _check_deadline(deadline)
    with transaction.atomic():
        # One invitation at a time per need: two brokers confirming at once wait here.
        need = Need.objects.select_for_update().get(pk=need.pk)
        if not need.is_public:
            raise InvitationError(
                _("Only a published, public need can be sent as an open invitation.")
            )
        if current_invitation(need=need) is not None:
            raise InvitationError(
                _("This need already has an open invitation. Close it before you send another.")
            )
        seen = set(organisation_ids)
        candidates = [
            c
            for c in invitation_candidates(need=need, min_score=min_score)
            if c.organisation.pk in seen
        ]
        if not candidates:
            raise InvitationError(
                _("No entrepreneur matches this need at that score any more. Lower the score.")
            )
        invitation = OpenInvitation.objects.create(
            need=need,
            created_by=created_by,
            min_score=min_score,
            deadline=deadline,
            message=message,
        )
        InvitationRecipient.objects.bulk_create(
            InvitationRecipient(
                invitation=invitation,
                organisation=c.organisation,
                offer=c.offer,
                score=round(c.score, 1),
            )
            for c in candidates
        )
        audit_record(
            actor=created_by,
            action="matching.invitation_sent",
            obj=invitation,
            data={"need": need.pk, "recipients": len(candidates), "min_score": min_score},
        )
    return invitation


def _people_to_mail(
    organisation_ids: Collection[int],
) -> dict[int, list[tuple[int, str, str]]]:
    """{organisation id: [(user id, email, language)]}: the admins of each organisation, or
    its members where it has no admin, so that no invited entrepreneur is left unaware (one
    query)."""
    from apps.accounts.models import Membership, MembershipRole

    admins: dict[int, list[tuple[int, str, str]]] = {}
    members: dict[int, list[tuple[int, str, str]]] = {}
    rows = (
        Membership.objects.filter(
            organisation_id__in=list(organisation_ids),
            user__is_active=True,
            role__in=[MembershipRole.ADMIN, MembershipRole.MEMBER],
        )
        .order_by("organisation_id", "user__email")
        .values_list("organisation_id", "role", "user_id", "user__email", "user__language")
    )
    for org_id, role, user_id, email, language in rows:
        target = admins if role == MembershipRole.ADMIN else members
        target.setdefault(org_id, []).append((user_id, email, language))
    return {org_id: admins.get(org_id) or members.get(org_id, []) for org_id in organisation_ids}


def invitation_notify(*, invitation: OpenInvitation) -> int:
    """Mails each invited organisation's admins once: every (recipient, person) is claimed in
    the delivery ledger before its mail goes out and released if the send fails, so a retry
    or a second worker never sends twice. Returns how many mails were sent."""
    recipients = list(
        InvitationRecipient.objects.filter(invitation=invitation).select_related("offer")
    )
    need = invitation.need
    people = _people_to_mail([r.organisation_id for r in recipients])
    site = site_url()
    sent = 0
    for recipient in recipients:
        context = {
            "invitation": invitation,
            "need": need,
            "recipient": recipient,
            "deadline": invitation.deadline.strftime("%d.%m.%Y"),
            "need_url": site + need.get_absolute_url(),
            "answer_url": site + recipient.get_absolute_url(),
        }
        rendered: dict[str, tuple[str, str]] = {}  # language: (subject, body)
        for user_id, email, language in people.get(recipient.organisation_id, []):
            key = f"{recipient.pk}:{user_id}"
            if not ledger.claim(NOTIFY_KIND, key, str(invitation.pk)):
                continue
            try:
                with in_language_of(fallback=language) as code:
                    if code not in rendered:
                        rendered[code] = (
                            " ".join(
                                render_to_string(
                                    "matching/email/open_invitation_subject.txt", context
                                ).split()
                            ),
                            render_to_string("matching/email/open_invitation.txt", context),
                        )
                subject, body = rendered[code]
                EmailMessage(subject=subject, body=body, to=[email]).send()
            except Exception:
                ledger.release(NOTIFY_KIND, key, str(invitation.pk))
                raise
            sent += 1
        if recipient.notified_at is None:
            InvitationRecipient.objects.filter(pk=recipient.pk).update(notified_at=timezone.now())
    return sent


def interest_respond(
    *, recipient: InvitationRecipient, user, interested: bool, comment: str
) -> InterestResponse:
    """Records (or changes) the organisation's answer: only its members and admins, only
    while the invitation is open."""
    if not can_answer_invitation(user, recipient):
        raise PermissionDenied
    if not recipient.invitation.is_open():
        raise InvitationError(_("This invitation is closed: answers are no longer taken."))
    response, _created = InterestResponse.objects.update_or_create(
        recipient=recipient,
        defaults={
            "interested": interested,
            "comment": comment.strip()[: limits.TEXT],
            "responded_by": user,
        },
    )
    audit_record(
        actor=user,
        action="matching.invitation_answered",
        obj=recipient.invitation,
        data={"recipient": recipient.pk, "interested": interested},
    )
    return response


def invitation_close(*, invitation: OpenInvitation, user) -> OpenInvitation:
    """Stops taking answers before the deadline (the answers given are kept)."""
    if not can_invite(user, invitation.need):
        raise PermissionDenied
    if invitation.closed_at is None:
        invitation.closed_at = timezone.now()
        invitation.save(update_fields=["closed_at"])
        audit_record(actor=user, action="matching.invitation_closed", obj=invitation, data={})
    return invitation
