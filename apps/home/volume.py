"""National volume: a realistic, deterministic data set the size of a national Kokeboka, for
measuring pages at that size (`manage.py load_volume`, `make bench-volume`).

Rows are written with bulk_create in batches; only Wagtail pages (recipes and examples) go
through the page tree one by one, because the tree paths are computed on insert. Texts are
recombined from the demo's own vocabulary (the matching evaluation set, the demo book and the
demo examples), so word frequencies look like the real thing. The same seed and scale give
the same rows (apart from ids and creation times). Every organisation it creates has a slug
starting with VOLUME_PREFIX, which is how a second run recognises the first and refuses.
"""

from __future__ import annotations

import copy
import datetime
import importlib
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

VOLUME_PREFIX = "vol-"
BATCH = 1000

# Counts at national scale ("--scale national" is factor 1.0). Municipalities and counties are
# not scaled: all current ones become organisations at every scale.
NATIONAL = {
    "people": 5000,
    "needs": 20000,
    "entrepreneurs": 8000,
    "offers": 15000,
    "collaborations": 3000,
    "funds": 50,
    "applications": 5000,
    "recipes": 200,
    "tips": 2000,
    "tried_reports": 1000,
    "examples": 2000,
    "meetings": 500,
    "registrations": 50000,
}

FIRST_NAMES = [
    "Anne",
    "Kari",
    "Ingrid",
    "Marit",
    "Liv",
    "Hilde",
    "Silje",
    "Nora",
    "Emma",
    "Sofie",
    "Ida",
    "Ingeborg",
    "Astrid",
    "Solveig",
    "Turid",
    "Ole",
    "Lars",
    "Per",
    "Jan",
    "Knut",
    "Bjørn",
    "Arne",
    "Kjetil",
    "Håkon",
    "Magnus",
    "Sindre",
    "Eirik",
    "Tor",
    "Øyvind",
    "Jonas",
    "Even",
]
LAST_NAMES = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Johnsen",
    "Pettersen",
    "Eriksen",
    "Berg",
    "Haugen",
    "Hagen",
    "Johannessen",
    "Andreassen",
    "Jacobsen",
    "Dahl",
    "Jørgensen",
    "Halvorsen",
    "Henriksen",
    "Lund",
    "Sørensen",
    "Moen",
    "Gundersen",
    "Strand",
    "Solberg",
    "Bakken",
    "Kristoffersen",
    "Martinsen",
]
ENTREPRENEUR_WORDS = [
    "Grønn",
    "Hverdag",
    "Sammen",
    "Arbeid",
    "Mestring",
    "Inkludering",
    "Neste",
    "Steg",
    "Fellesskap",
    "Livskraft",
    "Aktiv",
    "Trygg",
    "Framtid",
    "Nabolag",
    "Matglede",
    "Læring",
    "Omsorg",
    "Gründer",
    "Bygda",
    "Kraft",
    "Varde",
    "Spire",
    "Bro",
    "Los",
]
ENTREPRENEUR_SUFFIXES = ("AS", "SA", "Stiftelsen", "Verksted", "Kollektiv", "Partner", "Lab")
MEETING_THEMES = (
    "Dialogmøte om behov i helse og omsorg",
    "Frokostmøte om sosialt entreprenørskap",
    "Markedsdialog om arbeidsinkludering",
    "Verksted om innovative anskaffelser",
    "Erfaringsdeling om samarbeid med ideelle",
    "Innovasjonsdag for oppvekst",
)
CHANGE_NOTES = (
    "Oppdatert med erfaringer fra flere kommuner.",
    "Nye fallgruver fra en dialogkonferanse lagt til.",
    "Steget om budsjett er gjort tydeligere.",
    "Lenker til regelverket er oppdatert.",
)


@dataclass
class Report:
    """What was written and how long each part took, for the command's output."""

    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def timed(self, name: str, work: Callable[[], int]) -> None:
        started = time.perf_counter()
        self.counts[name] = work()
        self.seconds[name] = time.perf_counter() - started


class AlreadyLoaded(Exception):
    """The volume data set is in this database already."""


def scaled_counts(factor: float) -> dict[str, int]:
    return {name: max(1, round(count * factor)) for name, count in NATIONAL.items()}


def already_loaded() -> bool:
    from apps.accounts.models import Organisation

    return Organisation.objects.filter(slug__startswith=VOLUME_PREFIX).exists()


def _sentences(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        plain = re.sub(r"<[^>]+>", " ", text or "")
        found += [s.strip() for s in re.split(r"(?<=[.!?])\s+", plain) if len(s.strip()) > 20]
    return found


class Vocabulary:
    """Titles and sentences from the demo's own texts."""

    def __init__(self) -> None:
        from apps.matching.evaluate import load_set

        evaluation = load_set()
        self.need_titles = [item["title"] for item in evaluation.needs]
        self.offer_titles = [item["title"] for item in evaluation.offers]
        self.need_sentences = _sentences(
            [item.get(k, "") for item in evaluation.needs for k in ("description", "affected")]
        )
        self.outcome_sentences = _sentences([item.get("outcome", "") for item in evaluation.needs])
        self.offer_sentences = _sentences(
            [item.get("description", "") for item in evaluation.offers]
        )
        book = importlib.import_module("apps.cookbook.demo_files")
        self.chapters = book.chapters_data(book.read_demo_content())
        self.recipes = [recipe for chapter in self.chapters for recipe in chapter["recipes"]]
        self.cases = importlib.import_module("apps.cases.demo_files").read_demo_content().cases
        self.recipe_sentences = _sentences(
            [step.get("text", "") for recipe in self.recipes for step in recipe.get("steps", [])]
        )


class VolumeLoader:
    """Writes the volume data set. Call load(); it refuses a database that has it already."""

    def __init__(self, *, factor: float, seed: int, log: Callable[[str], None] = print):
        self.factor = factor
        self.counts = scaled_counts(factor)
        self.rng = random.Random(seed)
        self.log = log
        self.report = Report()
        self.now = timezone.now().replace(microsecond=0)
        self.today = timezone.localdate()

    # Helpers ------------------------------------------------------------------------------

    def _text(self, pool: list[str], count: int) -> str:
        return " ".join(self.rng.sample(pool, min(count, len(pool))))

    def _links(self, through, owner: str, target: str, rows, choices, least: int, most: int):
        links = []
        for row in rows:
            picked = self.rng.sample(choices, self.rng.randint(least, min(most, len(choices))))
            links += [through(**{f"{owner}_id": row.pk, f"{target}_id": pk}) for pk in picked]
        through.objects.bulk_create(links, batch_size=BATCH * 2)
        return len(links)

    def _ago(self, days_most: int) -> datetime.datetime:
        return self.now - datetime.timedelta(
            days=self.rng.randint(1, days_most), minutes=self.rng.randint(0, 1440)
        )

    # The whole run ------------------------------------------------------------------------

    def load(self) -> Report:
        from apps.matching import services as matching_services

        if already_loaded():
            raise AlreadyLoaded
        self.vocabulary = Vocabulary()
        from apps.core.models import Sector, TargetGroup

        self.sector_ids = list(Sector.objects.order_by("pk").values_list("pk", flat=True))
        self.group_ids = list(TargetGroup.objects.order_by("pk").values_list("pk", flat=True))
        steps = [
            ("organisations", self._public_organisations),
            ("people", self._people),
            ("needs", self._needs),
            ("entrepreneurs", self._entrepreneurs),
            ("offers", self._offers),
            ("collaborations", self._collaborations),
            ("applications", self._funds),
            ("recipes", self._recipes),
            ("tips", self._contributions),
            ("examples", self._examples),
            ("meetings", self._meetings),
        ]
        with matching_services.indexing_paused():
            for name, step in steps:
                with transaction.atomic():
                    self.report.timed(name, step)
                self.log(
                    f"  {name}: {self.report.counts[name]} in {self.report.seconds[name]:.1f} s"
                )
        self.report.timed("matching index", self._matching_index)
        self.log(f"  matching index: {self.report.seconds['matching index']:.1f} s")
        return self.report

    # Organisations and people ---------------------------------------------------------------

    def _public_organisations(self) -> int:
        """Every current municipality and county as a verified organisation; the demo's own
        municipality organisations are reused."""
        from apps.accounts.models import Organisation, OrganisationType, VerificationSource
        from apps.core.models import County, Municipality

        existing = {
            org.municipality_id: org
            for org in Organisation.objects.filter(municipality__isnull=False).order_by("pk")
        }
        municipalities = list(
            Municipality.objects.current().select_related("county").order_by("code")
        )
        new = [
            Organisation(
                name=f"{m.name} kommune",
                slug=f"{VOLUME_PREFIX}kommune-{m.code}-{slugify(m.name)}",
                type=OrganisationType.KOMMUNE,
                municipality=m,
                county=m.county,
                verified_at=self.now,
                verified_via=VerificationSource.STAFF,
            )
            for m in municipalities
            if m.pk not in existing
        ]
        counties = list(County.objects.current().order_by("code"))
        new += [
            Organisation(
                name=f"{c.name} fylkeskommune",
                slug=f"{VOLUME_PREFIX}fylke-{c.code}-{slugify(c.name)}",
                type=OrganisationType.FYLKESKOMMUNE,
                county=c,
                verified_at=self.now,
                verified_via=VerificationSource.STAFF,
            )
            for c in counties
        ]
        Organisation.objects.bulk_create(new, batch_size=BATCH)
        by_municipality = {
            org.municipality_id: org
            for org in Organisation.objects.filter(municipality__isnull=False)
        }
        by_municipality.update(existing)
        self.kommuner = [by_municipality[m.pk] for m in municipalities]
        self.fylker = list(
            Organisation.objects.filter(
                type=OrganisationType.FYLKESKOMMUNE, slug__startswith=VOLUME_PREFIX
            ).order_by("slug")
        )
        self.municipality_ids = [m.pk for m in municipalities]
        return len(new)

    def _people(self) -> int:
        """People with unusable passwords; each municipality gets a broker and an adviser,
        each county a fund manager and reviewers; the rest run social enterprises."""
        from apps.accounts.models import Membership, MembershipRole, User

        users = []
        for index in range(self.counts["people"]):
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
            local = slugify(f"{first}.{last}".replace("ø", "o").replace("å", "a"))
            users.append(
                User(
                    email=f"{VOLUME_PREFIX}{local}.{index}@example.no",
                    first_name=first,
                    last_name=last,
                    password=UNUSABLE_PASSWORD_PREFIX + "volume",
                    email_verified_at=self.now,
                )
            )
        self.people = User.objects.bulk_create(users, batch_size=BATCH)
        memberships = []
        self.kommune_person = {}
        cursor = 0
        for org in self.kommuner:
            person = self.people[cursor % len(self.people)]
            cursor += 1
            self.kommune_person[org.pk] = person
            memberships.append(
                Membership(user=person, organisation=org, role=MembershipRole.BROKER)
            )
            memberships.append(
                Membership(user=person, organisation=org, role=MembershipRole.MEMBER)
            )
        self.fund_staff = {}
        for org in self.fylker + self.kommuner[: max(0, self.counts["funds"] - len(self.fylker))]:
            manager = self.people[cursor % len(self.people)]
            reviewers = [self.people[(cursor + k) % len(self.people)] for k in (1, 2, 3)]
            cursor += 4
            self.fund_staff[org.pk] = (manager, reviewers)
            memberships.append(
                Membership(user=manager, organisation=org, role=MembershipRole.FUND_MANAGER)
            )
            memberships += [
                Membership(user=r, organisation=org, role=MembershipRole.REVIEWER)
                for r in reviewers
            ]
        self.entrepreneur_people = self.people[cursor:] or self.people
        Membership.objects.bulk_create(memberships, batch_size=BATCH, ignore_conflicts=True)
        return len(users)

    # Needs, entrepreneurs and offers -------------------------------------------------------

    def _needs(self) -> int:
        from apps.broker.models import Need, NeedStatus, NeedVisibility

        words = self.vocabulary
        statuses = (
            [NeedStatus.OPEN] * 14
            + [NeedStatus.IN_DIALOGUE] * 3
            + [
                NeedStatus.DRAFT,
                NeedStatus.CLOSED,
            ]
        )
        rows = []
        self.cross_sector = set()
        for index in range(self.counts["needs"]):
            org = self.rng.choice(self.kommuner)
            cross = index % 3 == 0
            budget = self.rng.choice([None, 50_000, 200_000, 500_000, 1_500_000])
            rows.append(
                Need(
                    organisation=org,
                    municipality_id=org.municipality_id,
                    title=self.rng.choice(words.need_titles),
                    description=self._text(words.need_sentences, 3),
                    affected=self._text(words.need_sentences, 1),
                    tried=self._text(words.need_sentences, 1) if index % 2 else "",
                    outcome=self._text(words.outcome_sentences, 1),
                    no_clear_owner=cross and index % 2 == 0,
                    budget_min=budget // 2 if budget else None,
                    budget_max=budget,
                    timeframe=self.rng.choice(["", "Høsten", "I løpet av året", "Innen to år"]),
                    status=self.rng.choice(statuses),
                    visibility=NeedVisibility.PUBLIC if index % 8 else NeedVisibility.MEMBERS,
                    expires_at=self.today + datetime.timedelta(days=self.rng.randint(-30, 365)),
                    created_by=self.kommune_person[org.pk],
                )
            )
        self.needs = Need.objects.bulk_create(rows, batch_size=BATCH)
        sector_links = []
        for index, need in enumerate(self.needs):
            count = self.rng.randint(2, 3) if index % 3 == 0 else 1
            sector_links += [
                Need.sectors.through(need_id=need.pk, sector_id=pk)
                for pk in self.rng.sample(self.sector_ids, count)
            ]
        Need.sectors.through.objects.bulk_create(sector_links, batch_size=BATCH * 2)
        self._links(
            Need.target_groups.through, "need", "targetgroup", self.needs, self.group_ids, 1, 2
        )
        return len(self.needs)

    def _entrepreneurs(self) -> int:
        from apps.accounts.models import (
            LegalForm,
            Membership,
            MembershipRole,
            Organisation,
            OrganisationType,
        )
        from apps.broker.models import EntrepreneurProfile, ReviewStatus

        words = self.vocabulary
        orgs = []
        for index in range(self.counts["entrepreneurs"]):
            name = " ".join(self.rng.sample(ENTREPRENEUR_WORDS, 2))
            name = f"{name} {self.rng.choice(ENTREPRENEUR_SUFFIXES)}"
            orgs.append(
                Organisation(
                    name=name,
                    slug=f"{VOLUME_PREFIX}se-{index}-{slugify(name)}",
                    type=OrganisationType.SOSIAL_ENTREPRENOR,
                    legal_form=self.rng.choice(list(LegalForm.values)),
                    work_integration=index % 5 == 0,
                    description=self._text(words.offer_sentences, 1),
                )
            )
        orgs = Organisation.objects.bulk_create(orgs, batch_size=BATCH)
        statuses = [ReviewStatus.APPROVED] * 8 + [ReviewStatus.PENDING]
        if len(ReviewStatus.values) > 2:
            statuses.append(ReviewStatus.values[-1])
        profiles = [
            EntrepreneurProfile(
                organisation=org,
                summary=self._text(words.offer_sentences, 2),
                evidence=self._text(words.outcome_sentences, 1) if index % 2 else "",
                area_national=index % 7 == 0,
                review_status=self.rng.choice(statuses),
                reviewed_at=self.now,
            )
            for index, org in enumerate(orgs)
        ]
        self.profiles = EntrepreneurProfile.objects.bulk_create(profiles, batch_size=BATCH)
        regional = [p for p in self.profiles if not p.area_national]
        self._links(
            EntrepreneurProfile.areas.through,
            "entrepreneurprofile",
            "municipality",
            regional,
            self.municipality_ids,
            1,
            4,
        )
        Membership.objects.bulk_create(
            [
                Membership(
                    user=self.entrepreneur_people[index % len(self.entrepreneur_people)],
                    organisation=org,
                    role=MembershipRole.ADMIN,
                )
                for index, org in enumerate(orgs)
            ],
            batch_size=BATCH,
            ignore_conflicts=True,
        )
        return len(orgs)

    def _offers(self) -> int:
        from apps.broker.models import Maturity, Offer

        words = self.vocabulary
        rows = [
            Offer(
                profile=self.profiles[index % len(self.profiles)],
                title=self.rng.choice(words.offer_titles),
                description=self._text(words.offer_sentences, 3),
                maturity=self.rng.choice(list(Maturity.values)),
                area_national=self.rng.random() < 0.15,
                active=index % 20 != 0,
            )
            for index in range(self.counts["offers"])
        ]
        self.offers = Offer.objects.bulk_create(rows, batch_size=BATCH)
        self._links(Offer.sectors.through, "offer", "sector", self.offers, self.sector_ids, 1, 2)
        self._links(
            Offer.target_groups.through, "offer", "targetgroup", self.offers, self.group_ids, 1, 2
        )
        regional = [offer for offer in self.offers if not offer.area_national]
        self._links(
            Offer.areas.through, "offer", "municipality", regional, self.municipality_ids, 0, 3
        )
        return len(self.offers)

    def _collaborations(self) -> int:
        from apps.cases.models import CollaborationForm
        from apps.collaborations.models import Collaboration, Introduction, StageChange
        from apps.collaborations.stages import Stage

        stages = (
            [Stage.DIALOG] * 4
            + [Stage.UTFORSKING] * 3
            + [Stage.UTPROVING] * 2
            + [
                Stage.AVTALE,
                Stage.DRIFT,
                Stage.AVSLUTTET,
            ]
        )
        pairs = set()
        rows = []
        total = min(self.counts["collaborations"], len(self.needs) * len(self.offers))
        while len(rows) < total:
            need = self.rng.choice(self.needs)
            offer = self.rng.choice(self.offers)
            if (need.pk, offer.pk) in pairs:
                continue
            pairs.add((need.pk, offer.pk))
            changed = self._ago(400)
            rows.append(
                Collaboration(
                    need=need,
                    offer=offer,
                    municipality_org_id=need.organisation_id,
                    entrepreneur_org_id=offer.profile.organisation_id,
                    title=f"{need.title} – {offer.title}"[:200],
                    stage=self.rng.choice(stages),
                    stage_changed_at=changed,
                    summary=self._text(self.vocabulary.outcome_sentences, 1),
                    collaboration_form=self.rng.choice(["", *CollaborationForm.values]),
                    created_by=self.kommune_person[need.organisation_id],
                )
            )
        rows = Collaboration.objects.bulk_create(rows, batch_size=BATCH)
        Introduction.objects.bulk_create(
            [
                Introduction(
                    need_id=row.need_id,
                    offer_id=row.offer_id,
                    collaboration=row,
                    introduced_by=row.created_by,
                    message="Dere ser ut til å passe godt sammen – ta gjerne en prat.",
                )
                for row in rows
            ],
            batch_size=BATCH,
        )
        StageChange.objects.bulk_create(
            [
                StageChange(
                    collaboration=row,
                    from_stage="",
                    to_stage=row.stage,
                    changed_by=row.created_by,
                    changed_at=row.stage_changed_at,
                )
                for row in rows
            ],
            batch_size=BATCH,
        )
        self._links(
            Collaboration.sectors.through, "collaboration", "sector", rows, self.sector_ids, 1, 2
        )
        return len(rows)

    # Funds, applications, reviews and grants ------------------------------------------------

    def _funds(self) -> int:
        from apps.fund.models import (
            Application,
            ApplicationStatus,
            Call,
            Criterion,
            Fund,
            StatusChange,
        )
        from apps.grants.models import Decision, Outcome, ReviewerAssignment, Score
        from apps.grants.scoring import SCORE_MAX, SCORE_MIN

        owners = list(self.fund_staff)[: self.counts["funds"]]
        org_by_pk = {org.pk: org for org in self.fylker + self.kommuner}
        funds = Fund.objects.bulk_create(
            [
                Fund(
                    organisation_id=pk,
                    name=f"{org_by_pk[pk].name}s innovasjonsfond",
                    slug=f"{VOLUME_PREFIX}fond-{index}",
                    description=self._text(self.vocabulary.outcome_sentences, 2),
                )
                for index, pk in enumerate(owners)
            ]
        )
        calls = Call.objects.bulk_create(
            [
                Call(
                    fund=fund,
                    title=f"Utlysning {2024 + index % 3}: sosialt entreprenørskap",
                    slug=f"utlysning-{index}",
                    text=self._text(self.vocabulary.outcome_sentences, 3),
                    eligible_applicants=["own_services"],
                    budget=5_000_000,
                    max_amount=1_000_000,
                    opens_at=self.now - datetime.timedelta(days=200 + index),
                    deadline=self.now + datetime.timedelta(days=(-100 if index % 2 else 60)),
                    published=True,
                )
                for index, fund in enumerate(funds)
            ]
        )
        criteria = Criterion.objects.bulk_create(
            [
                Criterion(call=call, name=name, weight=weight, order=order)
                for call in calls
                for order, (name, weight) in enumerate(
                    [("Behov og målgruppe", 40), ("Gjennomførbarhet", 30), ("Samarbeid", 30)]
                )
            ]
        )
        criteria_of = {}
        for criterion in criteria:
            criteria_of.setdefault(criterion.call_id, []).append(criterion)
        S = ApplicationStatus
        statuses = [S.DRAFT] * 3 + [S.SUBMITTED] * 3 + [S.IN_REVIEW] * 5 + [S.GRANTED] * 4
        statuses += [S.REJECTED] * 3 + [S.IN_PROGRESS, S.COMPLETED]
        applications = []
        for index in range(self.counts["applications"]):
            call = calls[index % len(calls)]
            org = self.rng.choice(self.kommuner)
            status = self.rng.choice(statuses)
            applications.append(
                Application(
                    call=call,
                    organisation=org,
                    created_by=self.kommune_person[org.pk],
                    title=self.rng.choice(self.vocabulary.need_titles),
                    summary=self._text(self.vocabulary.need_sentences, 2),
                    description=self._text(self.vocabulary.offer_sentences, 3),
                    need_text=self._text(self.vocabulary.need_sentences, 1),
                    sector_id=self.rng.choice(self.sector_ids),
                    status=status,
                    amount_requested=self.rng.randrange(100_000, 1_000_000, 10_000),
                    submitted_at=None if status == S.DRAFT else self._ago(150),
                )
            )
        applications = Application.objects.bulk_create(applications, batch_size=BATCH)
        StatusChange.objects.bulk_create(
            [
                StatusChange(
                    application=a,
                    from_status=S.DRAFT,
                    to_status=S.SUBMITTED,
                    actor=a.created_by,
                    at=a.submitted_at,
                )
                for a in applications
                if a.submitted_at
            ],
            batch_size=BATCH,
        )
        fund_of_call = {call.pk: call.fund.organisation_id for call in calls}
        reviewed = {S.IN_REVIEW, S.GRANTED, S.REJECTED, S.IN_PROGRESS, S.COMPLETED}
        decided = {S.GRANTED: Outcome.GRANTED, S.REJECTED: Outcome.REJECTED}
        decided[S.IN_PROGRESS] = decided[S.COMPLETED] = Outcome.GRANTED
        assignments, decisions = [], []
        for application in applications:
            if application.status not in reviewed:
                continue
            manager, reviewers = self.fund_staff[fund_of_call[application.call_id]]
            done = application.status in decided
            for reviewer in self.rng.sample(reviewers, 2):
                assignments.append(
                    ReviewerAssignment(
                        application=application,
                        reviewer=reviewer,
                        assigned_by=manager,
                        completed_at=self.now if done else None,
                    )
                )
            if done:
                outcome = decided[application.status]
                decisions.append(
                    Decision(
                        application=application,
                        outcome=outcome,
                        amount=application.amount_requested if outcome == Outcome.GRANTED else 0,
                        reasons="Søknaden er vurdert etter kriteriene i utlysningen.",
                        decided_by=manager,
                        decided_at=self.now - datetime.timedelta(days=self.rng.randint(1, 90)),
                    )
                )
        assignments = ReviewerAssignment.objects.bulk_create(assignments, batch_size=BATCH)
        call_of = {a.pk: a.call_id for a in applications}
        Score.objects.bulk_create(
            [
                Score(
                    assignment=assignment,
                    criterion=criterion,
                    score=self.rng.randint(SCORE_MIN, SCORE_MAX),
                )
                for assignment in assignments
                if assignment.completed_at or self.rng.random() < 0.5
                for criterion in criteria_of[call_of[assignment.application_id]]
            ],
            batch_size=BATCH,
        )
        Decision.objects.bulk_create(decisions, batch_size=BATCH)
        return len(applications)

    # Pages: recipes with revisions, examples ---------------------------------------------------

    def _indexes(self):
        """The cookbook and example indexes of the demo, created (published) when missing."""
        from apps.cases.models import CaseIndexPage
        from apps.cookbook.models import CookbookIndexPage
        from apps.home.testing import ensure_home_page

        home = ensure_home_page()
        book = CookbookIndexPage.objects.child_of(home).first()
        if book is None:
            book = CookbookIndexPage(title="Kokeboka", slug="kokeboka")
            home.add_child(instance=book)
            book.save_revision().publish()
        cases = CaseIndexPage.objects.child_of(home).first()
        if cases is None:
            data = importlib.import_module("apps.cases.demo_files").read_demo_content().index
            cases = CaseIndexPage(title=data.title, slug=data.slug, intro=data.body)
            home.add_child(instance=cases)
            cases.save_revision().publish()
        return book, cases

    def _recipes(self) -> int:
        """Recipes recombined from the demo book, each published and then revised once through
        the editors' service, so every change log has two versions."""
        from apps.cookbook.demo import apply_recipe_data
        from apps.cookbook.models import ChapterPage, RecipePage
        from apps.cookbook.services import recipe_publish_revision
        from apps.rules.models import LegalRule

        book, _cases = self._indexes()
        chapters = list(ChapterPage.objects.child_of(book).order_by("path"))
        if not chapters:
            for data in self.vocabulary.chapters:
                chapter = ChapterPage(title=data["title"], slug=data["slug"], intro=data["intro"])
                book.add_child(instance=chapter)
                chapter.save_revision().publish()
                chapters.append(chapter)
        known_rules = set(LegalRule.objects.values_list("code", flat=True))
        self.recipe_pages = []
        for index in range(self.counts["recipes"]):
            template = copy.deepcopy(self.rng.choice(self.vocabulary.recipes))
            place = self.rng.choice(self.kommuner).name.removesuffix(" kommune")
            template["title"] = f"{template['title']} – slik gjorde {place}"[:255]
            template["legal_rules"] = [
                c for c in template.get("legal_rules", []) if c in known_rules
            ]
            for key in ("related", "revisions"):
                template.pop(key, None)
            recipe = RecipePage(
                title=template["title"],
                slug=f"{VOLUME_PREFIX}{index}-{slugify(template['slug'])}"[:255],
                live=False,
            )
            apply_recipe_data(recipe, template)
            self.rng.choice(chapters).add_child(instance=recipe)
            recipe_publish_revision(recipe=recipe, change_note="Første publiserte versjon.")
            recipe = RecipePage.objects.get(pk=recipe.pk)
            recipe.summary = f"{recipe.summary} {self._text(self.vocabulary.recipe_sentences, 1)}"
            recipe_publish_revision(recipe=recipe, change_note=self.rng.choice(CHANGE_NOTES))
            self.recipe_pages.append(recipe)
        return len(self.recipe_pages)

    def _contributions(self) -> int:
        from apps.contributions.models import Outcome, Status, Tip, TriedReport
        from apps.cookbook.models import RecipePage

        recipe_ids = list(RecipePage.objects.live().order_by("pk").values_list("pk", flat=True))
        statuses = [Status.PUBLISHED] * 8 + [Status.PENDING, Status.HIDDEN]
        tips = Tip.objects.bulk_create(
            [
                Tip(
                    recipe_id=self.rng.choice(recipe_ids),
                    author=self.rng.choice(self.people),
                    status=self.rng.choice(statuses),
                    moderated_at=self.now,
                    text=self._text(self.vocabulary.recipe_sentences, 2)[:2000],
                )
                for _ in range(self.counts["tips"])
            ],
            batch_size=BATCH,
        )
        reports = []
        for _ in range(self.counts["tried_reports"]):
            org = self.rng.choice(self.kommuner)
            reports.append(
                TriedReport(
                    recipe_id=self.rng.choice(recipe_ids),
                    author=self.kommune_person[org.pk],
                    status=self.rng.choice(statuses),
                    moderated_at=self.now,
                    organisation=org,
                    municipality_id=org.municipality_id,
                    year=self.rng.randint(2019, self.today.year),
                    outcome=self.rng.choice(list(Outcome.values)),
                    what_we_would_do_differently=self._text(self.vocabulary.need_sentences, 1),
                )
            )
        TriedReport.objects.bulk_create(reports, batch_size=BATCH)
        return len(tips) + len(reports)

    def _examples(self) -> int:
        """Examples from the demo's, moved to other municipalities and entrepreneurs. Published
        pages without a revision each (a revision per example would triple the time and no
        page reads an example's history)."""
        from apps.cases.models import CasePage, CollaborationForm
        from apps.core.demo_markdown import to_html
        from apps.core.models import Sector, TargetGroup

        _book, index = self._indexes()
        sectors = list(Sector.objects.order_by("pk"))
        groups = list(TargetGroup.objects.order_by("pk"))
        entrepreneurs = [profile.organisation for profile in self.profiles]
        count = 0
        for number in range(self.counts["examples"]):
            template = self.rng.choice(self.vocabulary.cases)
            org = self.rng.choice(self.kommuner)
            partner = self.rng.choice(entrepreneurs)
            start = self.rng.randint(2015, self.today.year)
            title = f"{template.title} i {org.name.removesuffix(' kommune')}"[:255]
            case = CasePage(
                title=title,
                slug=f"{VOLUME_PREFIX}{number}-{slugify(template.slug)}"[:255],
                summary=template.summary,
                municipality_id=org.municipality_id,
                entrepreneur_name=partner.name,
                entrepreneur_organisation=partner,
                collaboration_form=self.rng.choice(list(CollaborationForm.values)),
                start_year=start,
                end_year=start + 2 if number % 3 == 0 else None,
                story=to_html(template.story),
                lessons_learned=to_html(template.lessons),
                live=True,
                first_published_at=self._ago(900),
            )
            case.sectors = self.rng.sample(sectors, self.rng.randint(1, 2))
            case.target_groups = self.rng.sample(groups, 1)
            index.add_child(instance=case)
            count += 1
        return count

    # Meetings and registrations ------------------------------------------------------------

    def _meetings(self) -> int:
        from apps.events.models import Event, EventStatus, Registration, RegistrationStatus, Role

        events = []
        for index in range(self.counts["meetings"]):
            org = self.rng.choice(self.kommuner + self.fylker)
            start = self.now + datetime.timedelta(days=self.rng.randint(-700, 200), hours=9)
            theme = self.rng.choice(MEETING_THEMES)
            events.append(
                Event(
                    title=f"{theme} – {org.name}",
                    slug=f"{VOLUME_PREFIX}{index}-{slugify(theme)}"[:100],
                    summary=self._text(self.vocabulary.outcome_sentences, 1)[:500],
                    description=self._text(self.vocabulary.need_sentences, 3),
                    start=start,
                    end=start + datetime.timedelta(hours=3),
                    place_name=f"{org.name}, rådhuset",
                    capacity=self.rng.choice([60, 100, 150]),
                    registration_deadline=start - datetime.timedelta(days=2),
                    status=EventStatus.PUBLISHED if index % 20 else EventStatus.DRAFT,
                    organisation=org,
                )
            )
        events = Event.objects.bulk_create(events, batch_size=BATCH)
        per_event = max(1, self.counts["registrations"] // len(events))
        roles = list(Role.values)
        registrations = []
        for event in events:
            for position in range(per_event):
                first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
                waiting = position >= event.capacity
                at = event.start - datetime.timedelta(days=self.rng.randint(3, 60))
                registrations.append(
                    Registration(
                        event=event,
                        name=f"{first} {last}",
                        email=f"deltaker{position}.{event.pk}@example.no",
                        organisation=self.rng.choice(self.kommuner).name,
                        role=self.rng.choice(roles),
                        status=RegistrationStatus.WAITING
                        if waiting
                        else RegistrationStatus.CONFIRMED,
                        position=position - event.capacity + 1 if waiting else None,
                        cancel_token=f"{self.rng.getrandbits(192):048x}",
                        created_at=at,
                        confirmed_at=None if waiting else at,
                    )
                )
        Registration.objects.bulk_create(registrations, batch_size=BATCH)
        self.report.counts["registrations"] = len(registrations)
        return len(events)

    # Derived data ---------------------------------------------------------------------------

    def _matching_index(self) -> int:
        from apps.matching import services

        services.index_in_batches(
            need_ids=[need.pk for need in self.needs],
            offer_ids=[offer.pk for offer in self.offers],
            batch=BATCH,
        )
        return len(self.needs) + len(self.offers)
