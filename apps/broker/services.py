"""Writes of the broker service. Every change that matters leaves an audit row."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core import locking
from apps.core.services import audit_record

from .models import (
    NEED_LIFETIME_DAYS,
    PROFILE_LIFETIME_DAYS,
    EntrepreneurProfile,
    Need,
    NeedStatus,
    Offer,
    ReviewStatus,
)
from .permissions import (
    can_edit_need,
    can_edit_org_profile,
    can_edit_profile,
    can_review_profile,
    need_organisations_for,
)


class StaleEdit(locking.StaleVersion):
    """Someone else saved the need after this edit began (apps.core.locking); `current` is
    the need as it is now."""


# The solution nudge -----------------------------------------------------------------------

# Words and phrases that name a solution rather than a need (Norwegian, a few English).
SOLUTION_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\bapp(?:er|en|ene|s)?\b", "app"),
    # «\b» first: a match can only start at a word's beginning, so a long word costs
    # linear time, not quadratic (every pattern starts with it).
    (r"\b\w*system(?:et|er|ene)?\b", "system"),
    (r"\b\w*plattform(?:en|er|ene)?\b", "plattform"),
    (r"\bportal(?:en|er|ene)?\b", "portal"),
    (r"\bverktøy(?:et|ene)?\b", "verktøy"),
    (r"\bprogramvare(?:n)?\b", "programvare"),
    (r"\bløsning(?:en|er|ene)?\b", "løsning"),
    (r"\bkjøpe?\b|\bkjøper\b|\binnkjøp\w*", "kjøpe"),
    (r"\banskaff\w*", "anskaffe"),
    (r"\bvi\s+(?:trenger|ønsker|vil\s+ha|må\s+ha)\s+(?:en|et|ei|nytt|ny)\b", "vi trenger en …"),
    (r"\bsoftware\b", "software"),
    (r"\bwe\s+need\s+an?\b", "we need a …"),
)
_COMPILED = tuple(
    (re.compile(pattern, re.IGNORECASE | re.UNICODE), label) for pattern, label in SOLUTION_PATTERNS
)


def solution_words(*, texts: Iterable[str]) -> list[str]:
    """The solution words found in the texts, as written, in order of first appearance."""
    found: list[str] = []
    seen: set[str] = set()
    for text in texts:
        for pattern, _label in _COMPILED:
            for match in pattern.finditer(text or ""):
                word = " ".join(match.group(0).split())
                if word.lower() not in seen:
                    seen.add(word.lower())
                    found.append(word)
    return found


# Needs ------------------------------------------------------------------------------------

NEED_TEXT_FIELDS = ("title", "description", "affected", "tried", "outcome", "timeframe")
NEED_VALUE_FIELDS = (
    *NEED_TEXT_FIELDS,
    "no_clear_owner",
    "budget_min",
    "budget_max",
    "status",
    "visibility",
)


def _check_need(need: Need) -> None:
    if (
        need.budget_min is not None
        and need.budget_max is not None
        and need.budget_min > need.budget_max
    ):
        raise ValidationError(
            {"budget_max": _("The upper budget must be at least the lower budget.")}
        )
    need.full_clean(exclude=["organisation", "municipality", "created_by", "key"])


@transaction.atomic
def need_create(
    *,
    actor,
    organisation,
    title: str,
    description: str,
    affected: str = "",
    tried: str = "",
    outcome: str = "",
    sectors: Iterable = (),
    target_groups: Iterable = (),
    no_clear_owner: bool = False,
    budget_min: int | None = None,
    budget_max: int | None = None,
    timeframe: str = "",
    status: str = NeedStatus.DRAFT,
    visibility: str = Need.Visibility.PUBLIC,
    key: str = "",
) -> Need:
    """A need posted by a member of a municipality's organisation."""
    if actor is not None and not need_organisations_for(actor).filter(pk=organisation.pk).exists():
        raise PermissionDenied
    need = Need(
        key=key,
        organisation=organisation,
        municipality=organisation.municipality,
        title=title.strip(),
        description=description.strip(),
        affected=affected.strip(),
        tried=tried.strip(),
        outcome=outcome.strip(),
        no_clear_owner=no_clear_owner,
        budget_min=budget_min,
        budget_max=budget_max,
        timeframe=timeframe.strip(),
        status=status,
        visibility=visibility,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    _check_need(need)
    need.save()
    need.sectors.set(list(sectors))
    need.target_groups.set(list(target_groups))
    audit_record(
        actor=actor,
        action="broker.need.created",
        obj=need,
        data={"status": need.status, "visibility": need.visibility},
    )
    return need


@transaction.atomic
def need_update(
    *,
    actor,
    need: Need,
    version: int,
    sectors: Iterable | None = None,
    target_groups: Iterable | None = None,
    **values,
) -> Need:
    """Saves an edit made from `version`. If someone saved in between, raises StaleEdit
    with the current row and changes nothing."""
    if actor is not None and not can_edit_need(actor, need):
        raise PermissionDenied
    unknown = set(values) - set(NEED_VALUE_FIELDS)
    if unknown:
        raise TypeError(f"unknown need fields: {sorted(unknown)}")
    current = locking.lock_at_version(
        Need.objects.all(), pk=need.pk, version=version, stale=StaleEdit
    )
    old_status = current.status
    for name, value in values.items():
        setattr(current, name, value.strip() if isinstance(value, str) else value)
    _check_need(current)
    locking.next_version(current)
    current.save()
    current.refresh_from_db()
    if sectors is not None:
        current.sectors.set(list(sectors))
    if target_groups is not None:
        current.target_groups.set(list(target_groups))
    audit_record(
        actor=actor,
        action="broker.need.updated",
        obj=current,
        data={"version": current.version, "fields": sorted(values)},
    )
    if current.status != old_status:
        audit_record(
            actor=actor,
            action="broker.need.status_changed",
            obj=current,
            data={"from": old_status, "to": current.status},
        )
    return current


@transaction.atomic
def need_set_status(*, actor, need: Need, status: str, version: int) -> Need:
    if status not in NeedStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    return need_update(actor=actor, need=need, version=version, status=status)


@transaction.atomic
def need_renew(*, actor, need: Need, today: datetime.date | None = None) -> Need:
    """Moves the expiry to 180 days from today (never earlier than it already is)."""
    if actor is not None and not can_edit_need(actor, need):
        raise PermissionDenied
    today = today or timezone.localdate()
    current = Need.objects.select_for_update().get(pk=need.pk)
    old = current.expires_at
    current.expires_at = max(old, today + datetime.timedelta(days=NEED_LIFETIME_DAYS))
    locking.next_version(current)
    current.save(update_fields=["expires_at", "version", "updated_at"])
    current.refresh_from_db()
    audit_record(
        actor=actor,
        action="broker.need.renewed",
        obj=current,
        data={"from": old.isoformat(), "to": current.expires_at.isoformat()},
    )
    return current


# Entrepreneur profiles and offers ---------------------------------------------------------


def _notify_profile_members(
    profile: EntrepreneurProfile, *, compose: Callable[[], tuple[str, str]]
) -> None:
    """Mails the profile's people the (subject, body) that ``compose`` writes, called in
    each recipient's language: the broker's action, not the broker's language."""
    from apps.accounts.models import Membership, MembershipRole
    from apps.accounts.services import email_queue
    from apps.core.mail import in_language_of

    emails = (
        Membership.objects.filter(
            organisation=profile.organisation,
            role__in=[MembershipRole.ADMIN, MembershipRole.MEMBER],
            user__is_active=True,
        )
        .values_list("user__email", flat=True)
        .distinct()
    )
    for email in sorted(set(emails)):
        with in_language_of(email=email):
            subject, body = compose()
        email_queue(to=email, subject=subject, body=body)


PROFILE_PENDING_FIELDS = ("summary", "evidence", "area_national", "areas", "examples")
OFFER_PENDING_FIELDS = (
    "title",
    "description",
    "maturity",
    "area_national",
    "active",
    "sectors",
    "target_groups",
    "areas",
)


def _pks(items: Iterable) -> list[int]:
    return sorted({getattr(item, "pk", item) for item in items})


def _wait_for_review(profile: EntrepreneurProfile) -> None:
    """Puts an approved profile's waiting changes (its own or an offer's) in the queue."""
    now = timezone.now()
    EntrepreneurProfile.objects.filter(pk=profile.pk).update(
        changes_pending=True, changes_submitted_at=now, changes_returned_note="", updated_at=now
    )
    profile.changes_pending = True
    profile.changes_submitted_at = now
    profile.changes_returned_note = ""


@transaction.atomic
def profile_save(
    *,
    actor,
    organisation,
    summary: str,
    evidence: str = "",
    area_national: bool = False,
    areas: Iterable = (),
    examples: Iterable = (),
) -> EntrepreneurProfile:
    """Creates or changes an entrepreneur's profile. A new (or never approved) profile
    waits for a broker's review and is not public until approved. An edit of an approved
    profile is kept aside as its pending version: the approved text stays public and its
    offers stay in matching until a broker applies the edit (issue 12: one added sentence
    must not take a profile offline)."""
    if actor is not None and not can_edit_org_profile(actor, organisation):
        raise PermissionDenied
    profile = (
        EntrepreneurProfile.objects.select_for_update().filter(organisation=organisation).first()
    )
    created = profile is None
    if created:
        profile = EntrepreneurProfile(organisation=organisation)
    if not created and profile.review_status == ReviewStatus.APPROVED:
        candidate = EntrepreneurProfile(
            organisation=organisation,
            summary=summary.strip(),
            evidence=evidence.strip(),
            area_national=area_national,
        )
        candidate.full_clean(
            exclude=["organisation", "reviewed_by", "examples", "areas"], validate_unique=False
        )
        profile.pending_changes = {
            "summary": candidate.summary,
            "evidence": candidate.evidence,
            "area_national": bool(area_national),
            "areas": _pks(areas),
            "examples": _pks(examples),
        }
        profile.save(update_fields=["pending_changes", "updated_at"])
        _wait_for_review(profile)
        audit_record(
            actor=actor,
            action="broker.profile.change_submitted",
            obj=profile,
            data={"fields": sorted(profile.pending_changes)},
        )
        return profile
    profile.summary = summary.strip()
    profile.evidence = evidence.strip()
    profile.area_national = area_national
    profile.review_status = ReviewStatus.PENDING
    profile.full_clean(exclude=["organisation", "reviewed_by", "examples", "areas"])
    profile.save()
    profile.areas.set(list(areas))
    profile.examples.set(list(examples))
    audit_record(
        actor=actor,
        action="broker.profile.created" if created else "broker.profile.changed",
        obj=profile,
        data={"review_status": profile.review_status},
    )
    return profile


def _mark_for_review(profile: EntrepreneurProfile) -> None:
    if profile.review_status != ReviewStatus.PENDING:
        EntrepreneurProfile.objects.filter(pk=profile.pk).update(
            review_status=ReviewStatus.PENDING, updated_at=timezone.now()
        )
        profile.review_status = ReviewStatus.PENDING


@transaction.atomic
def offer_save(
    *,
    actor,
    profile: EntrepreneurProfile,
    offer: Offer | None = None,
    title: str,
    description: str,
    maturity: str,
    sectors: Iterable = (),
    target_groups: Iterable = (),
    area_national: bool = False,
    areas: Iterable = (),
    active: bool = True,
) -> Offer:
    """Creates or changes an offer. What is public has been seen by a broker: on a profile
    not yet approved the offer is saved and the profile waits for review; on an approved
    profile the edit waits as the offer's pending version (the approved offer stays public
    and in matching), and a new offer stays inactive until a broker approves it."""
    if actor is not None and not can_edit_profile(actor, profile):
        raise PermissionDenied
    created = offer is None
    if created:
        offer = Offer(profile=profile)
    elif offer.profile_id != profile.pk:
        raise PermissionDenied
    approved = profile.review_status == ReviewStatus.APPROVED
    if approved:
        candidate = Offer(
            profile=profile,
            title=title.strip(),
            description=description.strip(),
            maturity=maturity,
            area_national=area_national,
            active=active,
        )
        candidate.full_clean(exclude=["profile", "key"], validate_unique=False)
        pending = {
            "title": candidate.title,
            "description": candidate.description,
            "maturity": maturity,
            "area_national": bool(area_national),
            "active": bool(active),
            "sectors": _pks(sectors),
            "target_groups": _pks(target_groups),
            "areas": _pks(areas),
        }
        if created:
            # Not public before a broker has seen it: the approved form is "inactive".
            for name in ("title", "description", "maturity", "area_national"):
                setattr(offer, name, pending[name])
            offer.active = False
        offer.pending_changes = pending
        offer.save()
        _wait_for_review(profile)
        audit_record(
            actor=actor,
            action="broker.offer.change_submitted",
            obj=offer,
            data={"profile": profile.pk, "created": created},
        )
        return offer
    offer.title = title.strip()
    offer.description = description.strip()
    offer.maturity = maturity
    offer.area_national = area_national
    offer.active = active
    offer.full_clean(exclude=["profile", "key"])
    offer.save()
    offer.sectors.set(list(sectors))
    offer.target_groups.set(list(target_groups))
    offer.areas.set(list(areas))
    _mark_for_review(profile)
    audit_record(
        actor=actor,
        action="broker.offer.created" if created else "broker.offer.changed",
        obj=offer,
        data={"profile": profile.pk, "active": offer.active},
    )
    return offer


def _apply_pending(profile: EntrepreneurProfile) -> list[int]:
    """Writes the waiting versions of the profile and its offers into the live fields.
    Returns the ids of the offers changed."""
    pending = profile.pending_changes or {}
    if pending:
        profile.summary = pending.get("summary", profile.summary)
        profile.evidence = pending.get("evidence", profile.evidence)
        profile.area_national = pending.get("area_national", profile.area_national)
        profile.areas.set(pending.get("areas", []))
        profile.examples.set(pending.get("examples", []))
    profile.pending_changes = {}
    profile.changes_pending = False
    profile.changes_returned_note = ""
    changed = []
    for offer in (
        Offer.objects.select_for_update().filter(profile=profile).exclude(pending_changes={})
    ):
        values = offer.pending_changes
        for name in ("title", "description", "maturity", "area_national", "active"):
            if name in values:
                setattr(offer, name, values[name])
        offer.pending_changes = {}
        offer.save()
        offer.sectors.set(values.get("sectors", []))
        offer.target_groups.set(values.get("target_groups", []))
        offer.areas.set(values.get("areas", []))
        changed.append(offer.pk)
    return changed


@transaction.atomic
def profile_review(
    *,
    actor,
    profile: EntrepreneurProfile,
    approve: bool,
    note: str = "",
    today: datetime.date | None = None,
) -> EntrepreneurProfile:
    """A broker of a municipality the profile serves, or national staff, approves (public
    for a year) or rejects (with a note) a profile. For an approved profile with changes
    waiting, approving applies them and returning them (with a comment) leaves the approved
    version public while the entrepreneur edits again."""
    if not can_review_profile(actor, profile):
        raise PermissionDenied
    if not approve and not note.strip():
        raise ValidationError({"note": _("Say why the profile is rejected.")})
    today = today or timezone.localdate()
    profile = EntrepreneurProfile.objects.select_for_update().get(pk=profile.pk)
    name = profile.organisation.name
    if profile.review_status == ReviewStatus.APPROVED and profile.changes_pending:
        return _review_changes(actor=actor, profile=profile, approve=approve, note=note)
    profile.review_status = ReviewStatus.APPROVED if approve else ReviewStatus.REJECTED
    profile.review_note = note.strip()
    profile.reviewed_by = actor
    profile.reviewed_at = timezone.now()
    if approve:
        profile.renewal_due = today + datetime.timedelta(days=PROFILE_LIFETIME_DAYS)
        _apply_pending(profile)
    profile.save()
    audit_record(
        actor=actor,
        action="broker.profile.approved" if approve else "broker.profile.rejected",
        obj=profile,
        data={"note": profile.review_note},
    )

    def compose() -> tuple[str, str]:
        if approve:
            subject = _("Your profile on Kokeboka is approved: %(name)s") % {"name": name}
            body = _(
                "A broker has approved the profile of %(name)s. It is public until %(due)s; "
                "renew it before then.\n\n%(note)s"
            ) % {"name": name, "due": profile.renewal_due.isoformat(), "note": profile.review_note}
        else:
            subject = _("Your profile on Kokeboka needs changes: %(name)s") % {"name": name}
            body = _(
                "A broker has looked at the profile of %(name)s and asks for changes before it "
                "is public:\n\n%(note)s"
            ) % {"name": name, "note": profile.review_note}
        return subject, body

    _notify_profile_members(profile, compose=compose)
    return profile


def _review_changes(*, actor, profile: EntrepreneurProfile, approve: bool, note: str):
    name = profile.organisation.name
    profile.reviewed_by = actor
    profile.reviewed_at = timezone.now()
    if approve:
        offers = _apply_pending(profile)
        profile.review_note = note.strip()
        profile.save()
        audit_record(
            actor=actor,
            action="broker.profile.changes_approved",
            obj=profile,
            data={"offers": offers, "note": profile.review_note},
        )
    else:
        profile.changes_returned_note = note.strip()
        profile.save()
        audit_record(
            actor=actor,
            action="broker.profile.changes_returned",
            obj=profile,
            data={"note": profile.changes_returned_note},
        )

    def compose() -> tuple[str, str]:
        if approve:
            subject = _("Your changes on Kokeboka are approved: %(name)s") % {"name": name}
            body = _(
                "A broker has approved the changes to the profile of %(name)s. They are public "
                "now.\n\n%(note)s"
            ) % {"name": name, "note": profile.review_note}
        else:
            subject = _("Your changes on Kokeboka need more work: %(name)s") % {"name": name}
            body = _(
                "A broker has looked at the changes to the profile of %(name)s and returns "
                "them with a comment. The approved version stays public meanwhile.\n\n%(note)s"
            ) % {"name": name, "note": profile.changes_returned_note}
        return subject, body

    _notify_profile_members(profile, compose=compose)
    return profile


@transaction.atomic
def profile_renew(
    *, actor, profile: EntrepreneurProfile, today: datetime.date | None = None
) -> EntrepreneurProfile:
    """The entrepreneur confirms that the profile is still right: another year. A profile
    that was never approved stays with the broker."""
    if actor is not None and not can_edit_profile(actor, profile):
        raise PermissionDenied
    today = today or timezone.localdate()
    profile = EntrepreneurProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.review_status != ReviewStatus.APPROVED:
        raise ValidationError(_("Only an approved profile can be renewed."))
    old = profile.renewal_due
    profile.renewal_due = today + datetime.timedelta(days=PROFILE_LIFETIME_DAYS)
    profile.save(update_fields=["renewal_due", "updated_at"])
    audit_record(
        actor=actor,
        action="broker.profile.renewed",
        obj=profile,
        data={"from": old.isoformat() if old else None, "to": profile.renewal_due.isoformat()},
    )
    return profile
