"""Issue 6, "done when", through the HTTP views only: a broker posts a need, sees explained
matches, introduces the parties, follows the collaboration through its stages, ends it on a
confirmation page with its outcome, and — once the entrepreneur has consented and an editor has
approved it in the Wagtail admin — sees it published as an example in Eksempelbanken."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import EditorFactory, MembershipFactory, UserFactory
from apps.accounts.tests.helpers import login_with_otp
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

    # 4. It moves through the stages; the stage buttons cannot end it.
    stage_url = reverse("collaborations:stage", args=[collaboration.pk])
    for to_stage in ("utforsking", "avtale"):
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

    # 5. Ending asks for a confirmation with how it ended and what came of it.
    end = reverse("collaborations:end", args=[collaboration.pk])
    html = client.get(end).content.decode()
    collaboration.refresh_from_db()
    assert collaboration.stage == "avtale"  # opening the page ends nothing
    response = client.post(
        end,
        {
            "version": _version(html),
            "outcome_kind": "avtale",
            "outcome": "Flere elever fullførte skoleåret.",
        },
    )
    assert response.status_code == 302
    collaboration.refresh_from_db()
    assert collaboration.stage == "avsluttet"

    # 6. The broker writes a summary for the example.
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

    # 7. Without the entrepreneur's consent nothing is published.
    publish = reverse("collaborations:publish", args=[collaboration.pk])
    assert client.post(publish).status_code == 302
    collaboration.refresh_from_db()
    assert collaboration.case_id is None

    # 8. The entrepreneur sees what would be published and consents.
    entrepreneur = Client()
    entrepreneur.force_login(world["entrepreneur_member"])
    html = entrepreneur.get(collaboration.get_absolute_url()).content.decode()
    assert "Kommunen og entreprenøren fulgte opp elever" in html
    response = entrepreneur.post(
        reverse("collaborations:consent", args=[collaboration.pk]),
        {"consent-version": _version(html, "consent")},
    )
    assert response.status_code == 302

    # 9. The broker sends it to the editors: a draft in moderation, not public.
    assert client.post(publish).status_code == 302
    collaboration.refresh_from_db()
    case = CasePage.objects.get(pk=collaboration.case_id)
    assert not case.live
    assert Client().get(case.url).status_code == 404
    assert "Venter på en redaktør" in client.get(collaboration.get_absolute_url()).content.decode()

    # 10. An editor approves it in the Wagtail admin; only then is it live.
    editor = EditorFactory()
    admin = Client()
    login_with_otp(admin, editor)
    task_state = case.current_workflow_task_state
    response = admin.post(
        reverse("wagtailadmin_pages:workflow_action", args=[case.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.live
    assert Client().get(case.url).status_code == 200
    assert "Publisert" in client.get(collaboration.get_absolute_url()).content.decode()
