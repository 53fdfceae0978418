"""Writes of the collaborations app: introductions, stage changes, the log, recipes and
route-guide answers used, edits with optimistic locking, and publishing as an example."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.accounts.services import email_queue
from apps.cases.services import (
    CaseIndexMissing,
    ExampleOutcome,
    example_submit_from_collaboration,
)
from apps.core import locking
from apps.core.mail import in_language_of
from apps.core.services import audit_record

from .models import Collaboration, Introduction, LogEntry, LogKind, OutcomeKind, StageChange
from .routeguide_links import routeguide_answer_from_url
from .stages import Stage, can_move, is_ending, is_reopening

EDITABLE_FIELDS = ("title", "summary", "outcome", "lessons", "collaboration_form")


class CollaborationError(Exception):
    """A write refused for a reason the person can act on; str() is the message."""


class StaleVersion(locking.StaleVersion, CollaborationError):
    """Someone changed the collaboration after the person loaded it (apps.core.locking)."""


class StageNotAllowed(CollaborationError):
    pass


class AlreadyIntroduced(CollaborationError):
    def __init__(self, message: str, *, collaboration: Collaboration) -> None:
        super().__init__(message)
        self.collaboration = collaboration


class AlreadyPublished(CollaborationError):
    pass


class CannotPublish(CollaborationError):
    pass


class NoConsent(CannotPublish):
    """The entrepreneur has not consented (or consented to an earlier version of the texts)."""


class CannotReopen(CollaborationError):
    pass


def _locked(collaboration: Collaboration, *, version: int | None) -> Collaboration:
    """The row, locked for the rest of the transaction; `version` (when given) must be the
    one the person saw, so that nobody overwrites a change they have not seen."""
    return locking.lock_at_version(
        Collaboration.objects.all(),
        pk=collaboration.pk,
        version=version,
        stale=StaleVersion,
        message=_(
            "Someone else changed this collaboration while you were looking at it. "
            "Check the page as it is now and try again."
        ),
    )


# Introductions ----------------------------------------------------------------------------


def _party_emails(*org_ids: int, exclude: User | None = None) -> list[str]:
    people = (
        User.objects.filter(is_active=True, memberships__organisation_id__in=org_ids)
        .distinct()
        .order_by("email")
    )
    if exclude is not None and exclude.pk:
        people = people.exclude(pk=exclude.pk)
    return list(people.values_list("email", flat=True))


@transaction.atomic
def collaboration_introduce(
    *, need, offer, introduced_by: User, message: str, site_url: str
) -> Introduction:
    """The broker introduces the need's municipality and the offer's entrepreneur: a
    collaboration starts in the dialogue stage and every member of both organisations gets
    an email with the broker's message and a link (after commit)."""
    existing = (
        Introduction.objects.filter(need=need, offer=offer).select_related("collaboration").first()
    )
    if existing is not None:
        raise AlreadyIntroduced(
            _("These parties have already been introduced for this need."),
            collaboration=existing.collaboration,
        )
    message = message.strip()
    if not message:
        raise CollaborationError(_("Write a message to the parties."))
    entrepreneur_org = offer.profile.organisation
    now = timezone.now()
    collaboration = Collaboration.objects.create(
        need=need,
        offer=offer,
        municipality_org=need.organisation,
        entrepreneur_org=entrepreneur_org,
        title=Truncator(f"{need.title} – {entrepreneur_org.name}").chars(200),
        stage=Stage.DIALOG,
        stage_changed_at=now,
        created_by=introduced_by,
    )
    collaboration.sectors.set(need.sectors.all())
    collaboration.target_groups.set(need.target_groups.all())
    StageChange.objects.create(
        collaboration=collaboration,
        from_stage="",
        to_stage=Stage.DIALOG,
        changed_by=introduced_by,
        changed_at=now,
        note=message,
    )
    introduction = Introduction.objects.create(
        need=need,
        offer=offer,
        collaboration=collaboration,
        introduced_by=introduced_by,
        message=message,
    )
    audit_record(
        actor=introduced_by,
        action="collaborations.introduced",
        obj=collaboration,
        data={"need": need.pk, "offer": offer.pk, "introduction": introduction.pk},
    )
    _mark_need_in_dialogue(need=need, actor=introduced_by)
    context = {
        "introduction": introduction,
        "collaboration": collaboration,
        "need": need,
        "offer": offer,
        "broker": introduced_by,
        "url": site_url.rstrip("/") + collaboration.get_absolute_url(),
    }
    for email in _party_emails(
        collaboration.municipality_org_id, collaboration.entrepreneur_org_id, exclude=introduced_by
    ):
        # The broker's action, each party's language.
        with in_language_of(email=email):
            subject = render_to_string("collaborations/email/introduction_subject.txt", context)
            body = render_to_string("collaborations/email/introduction.txt", context)
        email_queue(to=email, subject=subject, body=body)
    return introduction


def _mark_need_in_dialogue(*, need, actor: User) -> None:
    """An open need that has been introduced is in dialogue (through the broker's service)."""
    from apps.broker.models import NeedStatus
    from apps.broker.services import need_set_status

    if need.status == NeedStatus.OPEN:
        need_set_status(actor=actor, need=need, status=NeedStatus.IN_DIALOGUE, version=need.version)


# Stages -----------------------------------------------------------------------------------


@transaction.atomic
def collaboration_change_stage(
    *, collaboration: Collaboration, to_stage: str, changed_by: User, version: int, note: str = ""
) -> Collaboration:
    current = _locked(collaboration, version=version)
    if is_ending(current.stage, to_stage):
        raise StageNotAllowed(
            _("Ending a collaboration needs a confirmation and its outcome: use «End».")
        )
    if is_reopening(current.stage, to_stage):
        raise StageNotAllowed(_("Only a broker can reopen a finished collaboration."))
    if not can_move(current.stage, to_stage):
        raise StageNotAllowed(
            _("A collaboration cannot move from %(from)s to %(to)s.")
            % {
                "from": Stage(current.stage).label,
                "to": Stage(to_stage).label if to_stage in Stage.values else to_stage,
            }
        )
    return _move(current, to_stage=to_stage, changed_by=changed_by, note=note)


def _move(
    current: Collaboration,
    *,
    to_stage: str,
    changed_by: User,
    note: str,
    extra_fields: dict | None = None,
) -> Collaboration:
    """Writes the move into the stage history and the row (locked by the caller)."""
    now = timezone.now()
    from_stage = current.stage
    StageChange.objects.create(
        collaboration=current,
        from_stage=from_stage,
        to_stage=to_stage,
        changed_by=changed_by,
        changed_at=now,
        note=note.strip(),
    )
    current.stage = to_stage
    current.stage_changed_at = now
    locking.next_version(current)
    for name, value in (extra_fields or {}).items():
        setattr(current, name, value)
    current.save(
        update_fields=["stage", "stage_changed_at", "version", "updated_at", *(extra_fields or {})]
    )
    current.refresh_from_db()
    audit_record(
        actor=changed_by,
        action="collaborations.stage_changed",
        obj=current,
        data={"from": from_stage, "to": to_stage},
    )
    return current


def _log(collaboration: Collaboration, *, kind: str, text: str, author: User) -> LogEntry:
    return LogEntry.objects.create(
        collaboration=collaboration,
        kind=kind,
        date=timezone.localdate(),
        text=text,
        author=author if getattr(author, "pk", None) else None,
    )


@transaction.atomic
def collaboration_end(
    *,
    collaboration: Collaboration,
    ended_by: User,
    version: int,
    outcome_kind: str,
    outcome: str,
) -> Collaboration:
    """Ends the collaboration with how it ended and what came of it (both required): the
    outcome text becomes the collaboration's outcome, and the ending is written in the stage
    history and in the log. The caller has asked the person to confirm."""
    if outcome_kind not in OutcomeKind.values:
        raise CollaborationError(_("Choose how the collaboration ended."))
    outcome = outcome.strip()
    if not outcome:
        raise CollaborationError(_("Write what came of the collaboration."))
    current = _locked(collaboration, version=version)
    if not is_ending(current.stage, Stage.AVSLUTTET):
        raise StageNotAllowed(_("This collaboration is already finished."))
    kind_label = OutcomeKind(outcome_kind).label
    current = _move(
        current,
        to_stage=Stage.AVSLUTTET,
        changed_by=ended_by,
        note=f"{kind_label}: {outcome}",
        extra_fields={"outcome_kind": outcome_kind, "outcome": outcome},
    )
    _log(current, kind=LogKind.ENDED, text=f"{kind_label}. {outcome}", author=ended_by)
    return current


def stage_before_end(collaboration: Collaboration) -> str | None:
    """The stage the collaboration was in when it was last ended (None if unknown)."""
    change = (
        collaboration.stage_changes.filter(to_stage=Stage.AVSLUTTET)
        .exclude(from_stage="")
        .order_by("-changed_at", "-pk")
        .first()
    )
    return change.from_stage if change else None


@transaction.atomic
def collaboration_reopen(
    *, collaboration: Collaboration, reopened_by: User, version: int, reason: str
) -> Collaboration:
    """A broker reopens a finished collaboration, back to the stage it was ended from, with
    a reason written in the stage history and the log. The outcome text stays (the parties
    may edit it); how it ended and the entrepreneur's consent to an example are cleared,
    since both were given for the ending. Refused once an example has gone to the examples
    bank: an editor has it, and the example must not describe a collaboration still going
    on. The caller checks that the person is a broker of the collaboration."""
    reason = reason.strip()
    if not reason:
        raise CollaborationError(_("Write why the collaboration is reopened."))
    current = _locked(collaboration, version=version)
    if current.stage != Stage.AVSLUTTET:
        raise CannotReopen(_("Only a finished collaboration can be reopened."))
    if current.case_id is not None:
        raise CannotReopen(
            _(
                "This collaboration has been sent to the examples bank. Ask an editor to "
                "delete or unpublish the example before reopening the collaboration."
            )
        )
    back_to = stage_before_end(current) or Stage.DIALOG
    if not is_reopening(current.stage, back_to):
        raise CannotReopen(_("This collaboration cannot be reopened."))
    current = _move(
        current,
        to_stage=back_to,
        changed_by=reopened_by,
        note=reason,
        extra_fields={
            "outcome_kind": "",
            "example_consent_by": None,
            "example_consent_at": None,
            "example_consent_version": None,
        },
    )
    _log(
        current,
        kind=LogKind.REOPENED,
        text=_("Reopened, back to %(stage)s. %(reason)s")
        % {"stage": Stage(back_to).label, "reason": reason},
        author=reopened_by,
    )
    return current


# Edits ------------------------------------------------------------------------------------


@transaction.atomic
def collaboration_update(
    *, collaboration: Collaboration, actor: User, version: int, **fields
) -> Collaboration:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    current = _locked(collaboration, version=version)
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    for name in changed:
        setattr(current, name, fields[name])
    if not changed:
        return current
    locking.next_version(current)
    current.save(update_fields=[*changed, "version", "updated_at"])
    current.refresh_from_db()
    audit_record(
        actor=actor, action="collaborations.updated", obj=current, data={"fields": changed}
    )
    return current


@transaction.atomic
def log_entry_add(
    *,
    collaboration: Collaboration,
    author: User,
    kind: str,
    text: str,
    date: datetime.date | None = None,
    value: Decimal | None = None,
    unit: str = "",
) -> LogEntry:
    if kind not in LogKind.values:
        raise ValueError(f"Unknown log kind {kind!r}")
    text = text.strip()
    if not text:
        raise CollaborationError(_("Write what happened."))
    if kind != LogKind.OUTCOME:
        value, unit = None, ""
    entry = LogEntry.objects.create(
        collaboration=collaboration,
        kind=kind,
        date=date or timezone.localdate(),
        text=text,
        value=value,
        unit=unit.strip(),
        author=author,
    )
    Collaboration.objects.filter(pk=collaboration.pk).update(updated_at=timezone.now())
    audit_record(
        actor=author,
        action="collaborations.log_added",
        obj=collaboration,
        data={"entry": entry.pk, "kind": kind},
    )
    return entry


@transaction.atomic
def collaboration_recipe_add(*, collaboration: Collaboration, recipe, actor: User) -> None:
    collaboration.recipes.add(recipe)
    audit_record(
        actor=actor,
        action="collaborations.recipe_added",
        obj=collaboration,
        data={"recipe": recipe.pk},
    )


@transaction.atomic
def collaboration_recipe_remove(*, collaboration: Collaboration, recipe, actor: User) -> None:
    collaboration.recipes.remove(recipe)
    audit_record(
        actor=actor,
        action="collaborations.recipe_removed",
        obj=collaboration,
        data={"recipe": recipe.pk},
    )


@transaction.atomic
def collaboration_routeguide_add(
    *, collaboration: Collaboration, url: str, actor: User, allowed_hosts: set[str]
) -> Collaboration:
    """Adds the route-guide answer at `url`; raises NotARouteGuideAnswer for anything else.
    The same answer twice is stored once."""
    query, situation = routeguide_answer_from_url(url, allowed_hosts=allowed_hosts)
    return _routeguide_store(collaboration, query=query, situation=situation, actor=actor)


# A collaboration keeps at most this many route-guide answers: its page compares each
# dated one with today, so the list stays short and the page's work bounded.
MAX_ROUTEGUIDE_ANSWERS = 20


@transaction.atomic
def collaboration_routeguide_save(
    *, collaboration: Collaboration, query: str, actor: User
) -> Collaboration:
    """Saves the answer in `query` (from the route guide's "Save to a collaboration") with
    its date, today's when it has none; raises NotARouteGuideAnswer for anything else."""
    from apps.rules.selectors import today_oslo

    from .routeguide_links import dated_answer_query

    query, situation = dated_answer_query(query, today=today_oslo())
    return _routeguide_store(collaboration, query=query, situation=situation, actor=actor)


def _routeguide_store(collaboration: Collaboration, *, query: str, situation, actor: User):
    from apps.routeguide.selectors import answer_for

    current = _locked(collaboration, version=None)
    answers = list(current.routeguide_answers or [])
    if any(item.get("query") == query for item in answers):
        return current
    if len(answers) >= MAX_ROUTEGUIDE_ANSWERS:
        raise CollaborationError(
            _(
                "The collaboration already has %(count)s route-guide answers. Remove one "
                "before you add another."
            )
            % {"count": MAX_ROUTEGUIDE_ANSWERS}
        )
    regime = answer_for(situation=situation).regime or ""
    answers.append(
        {
            "query": query,
            "regime": regime,
            "added_by": actor.pk if actor else None,
            "added_at": timezone.now().isoformat(),
        }
    )
    current.routeguide_answers = answers
    current.save(update_fields=["routeguide_answers", "updated_at"])
    audit_record(
        actor=actor,
        action="collaborations.routeguide_added",
        obj=current,
        data={"query": query},
    )
    return current


@transaction.atomic
def collaboration_routeguide_remove(
    *, collaboration: Collaboration, query: str, actor: User
) -> Collaboration:
    current = _locked(collaboration, version=None)
    answers = [item for item in current.routeguide_answers or [] if item.get("query") != query]
    if len(answers) != len(current.routeguide_answers or []):
        current.routeguide_answers = answers
        current.save(update_fields=["routeguide_answers", "updated_at"])
        audit_record(
            actor=actor,
            action="collaborations.routeguide_removed",
            obj=current,
            data={"query": query},
        )
    return current


# Publish as an example ---------------------------------------------------------------------


@transaction.atomic
def example_consent_give(
    *, collaboration: Collaboration, actor: User, version: int
) -> Collaboration:
    """The entrepreneur (a member or admin of its organisation; checked by the caller) consents
    to publishing the finished collaboration as an example, as shown to them at `version`.
    An edit of the texts afterwards raises the version, and the consent no longer covers it."""
    current = _locked(collaboration, version=version)
    if current.stage != Stage.AVSLUTTET:
        raise CannotPublish(_("Only a finished collaboration can be published as an example."))
    if current.case_id is not None:
        raise AlreadyPublished(_("This collaboration has already been sent to the examples bank."))
    current.example_consent_by = actor
    current.example_consent_at = timezone.now()
    current.example_consent_version = current.version
    current.save(
        update_fields=[
            "example_consent_by",
            "example_consent_at",
            "example_consent_version",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action="collaborations.example_consent_given",
        obj=current,
        data={"version": current.version},
    )
    return current


CONSENT_REQUEST = "collaborations.example_consent_request"


def consent_request_key(collaboration: Collaboration) -> str:
    """The ledger key of a request for consent: one per collaboration and version of its
    texts (an edit needs a new consent, so it may be asked for again)."""
    return f"{collaboration.pk}:{collaboration.version}"


@transaction.atomic
def example_consent_request(*, collaboration: Collaboration, actor: User, site_url: str) -> bool:
    """A broker asks the entrepreneur to consent to publishing the finished collaboration as
    an example: the admins of the entrepreneur's organisation get a mail with a link to the
    collaboration, where they consent, and see the request on My page. Sent once per version
    of the texts (apps.operations.ledger), however often it is asked for; False when it had
    already been sent."""
    from apps.accounts.models import Membership, MembershipRole
    from apps.operations import ledger

    current = Collaboration.objects.select_related("entrepreneur_org", "municipality_org").get(
        pk=collaboration.pk
    )
    if current.stage != Stage.AVSLUTTET:
        raise CannotPublish(_("Only a finished collaboration can be published as an example."))
    if current.case_id is not None:
        raise AlreadyPublished(_("This collaboration has already been sent to the examples bank."))
    if has_valid_consent(current):
        raise CollaborationError(_("The social entrepreneur has already consented."))
    if not ledger.claim(CONSENT_REQUEST, consent_request_key(current), ""):
        return False
    emails = sorted(
        set(
            Membership.objects.filter(
                organisation_id=current.entrepreneur_org_id,
                role=MembershipRole.ADMIN,
                user__is_active=True,
                user__anonymised_at__isnull=True,
            ).values_list("user__email", flat=True)
        )
    )
    context = {
        "collaboration": current,
        "broker": actor,
        "url": site_url.rstrip("/") + current.get_absolute_url() + "#eksempel",
    }
    for email in emails:
        with in_language_of(email=email):
            subject = render_to_string("collaborations/email/consent_request_subject.txt", context)
            body = render_to_string("collaborations/email/consent_request.txt", context)
        email_queue(to=email, subject=subject, body=body)
    audit_record(
        actor=actor,
        action="collaborations.example_consent_requested",
        obj=current,
        data={"version": current.version, "recipients": len(emails)},
    )
    return True


@transaction.atomic
def example_consent_withdraw(*, collaboration: Collaboration, actor: User) -> Collaboration:
    """Withdraws the consent, while the example has not yet gone to the examples bank."""
    current = _locked(collaboration, version=None)
    if current.case_id is not None:
        raise AlreadyPublished(_("The example is already with the editors; ask them to remove it."))
    current.example_consent_by = None
    current.example_consent_at = None
    current.example_consent_version = None
    current.save(
        update_fields=[
            "example_consent_by",
            "example_consent_at",
            "example_consent_version",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor, action="collaborations.example_consent_withdrawn", obj=current, data={}
    )
    return current


def has_valid_consent(collaboration: Collaboration) -> bool:
    """The entrepreneur consented to the texts as they are now."""
    return (
        collaboration.example_consent_at is not None
        and collaboration.example_consent_version == collaboration.version
    )


@transaction.atomic
def collaboration_publish_example(*, collaboration: Collaboration, actor: User):
    """Sends a finished collaboration to the examples bank as an example for the editors:
    creates an unpublished cases.CasePage draft with the texts the entrepreneur consented to,
    submits it for moderation (cases.services.case_submit_for_review) and links it. It goes
    live only when an editor publishes it in the Wagtail admin. Refused when the collaboration
    is not finished, already sent, or the entrepreneur has not consented to its texts as they
    are now."""
    current = _locked(collaboration, version=None)
    if current.case_id is not None:
        raise AlreadyPublished(_("This collaboration has already been sent to the examples bank."))
    if current.stage != Stage.AVSLUTTET:
        raise CannotPublish(_("Only a finished collaboration can be published as an example."))
    if current.example_consent_at is None:
        raise NoConsent(
            _("The social entrepreneur has not consented to publishing this example yet.")
        )
    if not has_valid_consent(current):
        raise NoConsent(
            _(
                "The collaboration has changed since the social entrepreneur consented. "
                "They must consent again to the texts as they are now."
            )
        )
    municipality = current.municipality_org.municipality
    if municipality is None:
        raise CannotPublish(_("The municipality's organisation has no municipality number."))
    summary = current.summary.strip() or Truncator(current.outcome.strip()).chars(300)
    if not summary:
        raise CannotPublish(_("Write a summary or the outcome before publishing the example."))
    outcomes = [
        ExampleOutcome(
            name=Truncator(entry.text).chars(200),
            value=entry.value,
            unit=entry.unit,
            note=Truncator(entry.text).chars(255) if len(entry.text) > 200 else "",
        )
        for entry in current.log_entries.filter(kind=LogKind.OUTCOME).order_by("date", "pk")
    ]
    try:
        case = example_submit_from_collaboration(
            title=current.title,
            summary=summary,
            municipality=municipality,
            entrepreneur=current.entrepreneur_org,
            collaboration_form=current.collaboration_form,
            start_year=timezone.localtime(current.created_at).year,
            end_year=timezone.localtime(current.stage_changed_at).year,
            story=current.outcome,
            lessons_learned=current.lessons,
            origin_note=_("Followed as a collaboration in Kokeboka's broker service."),
            sectors=current.sectors.all(),
            target_groups=current.target_groups.all(),
            recipes=current.recipes.all(),
            outcomes=outcomes,
            author=actor,
        )
    except CaseIndexMissing:
        raise CannotPublish(_("The examples bank does not exist yet.")) from None
    current.case = case
    locking.next_version(current)
    current.save(update_fields=["case", "version", "updated_at"])
    current.refresh_from_db()
    audit_record(
        actor=actor,
        action="collaborations.sent_to_examples_bank",
        obj=current,
        data={"case": case.pk},
    )
    return case
