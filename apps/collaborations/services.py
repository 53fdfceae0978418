"""Writes of the collaborations app: introductions, stage changes, the log, recipes and
route-guide answers used, edits with optimistic locking, and publishing as an example."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.accounts.services import email_queue
from apps.core.services import audit_record

from .models import Collaboration, Introduction, LogEntry, LogKind, StageChange
from .routeguide_links import routeguide_answer_from_url
from .stages import Stage, can_move

EDITABLE_FIELDS = ("title", "summary", "outcome", "lessons", "collaboration_form")


class CollaborationError(Exception):
    """A write refused for a reason the person can act on; str() is the message."""


class StaleVersion(CollaborationError):
    pass


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


def _locked(collaboration: Collaboration, *, version: int | None) -> Collaboration:
    """The row, locked for the rest of the transaction; `version` (when given) must be the
    one the person saw, so that nobody overwrites a change they have not seen."""
    current = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    if version is not None and current.version != version:
        raise StaleVersion(
            _(
                "Someone else changed this collaboration while you were looking at it. "
                "Check the page as it is now and try again."
            )
        )
    return current


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
    subject = render_to_string("collaborations/email/introduction_subject.txt", context)
    body = render_to_string("collaborations/email/introduction.txt", context)
    for email in _party_emails(
        collaboration.municipality_org_id, collaboration.entrepreneur_org_id, exclude=introduced_by
    ):
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
    if not can_move(current.stage, to_stage):
        raise StageNotAllowed(
            _("A collaboration cannot move from %(from)s to %(to)s.")
            % {
                "from": Stage(current.stage).label,
                "to": Stage(to_stage).label if to_stage in Stage.values else to_stage,
            }
        )
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
    current.version = F("version") + 1
    current.save(update_fields=["stage", "stage_changed_at", "version", "updated_at"])
    current.refresh_from_db()
    audit_record(
        actor=changed_by,
        action="collaborations.stage_changed",
        obj=current,
        data={"from": from_stage, "to": to_stage},
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
    current.version = F("version") + 1
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
    from apps.routeguide.selectors import answer_for

    query, situation = routeguide_answer_from_url(url, allowed_hosts=allowed_hosts)
    current = _locked(collaboration, version=None)
    answers = list(current.routeguide_answers or [])
    if any(item.get("query") == query for item in answers):
        return current
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


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>" + escape(block).replace("\n", "<br>") + "</p>" for block in blocks if block
    )


# Norwegian letters spelled out, so that the example's URL stays readable ASCII.
_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def _free_slug(index, title: str) -> str:
    from apps.cases.models import CasePage

    base = slugify(title.translate(_NORWEGIAN_LETTERS))[:200].strip("-") or "eksempel"
    taken = set(
        CasePage.objects.child_of(index)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _case_has_field(name: str) -> bool:
    from apps.cases.models import CasePage

    return any(field.name == name for field in CasePage._meta.get_fields())


@transaction.atomic
def collaboration_publish_example(*, collaboration: Collaboration, actor: User):
    """Creates and publishes an example (cases.CasePage) in Eksempelbanken from a finished
    collaboration and links it. Refused when it is not finished or already published."""
    from apps.cases.models import CaseOutcome, CasePage
    from apps.cases.selectors import case_index

    current = _locked(collaboration, version=None)
    if current.case_id is not None:
        raise AlreadyPublished(_("This collaboration has already been published as an example."))
    if current.stage != Stage.AVSLUTTET:
        raise CannotPublish(_("Only a finished collaboration can be published as an example."))
    municipality = current.municipality_org.municipality
    if municipality is None:
        raise CannotPublish(_("The municipality's organisation has no municipality number."))
    summary = current.summary.strip() or Truncator(current.outcome.strip()).chars(300)
    if not summary:
        raise CannotPublish(_("Write a summary or the outcome before publishing the example."))
    index = case_index()
    if index is None:
        raise CannotPublish(_("The examples bank does not exist yet."))
    entrepreneur = current.entrepreneur_org
    case = CasePage(
        title=current.title,
        slug=_free_slug(index, current.title),
        summary=summary,
        municipality=municipality,
        entrepreneur_name=entrepreneur.name,
        entrepreneur_url=entrepreneur.website,
        collaboration_form=current.collaboration_form,
        start_year=timezone.localtime(current.created_at).year,
        end_year=timezone.localtime(current.stage_changed_at).year,
        story=_paragraphs(current.outcome),
        lessons_learned=_paragraphs(current.lessons),
        origin_note=_("Followed as a collaboration in Kokeboka's broker service."),
        owner=actor if getattr(actor, "pk", None) else None,
    )
    if _case_has_field("entrepreneur_organisation"):
        case.entrepreneur_organisation = entrepreneur
    case.sectors = list(current.sectors.all())
    case.target_groups = list(current.target_groups.all())
    case.recipes = list(current.recipes.all())
    case.outcomes = [
        CaseOutcome(
            name=Truncator(entry.text).chars(200),
            value=entry.value,
            unit=entry.unit,
            note=Truncator(entry.text).chars(255) if len(entry.text) > 200 else "",
            sort_order=position,
        )
        for position, entry in enumerate(
            current.log_entries.filter(kind=LogKind.OUTCOME).order_by("date", "pk")
        )
    ]
    index.add_child(instance=case)
    user = actor if getattr(actor, "pk", None) else None
    # The broker's right to publish is checked by the caller, not by Wagtail's page permissions.
    case.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    current.case = case
    current.version = F("version") + 1
    current.save(update_fields=["case", "version", "updated_at"])
    current.refresh_from_db()
    audit_record(
        actor=actor,
        action="collaborations.published_as_example",
        obj=current,
        data={"case": case.pk},
    )
    return CasePage.objects.get(pk=case.pk)
