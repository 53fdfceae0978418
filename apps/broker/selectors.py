"""Read-side queries of the broker service. Lists go through these so that drafts,
members-only and expired needs and unapproved or lapsed profiles never leak."""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.models import Municipality

from .models import (
    PUBLISHED_NEED_STATUSES,
    EntrepreneurProfile,
    Need,
    NeedStatus,
    NeedVisibility,
    Offer,
    ReviewStatus,
)
from .permissions import (
    EDIT_PROFILE_ROLES,
    is_person,
    is_platform_staff,
    is_verified_member,
    need_work_org_ids,
    org_ids_with_roles,
    profile_municipality_ids,
    review_municipality_ids,
)


def needs_visible_to(user, *, today: datetime.date | None = None) -> QuerySet[Need]:
    """Public needs for everyone; members-only published needs for members of verified
    organisations and national staff; every need of the organisations whose needs the person
    writes (drafts, closed, expired: members, admins and brokers of the owning organisation;
    not its fund managers or reviewers). As permissions.can_view_need, row for row."""
    today = today or timezone.localdate()
    qs = Need.objects.all()
    if not is_person(user):
        return qs.public(today)
    published = Q(status__in=PUBLISHED_NEED_STATUSES, expires_at__gte=today)
    condition = published & Q(visibility=NeedVisibility.PUBLIC)
    if is_verified_member(user) or is_platform_staff(user):
        condition |= published & Q(visibility=NeedVisibility.MEMBERS)
    own = need_work_org_ids(user)
    if own:
        condition |= Q(organisation_id__in=sorted(own))
    return qs.filter(condition)


def needs_visibility_scope(user) -> str:
    """What decides which needs needs_visible_to gives this person (on one day), as text:
    two people with the same scope see the same needs. Stored rankings of an offer's
    matches are kept per scope (apps.matching.rankings)."""
    if not is_person(user):
        return "anonymous"
    members = is_verified_member(user) or is_platform_staff(user)
    own = ",".join(str(pk) for pk in sorted(need_work_org_ids(user)))
    return f"{'members' if members else 'public'}:{own}"


def need_list_queryset(qs: QuerySet[Need]) -> QuerySet[Need]:
    return qs.select_related("organisation", "municipality__county").prefetch_related(
        "sectors", "target_groups"
    )


@dataclass(frozen=True)
class NeedFilters:
    q: str = ""
    sector: str = ""
    target_group: str = ""
    county: str = ""
    municipality: str = ""
    status: str = ""
    cross_sector: bool = False
    no_clear_owner: bool = False
    mine: bool = False


def needs_filtered(*, user, filters: NeedFilters) -> QuerySet[Need]:
    """The needs list, for the page and the open API alike: what the person may see,
    narrowed by every filter given (filters combine with AND; a municipality outside the
    chosen county gives nothing), newest first.

    Sectors, target groups and "cross-sector" go through subqueries on the link tables:
    no join that repeats rows, so no DISTINCT (DISTINCT over every column of 20,000 needs
    made each page cost a sort of them all)."""
    qs = needs_visible_to(user)
    if filters.q:
        for word in filters.q.split()[:8]:
            qs = qs.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(affected__icontains=word)
                | Q(outcome__icontains=word)
            )
    if filters.sector:
        qs = qs.filter(pk__in=_linked(Need.sectors, "sector", filters.sector))
    if filters.target_group:
        qs = qs.filter(pk__in=_linked(Need.target_groups, "targetgroup", filters.target_group))
    if filters.municipality:
        qs = qs.filter(municipality__code=filters.municipality)
    if filters.county:
        qs = qs.filter(municipality__county__code=filters.county)
    if filters.status in NeedStatus.values:
        qs = qs.filter(status=filters.status)
    if filters.cross_sector:
        links = Need.sectors.through.objects
        cross = links.values("need_id").annotate(n=Count("sector_id")).filter(n__gte=2)
        qs = qs.filter(pk__in=cross.values("need_id"))
    if filters.no_clear_owner:
        qs = qs.filter(no_clear_owner=True)
    if filters.mine:
        qs = qs.filter(organisation_id__in=sorted(need_work_org_ids(user)))
    return need_list_queryset(qs).order_by("-created_at", "-pk")


def need_cards(*, user, filters: NeedFilters) -> QuerySet[Need]:
    """needs_filtered with what a card of the needs page reads (broker/includes/
    need_card.html): the municipality's name and the sectors. The organisation, the county
    and the target groups that the open API prints are neither joined nor fetched."""
    return (
        needs_filtered(user=user, filters=filters)
        .select_related(None)
        .prefetch_related(None)
        .select_related("municipality")
        .prefetch_related("sectors")
    )


def _linked(relation, target: str, code: str) -> QuerySet:
    """Ids of the rows linked through a many-to-many relation to the vocabulary term with
    this code (a subquery)."""
    through = relation.through
    owner = relation.field.m2m_field_name()
    return through.objects.filter(**{f"{target}__code": code}).values(f"{owner}_id")


def offers_filtered(
    *, sector: str = "", target_group: str = "", maturity: str = ""
) -> QuerySet[Offer]:
    """Public offers narrowed by the open API's filters (AND), by title."""
    qs = public_offers()
    if sector:
        qs = qs.filter(pk__in=_linked(Offer.sectors, "sector", sector))
    if target_group:
        qs = qs.filter(pk__in=_linked(Offer.target_groups, "targetgroup", target_group))
    if maturity:
        qs = qs.filter(maturity=maturity)
    return qs.order_by("title", "pk")


def own_needs_expiring(*, user, today: datetime.date | None = None) -> QuerySet[Need]:
    """Needs of the person's organisations that are published and expire within 30 days
    or have expired: the owners are asked to renew them."""
    today = today or timezone.localdate()
    org_ids = sorted(need_work_org_ids(user))
    if not org_ids:
        return Need.objects.none()
    return (
        Need.objects.filter(
            organisation_id__in=org_ids,
            status__in=PUBLISHED_NEED_STATUSES,
            expires_at__lte=today + datetime.timedelta(days=30),
        )
        .select_related("organisation")
        .order_by("expires_at", "pk")
    )


def need_for_detail(pk: int) -> Need | None:
    return (
        Need.objects.select_related(
            "organisation__municipality", "municipality__county", "created_by"
        )
        .prefetch_related("sectors", "target_groups")
        .filter(pk=pk)
        .first()
    )


# Entrepreneurs and offers ---------------------------------------------------------------


def public_offers() -> QuerySet[Offer]:
    return Offer.objects.public()


def offers_prefetch(qs: QuerySet[Offer] | None = None) -> Prefetch:
    qs = Offer.objects.all() if qs is None else qs
    return Prefetch(
        "offers",
        queryset=qs.prefetch_related("sectors", "target_groups", "areas").order_by("title", "pk"),
    )


# How many of a profile's municipalities its card in the list names.
LISTED_AREAS = 4
# What a card of the entrepreneurs list (broker/entrepreneur_list.html) reads of a profile.
PROFILE_CARD_FIELDS = (
    "pk",
    "organisation_id",
    "summary",
    "area_national",
    "organisation__name",
    "organisation__slug",
    "organisation__work_integration",
)


@dataclass(frozen=True)
class ProfileFilters:
    q: str = ""
    sector: str = ""
    target_group: str = ""
    municipality: str = ""
    maturity: str = ""
    work_integration: bool = False


def profiles_filtered(*, filters: ProfileFilters) -> QuerySet[EntrepreneurProfile]:
    today = timezone.localdate()
    qs = EntrepreneurProfile.objects.public(today)
    offer_q = Q(offers__active=True)
    if filters.sector:
        offer_q &= Q(offers__sectors__code=filters.sector)
    if filters.target_group:
        offer_q &= Q(offers__target_groups__code=filters.target_group)
    if filters.maturity:
        offer_q &= Q(offers__maturity=filters.maturity)
    if filters.sector or filters.target_group or filters.maturity:
        qs = qs.filter(offer_q)
    if filters.municipality:
        qs = qs.filter(
            Q(area_national=True)
            | Q(areas__code=filters.municipality)
            | Q(offers__area_national=True, offers__active=True)
            | Q(offers__areas__code=filters.municipality, offers__active=True)
        )
    if filters.work_integration:
        qs = qs.filter(organisation__work_integration=True)
    if filters.q:
        for word in filters.q.split()[:8]:
            qs = qs.filter(
                Q(organisation__name__icontains=word)
                | Q(summary__icontains=word)
                | Q(offers__title__icontains=word, offers__active=True)
                | Q(offers__description__icontains=word, offers__active=True)
            )
    ids = qs.values("pk")
    return (
        EntrepreneurProfile.objects.filter(pk__in=ids)
        .select_related("organisation")
        # The columns a card prints: every approved profile is sorted by its organisation's
        # name to find a page, and narrow rows halve that sort at national volume.
        .only(*PROFILE_CARD_FIELDS)
        .prefetch_related(
            # What a card shows: the first areas by name, and each active offer's title and
            # maturity. A profile may serve every municipality; its card reads four.
            Prefetch(
                "areas",
                queryset=Municipality.objects.order_by("name", "pk")[:LISTED_AREAS],
                to_attr="listed_areas",
            ),
            Prefetch(
                "offers",
                queryset=Offer.objects.filter(active=True)
                .only("pk", "profile_id", "title", "maturity")
                .order_by("title", "pk"),
            ),
        )
        .order_by("organisation__name", "pk")
    )


def profile_for_detail(slug: str) -> EntrepreneurProfile | None:
    return (
        EntrepreneurProfile.objects.select_related("organisation", "reviewed_by")
        .prefetch_related("areas", "examples", offers_prefetch())
        .filter(organisation__slug=slug)
        .first()
    )


def profiles_pending_review(user) -> list[EntrepreneurProfile]:
    """The review queue of this person: every pending profile (and approved profile with
    changes waiting, not returned) for national staff; for a
    broker, those that serve the municipalities they broker for (or the whole country).
    Filtered in the database; the same rule as permissions.can_review_profile."""
    qs = (
        EntrepreneurProfile.objects.filter(
            Q(review_status=ReviewStatus.PENDING)
            | Q(
                review_status=ReviewStatus.APPROVED,
                changes_pending=True,
                changes_returned_note="",
            )
        )
        .select_related("organisation__municipality")
        .prefetch_related("offers__areas", "areas")
        .order_by("updated_at", "pk")
    )
    if is_platform_staff(user):
        return list(qs)
    mine = sorted(review_municipality_ids(user))
    if not mine:
        return []
    serving = (
        Q(area_national=True)
        | Q(offers__area_national=True)
        | Q(areas__in=mine)
        | Q(offers__areas__in=mine)
    )
    ids = EntrepreneurProfile.objects.filter(serving).values("pk")
    profiles = list(qs.filter(pk__in=ids))
    # The rule once more, row by row, from the prefetched rows (no extra queries).
    return [p for p in profiles if _serves(p, set(mine))]


# Changes waiting for review: the diff a broker reads -------------------------------------

_WORD = re.compile(r"\s*\S+|\s+")


@dataclass(frozen=True)
class FieldChange:
    """One changed field: text fields carry word segments ("equal", "delete", "insert",
    text) from difflib; other fields carry the old and the new value as text."""

    name: str
    label: str
    segments: tuple[tuple[str, str], ...] = ()
    old: str = ""
    new: str = ""

    @property
    def is_text(self) -> bool:
        return bool(self.segments)


@dataclass(frozen=True)
class OfferChange:
    offer: Offer
    created: bool
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ProfileChanges:
    fields: tuple[FieldChange, ...]
    offers: tuple[OfferChange, ...]

    def __bool__(self) -> bool:
        return bool(self.fields or self.offers)


def text_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Word-level difference of two texts as (operation, text) segments, so a template can
    mark deleted and inserted words (with <del>/<ins>) and escape the text itself."""
    a, b = _WORD.findall(old or ""), _WORD.findall(new or "")
    segments: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            segments.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(("insert", "".join(b[j1:j2])))
    return tuple(segments)


def _names(model, pks) -> dict[int, str]:
    return {pk: str(obj) for pk, obj in model.objects.in_bulk(sorted(pks)).items()}


def _value_text(value) -> str:
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return str(value)


def _compare(model, live: dict, pending: dict, names: dict) -> list[FieldChange]:
    changes = []
    for name, new in pending.items():
        old = live.get(name)
        label = str(model._meta.get_field(name).verbose_name).capitalize()
        if isinstance(new, list):
            if sorted(old or []) == sorted(new):
                continue
            lookup = names.get(name, {})
            changes.append(
                FieldChange(
                    name=name,
                    label=label,
                    old=", ".join(sorted(lookup.get(pk, "?") for pk in old or [])) or "–",
                    new=", ".join(sorted(lookup.get(pk, "?") for pk in new)) or "–",
                )
            )
        elif isinstance(new, str) and name in ("summary", "evidence", "title", "description"):
            if (old or "") != new:
                changes.append(
                    FieldChange(name=name, label=label, segments=text_diff(old or "", new))
                )
        elif old != new:
            field = model._meta.get_field(name)
            if field.choices:
                display = dict(field.choices)
                changes.append(
                    FieldChange(
                        name=name,
                        label=label,
                        old=str(display.get(old, old)),
                        new=str(display.get(new, new)),
                    )
                )
            else:
                changes.append(
                    FieldChange(name=name, label=label, old=_value_text(old), new=_value_text(new))
                )
    return changes


def profile_changes(profile: EntrepreneurProfile) -> ProfileChanges:
    """The waiting version of a profile and its offers compared with the approved one, field
    by field (word by word for text). A fixed number of queries, whatever the offers."""
    from apps.cases.models import CasePage
    from apps.core.models import Municipality, Sector, TargetGroup

    offers = list(
        Offer.objects.filter(profile=profile)
        .exclude(pending_changes={})
        .prefetch_related("sectors", "target_groups", "areas")
        .order_by("title", "pk")
    )
    pending = profile.pending_changes or {}
    wanted: dict[str, set[int]] = {
        "areas": set(),
        "examples": set(),
        "sectors": set(),
        "target_groups": set(),
    }
    live_profile: dict = {}
    if pending:
        live_profile = {
            "summary": profile.summary,
            "evidence": profile.evidence,
            "area_national": profile.area_national,
            "areas": [m.pk for m in profile.areas.all()],
            "examples": list(profile.examples.values_list("pk", flat=True)),
        }
        wanted["areas"] |= set(live_profile["areas"]) | set(pending.get("areas", []))
        wanted["examples"] |= set(live_profile["examples"]) | set(pending.get("examples", []))
    live_offers = {}
    for offer in offers:
        live = {
            "title": offer.title,
            "description": offer.description,
            "maturity": offer.maturity,
            "area_national": offer.area_national,
            "active": offer.active,
            "sectors": [x.pk for x in offer.sectors.all()],
            "target_groups": [x.pk for x in offer.target_groups.all()],
            "areas": [x.pk for x in offer.areas.all()],
        }
        live_offers[offer.pk] = live
        for name in ("sectors", "target_groups", "areas"):
            wanted[name] |= set(live[name]) | set(offer.pending_changes.get(name, []))
    names = {
        "areas": _names(Municipality, wanted["areas"]) if wanted["areas"] else {},
        "examples": _names(CasePage, wanted["examples"]) if wanted["examples"] else {},
        "sectors": _names(Sector, wanted["sectors"]) if wanted["sectors"] else {},
        "target_groups": _names(TargetGroup, wanted["target_groups"])
        if wanted["target_groups"]
        else {},
    }
    fields = _compare(EntrepreneurProfile, live_profile, pending, names) if pending else []
    offer_changes = []
    for offer in offers:
        # A new offer of an approved profile is inactive until approved: all of it is new.
        created = not offer.active and offer.pending_changes.get("active", False)
        live = live_offers[offer.pk]
        if created:
            live = {**live, "title": "", "description": ""}
        offer_changes.append(
            OfferChange(
                offer=offer,
                created=bool(created),
                fields=tuple(_compare(Offer, live, offer.pending_changes, names)),
            )
        )
    return ProfileChanges(fields=tuple(fields), offers=tuple(offer_changes))


def _serves(profile: EntrepreneurProfile, municipality_ids: set[int]) -> bool:
    serves = profile_municipality_ids(profile)
    return serves is None or bool(serves & municipality_ids)


def organisations_for_profile(user):
    """Entrepreneur organisations whose profile this person may create or edit."""
    from apps.accounts.models import Organisation

    from .permissions import ENTREPRENEUR_TYPES

    qs = Organisation.objects.filter(type__in=ENTREPRENEUR_TYPES).select_related(
        "entrepreneur_profile"
    )
    return qs.filter(pk__in=org_ids_with_roles(user, EDIT_PROFILE_ROLES)).order_by("name")


# Warnings before something lapses (the scheduler's jobs, apps/broker/tasks.py) -------------

EXPIRY_WARNING_DAYS = 14


def needs_expiring_soon(
    *, today: datetime.date, days: int = EXPIRY_WARNING_DAYS
) -> list[tuple[Need, list[tuple[int, str]]]]:
    """Published needs that expire within `days` days (today included), each with the
    people to warn as (user id, email): the brokers of the need's organisation, or the
    person who posted it when the organisation has no broker. Two queries, whatever the
    number of needs."""
    from apps.accounts.models import Membership, MembershipRole

    needs = list(
        Need.objects.filter(
            status__in=PUBLISHED_NEED_STATUSES,
            expires_at__gte=today,
            expires_at__lte=today + datetime.timedelta(days=days),
        )
        .select_related("organisation", "created_by")
        .order_by("expires_at", "pk")
    )
    brokers: dict[int, list[tuple[int, str]]] = {}
    for org_id, user_id, email in (
        Membership.objects.filter(
            organisation_id__in={need.organisation_id for need in needs},
            role=MembershipRole.BROKER,
            user__is_active=True,
            user__anonymised_at__isnull=True,
        )
        .order_by("user_id")
        .values_list("organisation_id", "user_id", "user__email")
        .distinct()
    ):
        brokers.setdefault(org_id, []).append((user_id, email))
    warned = []
    for need in needs:
        people = brokers.get(need.organisation_id, [])
        creator = need.created_by
        if not people and creator is not None and creator.is_active and not creator.is_anonymised:
            people = [(creator.pk, creator.email)]
        if people:
            warned.append((need, people))
    return warned


def profiles_lapsing_soon(
    *, today: datetime.date, days: int = EXPIRY_WARNING_DAYS
) -> list[tuple[EntrepreneurProfile, list[tuple[int, str]]]]:
    """Approved profiles whose yearly renewal falls due within `days` days (today
    included), each with the people who may renew it (the organisation's admins and
    members) as (user id, email). Two queries, whatever the number of profiles."""
    from apps.accounts.models import Membership

    profiles = list(
        EntrepreneurProfile.objects.filter(
            review_status=ReviewStatus.APPROVED,
            renewal_due__gte=today,
            renewal_due__lte=today + datetime.timedelta(days=days),
        )
        .select_related("organisation")
        .order_by("renewal_due", "pk")
    )
    people: dict[int, list[tuple[int, str]]] = {}
    for org_id, user_id, email in (
        Membership.objects.filter(
            organisation_id__in={profile.organisation_id for profile in profiles},
            role__in=EDIT_PROFILE_ROLES,
            user__is_active=True,
            user__anonymised_at__isnull=True,
        )
        .order_by("user_id")
        .values_list("organisation_id", "user_id", "user__email")
        .distinct()
    ):
        if (user_id, email) not in people.get(org_id, []):
            people.setdefault(org_id, []).append((user_id, email))
    return [(p, people[p.organisation_id]) for p in profiles if p.organisation_id in people]


# Site search --------------------------------------------------------------------------------


def needs_public(*, today: datetime.date | None = None) -> QuerySet[Need]:
    """Needs anyone may see (open or in dialogue, public visibility, not expired): the rows
    site search may show. Expiry is checked here, at read time, since no write marks it."""
    return Need.objects.public(today)


def profiles_public(*, today: datetime.date | None = None) -> QuerySet[EntrepreneurProfile]:
    """Approved profiles whose renewal has not lapsed: the rows site search may show."""
    return EntrepreneurProfile.objects.public(today)


# My page ("what is waiting for me") ---------------------------------------------------------


def needs_expiring_for_broker(
    *, user, today: datetime.date | None = None, days: int = EXPIRY_WARNING_DAYS
) -> QuerySet[Need]:
    """Published needs of the municipalities this person brokers for (the role counting)
    that expire within `days` days, today included: the ones to renew or close."""
    today = today or timezone.localdate()
    from apps.accounts.models import MembershipRole

    org_ids = sorted(org_ids_with_roles(user, {MembershipRole.BROKER}))
    if not org_ids:
        return Need.objects.none()
    return Need.objects.filter(
        organisation_id__in=org_ids,
        status__in=PUBLISHED_NEED_STATUSES,
        expires_at__gte=today,
        expires_at__lte=today + datetime.timedelta(days=days),
    ).order_by("expires_at", "pk")


def draft_needs_of(*, user) -> QuerySet[Need]:
    """Drafts of the organisations whose needs this person writes."""
    org_ids = sorted(need_work_org_ids(user))
    if not org_ids:
        return Need.objects.none()
    return Need.objects.filter(organisation_id__in=org_ids, status=NeedStatus.DRAFT).order_by(
        "-updated_at", "-pk"
    )


def profiles_of_editor(*, user) -> list[EntrepreneurProfile]:
    """The entrepreneur profiles this person edits, each with its offers (two queries)."""
    org_ids = sorted(org_ids_with_roles(user, EDIT_PROFILE_ROLES))
    if not org_ids:
        return []
    return list(
        EntrepreneurProfile.objects.filter(organisation_id__in=org_ids)
        .select_related("organisation")
        .prefetch_related(Prefetch("offers", queryset=Offer.objects.order_by("title", "pk")))
        .order_by("organisation__name", "pk")
    )
