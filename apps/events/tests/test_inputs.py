import pytest
from django.urls import reverse

from apps.accounts.tests.factories import UserFactory
from apps.accounts.tests.helpers import force_login_verified
from apps.core.models import AuditEvent
from apps.events import services
from apps.events.models import Input, InputPhase, InputStatus

from .factories import EventFactory, InputFactory, PastEventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_index(home_page):
    from apps.cases.tests.factories import CaseIndexPageFactory

    return CaseIndexPageFactory(parent=home_page)


def test_phase_follows_the_time_of_submission():
    event = EventFactory()

    before = services.input_submit(event=event, kind="advice", title="Før", text="Tekst")
    during = services.input_submit(
        event=event, kind="advice", title="Under", text="Tekst", now=event.start
    )
    after = services.input_submit(
        event=event,
        kind="advice",
        title="Etter",
        text="Tekst",
        now=event.end.replace(year=event.end.year + 1),
    )

    assert [item.phase for item in (before, during, after)] == [
        InputPhase.BEFORE,
        InputPhase.DURING,
        InputPhase.AFTER,
    ]


def test_logged_in_author_is_linked_and_credited(user):
    item = services.input_submit(
        event=EventFactory(), kind="example", title="Eksempel", text="Tekst", author=user
    )

    assert item.author == user
    assert item.author_email == user.email
    assert item.credit == str(user)


def test_draft_meetings_take_no_input():
    with pytest.raises(services.InputNotAllowed):
        services.input_submit(
            event=EventFactory(status="draft"), kind="advice", title="Råd", text="Tekst"
        )


def test_convert_to_case_makes_a_draft_example_crediting_the_author(case_index, editor):
    from apps.cases.models import CasePage

    event = PastEventFactory(title="Dialogmøtet i Bodø")
    author = UserFactory()
    item = InputFactory(
        event=event,
        title="Kafé drevet av ungdom",
        text="Kommunen og en entreprenør startet en kafé sammen.",
        author=author,
        author_name="Kari Nordmann",
        municipality_code="3201",
    )

    converted = services.input_convert_to_case(item=item, reviewer=editor)

    case = CasePage.objects.get()
    assert not case.live
    assert case.title == "Kafé drevet av ungdom"
    assert case.summary == "Kommunen og en entreprenør startet en kafé sammen."
    assert case.municipality.code == "3201"
    assert case.owner == author
    assert "Kari Nordmann" in case.origin_note
    assert "Dialogmøtet i Bodø" in case.origin_note
    assert converted.status == InputStatus.CONVERTED
    assert converted.converted_to_url == f"/admin/pages/{case.pk}/edit/"
    assert "Kafé drevet av ungdom" in converted.converted_to_description
    assert converted.reviewed_by == editor
    assert AuditEvent.objects.filter(action="events.input.convert_to_case").exists()
    event.refresh_from_db()
    assert event.converted_total == 1


def test_converted_input_cannot_be_converted_again(case_index, editor):
    item = InputFactory(municipality_code="")
    services.input_convert_to_case(item=item, reviewer=editor)

    with pytest.raises(services.InputNotAllowed):
        services.input_convert_to_case(item=item, reviewer=editor)


def test_unknown_municipality_is_refused_and_nothing_changes(case_index, editor):
    from apps.cases.models import CasePage

    item = InputFactory()

    with pytest.raises(services.InputNotAllowed) as refusal:
        services.input_convert_to_case(item=item, reviewer=editor, municipality_code="9998")

    item.refresh_from_db()
    assert "9998" in refusal.value.message
    assert item.status == InputStatus.NEW
    assert not CasePage.objects.exists()


def test_review_moves_follow_the_table(editor):
    item = InputFactory()

    services.input_review(item=item, status=InputStatus.REJECTED, reviewer=editor)
    services.input_review(item=item, status=InputStatus.ACCEPTED, reviewer=editor)
    item.refresh_from_db()

    assert item.status == InputStatus.ACCEPTED


def test_converted_input_is_final(editor):
    item = InputFactory(status=InputStatus.CONVERTED)

    with pytest.raises(services.InputNotAllowed):
        services.input_review(item=item, status=InputStatus.REJECTED, reviewer=editor)

    assert Input.objects.get(pk=item.pk).status == InputStatus.CONVERTED


REVIEW_PAGES = (
    ("GET", "events:review-inputs"),
    ("POST", "events:input-to-case"),
    ("POST", "events:input-to-tip"),
    (
        "POST",
        "events:input-review",
    ),
)


def _request(client, method, name, event, item):
    args = [event.slug] if name == "events:review-inputs" else [event.slug, item.pk]
    url = reverse(name, args=args)
    return client.get(url) if method == "GET" else client.post(url, {"status": "accepted"})


@pytest.mark.parametrize(("method", "name"), REVIEW_PAGES)
def test_review_pages_permission_matrix(client, editor, method, name):
    item = InputFactory()
    event = item.event
    organiser = UserFactory()
    event.organisers.add(organiser)

    anonymous = _request(client, method, name, event, item)
    client.force_login(UserFactory())
    other = _request(client, method, name, event, item)
    client.force_login(organiser)
    as_organiser = _request(client, method, name, event, item)
    client.force_login(editor)
    password_only = _request(client, method, name, event, item)
    superuser = UserFactory(is_superuser=True, is_staff=True)
    force_login_verified(client, superuser)
    as_superuser = _request(client, method, name, event, item)
    force_login_verified(client, editor)
    unknown = client.get(reverse("events:review-inputs", args=["finnes-ikke"]))

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/konto/logg-inn/")
    assert other.status_code == 403
    assert as_organiser.status_code == 403  # input is the editors' work
    # An editor's power needs the second factor; a superuser outside the group has none.
    assert password_only.status_code == 302
    assert password_only["Location"].startswith("/konto/tofaktor/")
    assert as_superuser.status_code == 403
    assert unknown.status_code == 404
    item.refresh_from_db()
    assert item.status == InputStatus.NEW


def test_editor_sees_input_and_makes_a_draft_example_in_one_action(client, editor, case_index):
    item = InputFactory(title="Kafé drevet av ungdom", author_email="kari@example.no")
    force_login_verified(client, editor)
    client.cookies["kokeboka_language"] = "en"

    page = client.get(reverse("events:review-inputs", args=[item.event.slug])).content.decode()
    response = client.post(
        reverse("events:input-to-case", args=[item.event.slug, item.pk]),
        {"municipality_code": "3201"},
    )

    assert "Kafé drevet av ungdom" in page
    assert "kari@example.no" in page
    assert "Make a draft example" in page
    assert response.status_code == 302
    assert response["Location"].endswith(f"#input-{item.pk}")
    item.refresh_from_db()
    assert item.status == InputStatus.CONVERTED
    after = client.get(reverse("events:review-inputs", args=[item.event.slug])).content.decode()
    assert item.converted_to_url in after


def test_editor_can_reject_input(client, editor):
    item = InputFactory()
    force_login_verified(client, editor)

    client.post(
        reverse("events:input-review", args=[item.event.slug, item.pk]), {"status": "rejected"}
    )

    item.refresh_from_db()
    assert item.status == InputStatus.REJECTED
    assert item.reviewed_by == editor


def test_input_of_another_meeting_is_not_found(client, editor):
    item = InputFactory()
    other = EventFactory()
    force_login_verified(client, editor)

    response = client.post(
        reverse("events:input-to-case", args=[other.slug, item.pk]), {"municipality_code": ""}
    )

    assert response.status_code == 404
