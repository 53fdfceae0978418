"""Demo collaborations (runs after the accounts, cases and broker demos): six collaborations
in different stages, with log entries, and one finished collaboration published as an
example in Eksempelbanken (consented to by the entrepreneur and published by an editor, as on
the site). The collaborations are data, one file each in content/demo/collaborations/ (read by
apps.collaborations.demo_files); this module makes the rows.

Honest content (docs/decisions/0021-honest-demo-content.md): every collaboration is between
an invented municipality and an invented entrepreneur, both named «… (fiktiv)», so no
decision, figure or result is put on a real body; the published example says in its title
and summary that it is invented.

Idempotent: a collaboration is matched on its title."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from apps.accounts.demo import HOME
from apps.accounts.models import MembershipRole, Organisation, OrganisationType

from . import demo_files
from .models import Collaboration, Introduction, LogEntry, StageChange
from .stages import ORDER, Stage


def _entrepreneur(name: str, common: demo_files.Common) -> Organisation:
    """The invented entrepreneur by name; made here (as the accounts demo describes it, or
    with the common description) when the demo is loaded without the broker demo."""
    from apps.accounts.demo_files import read_demo_content as accounts_content
    from apps.accounts.services import organisation_create

    org = Organisation.objects.filter(name=name).order_by("pk").first()
    if org is not None:
        return org
    known = {
        item.name: item for item in accounts_content().organisations.fictional_entrepreneurs
    }.get(name)
    return organisation_create(
        actor=None,
        name=name,
        type=OrganisationType.SOSIAL_ENTREPRENOR,
        legal_form=known.legal_form if known else "",
        work_integration=known.work_integration if known else False,
        description=f"<p>{known.description if known else common.entrepreneur_description}</p>",
        external_key=f"demo:collab:{name}",
    )


def _need_and_offer(
    item: demo_files.Collaboration, municipality_org: Organisation, entrepreneur: Organisation
):
    """The broker demo's need of the municipality and offer of the entrepreneur that the
    collaboration grew from, when the broker demo has them."""
    from apps.broker.models import Need, Offer

    need = offer = None
    if item.origin.need:
        need = (
            Need.objects.filter(organisation=municipality_org, title__icontains=item.origin.need)
            .order_by("pk")
            .first()
        )
    if item.origin.offer:
        offer = (
            Offer.objects.filter(
                profile__organisation=entrepreneur, title__icontains=item.origin.offer
            )
            .order_by("pk")
            .first()
        )
    return need, offer


def _people(home: Organisation, common: demo_files.Common):
    from apps.accounts.demo import demo_person
    from apps.broker.demo import (
        ADVISER_EMAIL,
        BROKER_EMAIL,
        DEMO_ENTREPRENEUR_KEY,
        ENTREPRENEUR_EMAIL,
    )
    from apps.broker.demo_files import read_demo_content as broker_content

    broker = demo_person(BROKER_EMAIL, memberships=((home, MembershipRole.BROKER),))
    demo_person(ADVISER_EMAIL, memberships=((home, MembershipRole.MEMBER),))
    # The invented company the demo entrepreneur person runs (the broker demo makes it first).
    company = broker_content().entrepreneur(DEMO_ENTREPRENEUR_KEY).name
    demo_person(
        ENTREPRENEUR_EMAIL,
        memberships=((_entrepreneur(company, common), MembershipRole.ADMIN),),
    )
    return broker


def _path_to(stage: str) -> list[str]:
    """The stages a demo collaboration passed through, ending in `stage`."""
    if stage == Stage.AVSLUTTET:
        return [Stage.DIALOG, Stage.UTFORSKING, Stage.UTPROVING, Stage.AVSLUTTET]
    return list(ORDER[: ORDER.index(stage) + 1])


@transaction.atomic
def load() -> None:
    from apps.accounts.demo import demo_organisation, verify_demo_organisations
    from apps.core.models import Sector, TargetGroup

    content = demo_files.read_demo_content()
    home = demo_organisation(HOME)
    broker = _people(home, content.common)
    now = timezone.now()
    for item in content.collaborations:
        if Collaboration.objects.filter(title=item.title).exists():
            continue
        municipality_org = demo_organisation(item.municipality)
        entrepreneur = _entrepreneur(item.entrepreneur, content.common)
        need, offer = _need_and_offer(item, municipality_org, entrepreneur)
        actor = broker if municipality_org == home else None
        oldest = max([entry.days_ago for entry in item.log] + [item.days_in_stage]) + 10
        started = now - datetime.timedelta(days=oldest)
        in_stage_since = now - datetime.timedelta(days=item.days_in_stage)
        prose = item.prose()
        collaboration = Collaboration.objects.create(
            need=need,
            offer=offer,
            municipality_org=municipality_org,
            entrepreneur_org=entrepreneur,
            title=item.title,
            stage=item.stage,
            stage_changed_at=in_stage_since,
            summary=prose["summary"],
            outcome=prose["outcome"],
            lessons=prose["lessons"],
            collaboration_form=item.form,
            created_by=actor,
        )
        Collaboration.objects.filter(pk=collaboration.pk).update(created_at=started)
        collaboration.sectors.set(Sector.objects.filter(code__in=item.sectors))
        collaboration.target_groups.set(TargetGroup.objects.filter(code__in=item.target_groups))
        introduced = Introduction.objects.filter(need=need, offer=offer).exists()
        if need is not None and offer is not None and not introduced:
            Introduction.objects.create(
                need=need,
                offer=offer,
                collaboration=collaboration,
                introduced_by=actor,
                message=content.common.introduction_message,
            )
        path = _path_to(item.stage)
        step = (in_stage_since - started) / max(len(path) - 1, 1)
        previous = ""
        for position, to_stage in enumerate(path):
            StageChange.objects.create(
                collaboration=collaboration,
                from_stage=previous,
                to_stage=to_stage,
                changed_by=actor,
                changed_at=started + step * position,
            )
            previous = to_stage
        for entry in item.log:
            LogEntry.objects.create(
                collaboration=collaboration,
                kind=entry.kind,
                date=timezone.localdate() - datetime.timedelta(days=entry.days_ago),
                text=entry.text,
                value=entry.value,
                unit=entry.unit,
                author=actor,
            )
    verify_demo_organisations()  # the entrepreneurs made above, by the demo staff person
    examples = [item.title for item in content.collaborations if item.published_as_example]
    _publish_finished_examples(broker, examples)


def _publish_finished_examples(broker, titles: list[str]) -> None:
    from apps.accounts.models import User
    from apps.cases.selectors import case_index

    from .services import collaboration_publish_example, example_consent_give

    if case_index() is None:
        return
    for collaboration in Collaboration.objects.filter(
        stage=Stage.AVSLUTTET, case__isnull=True, title__in=titles
    ):
        # As it happens on the site: the entrepreneur consents, the broker sends it to the
        # editors, and an editor publishes the draft (here the demo loader, as in the admin).
        entrepreneur = (
            User.objects.filter(memberships__organisation=collaboration.entrepreneur_org)
            .order_by("pk")
            .first()
        )
        example_consent_give(
            collaboration=collaboration, actor=entrepreneur, version=collaboration.version
        )
        case = collaboration_publish_example(collaboration=collaboration, actor=broker)
        case.get_latest_revision().publish(user=None, skip_permission_checks=True)
