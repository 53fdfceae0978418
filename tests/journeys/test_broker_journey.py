"""Issue 6, "done when", through the HTTP views only: a broker posts a need, sees explained
matches, introduces the parties, follows the collaboration through its stages and publishes
it as an example in Eksempelbanken."""

import re

import pytest
from django.urls import reverse

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import MembershipFactory, UserFactory
from apps.broker.models import Need
from apps.broker.tests.factories import MunicipalityOrgFactory, OfferFactory
from apps.cases.models import CasePage
from apps.cases.tests.factories import CaseIndexPageFactory
from apps.collaborations.models import Collaboration
from apps.core.models import Sector, TargetGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page, django_capture_on_commit_callbacks):
    # The offers are created as a request would create them: their matching index rows are
    # written by the task their commit enqueues.
    with django_capture_on_commit_callbacks(execute=True):
        return _world(home_page)


def _world(home_page):
    CaseIndexPageFactory(parent=home_page)
    kommune = MunicipalityOrgFactory()
    broker = UserFactory()
    MembershipFactory(user=broker, organisation=kommune, role=MembershipRole.BROKER)
    school = Sector.objects.get(code="oppvekst_utdanning")
    work = Sector.objects.get(code="arbeid_inkludering")
    youth = TargetGroup.objects.get(code="ungdom")
    right = OfferFactory(
        title="Motivasjonskurs for ungdom som har droppet ut",
        description="Kurs og tett oppfølging som får ungdom tilbake til videregående skole "
        "eller over i lærlingplass.",
        sectors=[school, work],
        area_national=True,
    )
    right.target_groups.set([youth])
    elderly = OfferFactory(
        title="Turgrupper for eldre",
        description="Ukentlige turer som gir eldre selskap og bedre helse.",
        sectors=[Sector.objects.get(code="helse_omsorg")],
        area_national=True,
    )
    elderly.target_groups.set([TargetGroup.objects.get(code="eldre")])
    entrepreneur_member = UserFactory()
    MembershipFactory(
        user=entrepreneur_member, organisation=right.profile.organisation, role="admin"
    )
    return {
        "kommune": kommune,
        "broker": broker,
        "right": right,
        "school": school,
        "work": work,
        "youth": youth,
        "entrepreneur_member": entrepreneur_member,
    }


def _version(html: str, prefix: str = "") -> str:
    name = f"{prefix}version" if not prefix else f"{prefix}-version"
    return re.search(rf'name="{name}" value="(\d+)"', html).group(1)


def test_from_need_to_published_example(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(world["broker"])

    # 1. The broker posts a need (a need, not a solution: no nudge to confirm).
    response = client.post(
        reverse("broker:need-create"),
        {
            "organisation": world["kommune"].pk,
            "title": "Ungdom som dropper ut av videregående",
            "description": "Mange elever slutter på videregående skole uten å ha fått hjelp, "
            "og ingen tjeneste eier problemet.",
            "affected": "Elever mellom 16 og 19 år og familiene deres.",
            "tried": "Oppfølgingstjenesten ringer dem, men når få.",
            "outcome": "At flere fullfører skole eller lærlingløp.",
            "sectors": [world["school"].pk, world["work"].pk],
            "target_groups": [world["youth"].pk],
            "no_clear_owner": "on",
            "status": "open",
            "visibility": "public",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    need = Need.objects.get(title="Ungdom som dropper ut av videregående")
    assert need.is_cross_sector

    # 2. Its page shows ranked matches, the right offer first, with the reasons.
    page = client.get(need.get_absolute_url()).content.decode()
    right = world["right"]
    assert right.title in page and "Turgrupper for eldre" in page
    assert page.index(right.title) < page.index("Turgrupper for eldre")
    assert world["school"].name in page  # a shared sector is given as a reason

    # 3. The broker introduces the parties; both sides are emailed after commit.
    introduce = reverse("collaborations:introduce") + f"?need={need.pk}&offer={right.pk}"
    assert client.get(introduce).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            introduce,
            {"need": need.pk, "offer": right.pk, "message": "Dere bør snakke om oppfølging."},
        )
    assert response.status_code == 302
    collaboration = Collaboration.objects.get(need=need)
    assert collaboration.stage == "dialog"
    assert world["entrepreneur_member"].email in [m.to[0] for m in mailoutbox]

    # 4. It moves through the stages to the end.
    stage_url = reverse("collaborations:stage", args=[collaboration.pk])
    for to_stage in ("utforsking", "avtale", "avsluttet"):
        html = client.get(collaboration.get_absolute_url()).content.decode()
        response = client.post(
            stage_url,
            {
                "stage-to_stage": to_stage,
                "stage-version": _version(html, "stage"),
                "stage-note": "",
            },
        )
        assert response.status_code == 302
        collaboration.refresh_from_db()
        assert collaboration.stage == to_stage

    # 5. The broker writes what came out of it, and one action publishes it as a live example.
    edit = reverse("collaborations:edit", args=[collaboration.pk])
    html = client.get(edit).content.decode()
    response = client.post(
        edit,
        {
            "version": _version(html),
            "title": collaboration.title,
            "summary": "Kommunen og entreprenøren fulgte opp elever som sto i fare for å slutte.",
            "collaboration_form": "pilot",
            "outcome": "Flere elever fullførte skoleåret.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(reverse("collaborations:publish", args=[collaboration.pk]))
    assert response.status_code == 302
    collaboration.refresh_from_db()
    case = CasePage.objects.get(pk=collaboration.case_id)
    assert case.live
    assert client.get(case.url).status_code == 200
