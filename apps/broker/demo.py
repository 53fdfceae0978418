"""Demo content for the broker service: entrepreneur profiles with offers, needs, and three
demo people (a broker and an adviser in the invented Fjordvik kommune, an entrepreneur in an
invented company). The profiles, offers and needs are data in content/demo/broker/ (read by
apps.broker.demo_files); this module makes the rows.

The named social entrepreneurs come from apps.accounts.demo (the checked facts); their
profiles and offers only restate what those facts say. The other entrepreneurs are
invented and named «… (fiktiv)». Every need belongs to one of the invented municipalities of
apps.accounts.demo, so no budget, figure or plan is put on a real municipality
(docs/decisions/0021-honest-demo-content.md). Offer keys and texts stay as they are: the
matching evaluation (apps/matching/evaluation) ranks them."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from apps.accounts.demo import HOME
from apps.accounts.models import MembershipRole, Organisation, OrganisationType

from . import demo_files
from .models import (
    PROFILE_LIFETIME_DAYS,
    EntrepreneurProfile,
    Need,
    Offer,
    ReviewStatus,
)

# The invented entrepreneur whose admin is the demo entrepreneur person.
DEMO_ENTREPRENEUR_KEY = "gronn"
BROKER_EMAIL = "megler@demo.kokeboka.no"
ADVISER_EMAIL = "radgiver@demo.kokeboka.no"
ENTREPRENEUR_EMAIL = "entreprenor@demo.kokeboka.no"


def demo_entrepreneur() -> Organisation:
    """The invented company the demo entrepreneur person runs (made by load())."""
    return Organisation.objects.get(external_key=f"demo:broker:{DEMO_ENTREPRENEUR_KEY}")


def _municipality_org(code: str) -> Organisation:
    return Organisation.objects.get(municipality__code=code)


def _ensure_profile(org, *, summary, evidence, areas, national, reviewer) -> EntrepreneurProfile:
    from apps.cases.models import CasePage
    from apps.core.models import Municipality

    profile = EntrepreneurProfile.objects.filter(organisation=org).first()
    if profile is not None:
        return profile
    profile = EntrepreneurProfile.objects.create(
        organisation=org,
        summary=summary,
        evidence=evidence,
        area_national=national,
        review_status=ReviewStatus.APPROVED,
        reviewed_by=reviewer,
        reviewed_at=timezone.now(),
        renewal_due=timezone.localdate() + datetime.timedelta(days=PROFILE_LIFETIME_DAYS),
    )
    profile.areas.set(Municipality.objects.filter(code__in=areas))
    examples = CasePage.objects.live().filter(entrepreneur_organisation=org)
    profile.examples.set(examples)
    return profile


def _ensure_offers(profile, entrepreneur: demo_files.Entrepreneur) -> None:
    from apps.core.models import Municipality, Sector, TargetGroup

    for item in entrepreneur.offers:
        key = f"demo-{entrepreneur.key}-{item.key}"
        if Offer.objects.filter(key=key).exists():
            continue
        offer = Offer.objects.create(
            key=key,
            profile=profile,
            title=item.title,
            description=item.description,
            maturity=item.maturity,
            area_national=item.national,
        )
        offer.sectors.set(Sector.objects.filter(code__in=item.sectors))
        offer.target_groups.set(TargetGroup.objects.filter(code__in=item.target_groups))
        offer.areas.set(Municipality.objects.filter(code__in=entrepreneur.areas))


def _ensure_needs(needs: list[demo_files.Need], author) -> None:
    from apps.core.models import Sector, TargetGroup

    for item in needs:
        key = f"demo-{item.key}"
        if Need.objects.filter(key=key).exists():
            continue
        org = _municipality_org(item.municipality)
        need = Need.objects.create(
            key=key,
            organisation=org,
            municipality=org.municipality,
            title=item.title,
            description=item.description,
            affected=item.affected,
            tried=item.tried,
            outcome=item.outcome,
            no_clear_owner=item.no_clear_owner,
            budget_min=item.budget_min,
            budget_max=item.budget_max,
            timeframe=item.timeframe,
            status=item.status,
            visibility=item.visibility,
            created_by=author if item.municipality == HOME else None,
        )
        need.sectors.set(Sector.objects.filter(code__in=item.sectors))
        need.target_groups.set(TargetGroup.objects.filter(code__in=item.target_groups))


@transaction.atomic
def load() -> None:
    """Adds the demo rows (idempotent: matched by import key and organisation)."""
    from apps.accounts.demo import demo_person, verify_demo_organisations
    from apps.accounts.services import organisation_create
    from apps.core.services import vocabulary_ensure

    content = demo_files.read_demo_content()
    vocabulary_ensure()
    home = _municipality_org(HOME)
    broker = demo_person(BROKER_EMAIL, memberships=((home, MembershipRole.BROKER),))
    adviser = demo_person(ADVISER_EMAIL, memberships=((home, MembershipRole.MEMBER),))
    for entrepreneur in content.entrepreneurs:
        if entrepreneur.invented:
            org = _invented_organisation(entrepreneur, organisation_create)
        else:  # a named entrepreneur of the checked facts, made by apps.accounts.demo
            org = Organisation.objects.filter(external_key=f"demo:se:{entrepreneur.name}").first()
            if org is None:
                continue
        profile = _ensure_profile(
            org,
            summary=entrepreneur.summary,
            evidence=entrepreneur.evidence,
            areas=entrepreneur.areas,
            national=entrepreneur.national,
            reviewer=broker,
        )
        _ensure_offers(profile, entrepreneur)
    # The demo entrepreneur runs an invented company, never a real one.
    demo_person(ENTREPRENEUR_EMAIL, memberships=((demo_entrepreneur(), MembershipRole.ADMIN),))
    _ensure_needs(content.needs, adviser)
    verify_demo_organisations()  # the municipalities and entrepreneurs made above


def _invented_organisation(entrepreneur: demo_files.Entrepreneur, organisation_create):
    external_key = f"demo:broker:{entrepreneur.key}"
    org = Organisation.objects.filter(external_key=external_key).first()
    if org is None:
        return organisation_create(
            actor=None,
            name=entrepreneur.name,
            type=OrganisationType.SOSIAL_ENTREPRENOR,
            legal_form=entrepreneur.legal_form,
            work_integration=entrepreneur.work_integration,
            description=f"<p>{entrepreneur.summary}</p>",
            external_key=external_key,
        )
    if org.name != entrepreneur.name:  # a demo loaded before the names were marked «(fiktiv)»
        org.name = entrepreneur.name
        org.save(update_fields=["name"])
    return org
