import datetime
import shutil

import pytest

from apps.core.content_files import ContentFileError
from apps.events import demo
from apps.events.demo_files import FOLDER, read_demo_content
from apps.events.formatting import OSLO
from apps.events.models import Event, Input, InputStatus, Registration
from tests.content import broken_copy

pytestmark = pytest.mark.django_db


def test_demo_builds_a_past_and_an_upcoming_meeting_once():
    demo.load()
    demo.load()

    past = Event.objects.get(slug=demo.PAST_SLUG)
    upcoming = Event.objects.get(slug=demo.UPCOMING_SLUG)
    assert Event.objects.count() == 2
    assert past.start.astimezone(OSLO).date() == datetime.date(2016, 6, 14)
    assert past.has_ended()
    assert "Kommunal- og moderniseringsdepartementet" in past.description
    assert past.video is not None and past.video_transcript
    inputs = Input.objects.filter(event=past)
    content = {item.meeting.slug: item for item in read_demo_content()}
    assert inputs.count() == len(content[demo.PAST_SLUG].inputs) == 6
    converted = inputs.filter(status=InputStatus.CONVERTED)
    assert converted.count() >= 2
    assert all(item.converted_to_description for item in converted)
    assert upcoming.start.astimezone(OSLO).year == 2027
    assert upcoming.capacity == 40
    assert upcoming.registration_open(now=upcoming.registration_deadline)
    registrations = content[demo.UPCOMING_SLUG].registrations
    assert Registration.objects.filter(event=upcoming).count() == len(registrations) == 7
    assert upcoming.agenda_items.count() > 0


def test_demo_pages_render(client):
    demo.load()
    client.cookies["kokeboka_language"] = "en"

    past_page = client.get(f"/dialogmoter/{demo.PAST_SLUG}/").content.decode()
    upcoming_page = client.get(f"/dialogmoter/{demo.UPCOMING_SLUG}/")

    assert "3 inputs from this meeting have become part of the cookbook." in past_page
    assert upcoming_page.status_code == 200
    assert client.get("/dialogmoter/").status_code == 200


def test_every_meeting_file_is_read_and_checked():
    content = read_demo_content()

    assert [item.meeting.slug for item in content] == [demo.PAST_SLUG, demo.UPCOMING_SLUG]
    past, upcoming = (item.meeting for item in content)
    assert past.start == datetime.datetime(2016, 6, 14, 10, tzinfo=OSLO)
    assert upcoming.registration_deadline == datetime.datetime(2027, 9, 7, 23, 59, tzinfo=OSLO)
    assert [entry.time for entry in past.agenda][:2] == [datetime.time(10), datetime.time(10, 30)]
    # The description's wrapped lines are one paragraph each, paragraphs a blank line apart.
    assert past.body.count("\n\n") == 3 and "\n\n\n" not in past.body
    assert upcoming.organised_by_demo_municipality and not past.organised_by_demo_municipality
    assert [r.name for r in content[1].registrations][:2] == ["Ingrid Haugen", "Jonas Berg"]


@pytest.mark.parametrize(
    ("name", "old", "new", "field"),
    [
        (
            "01-dialogmote-kokebok-juni-2016.md",
            "start: 2016-06-14 10:00",
            "start: 14.06.2016",
            "start",
        ),
        (
            "01-dialogmote-kokebok-juni-2016.md",
            "- time: '10:30'",
            "- time: '10.30 '",
            "agenda.2.time",
        ),
        ("input/dialogmote-kokebok-juni-2016.yaml", "kind: example", "kind: eksempel", "3.kind"),
        (
            "registrations/dialogmote-fra-pilot-til-drift-2027.yaml",
            "role: forsker",
            "role: x",
            "3.role",
        ),
    ],
)
def test_a_broken_meeting_file_names_the_file_and_the_field(tmp_path, name, old, new, field):
    folder, path = broken_copy(FOLDER, tmp_path, name, old, new)

    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)

    assert caught.value.path.name == path.name
    assert caught.value.field == field


def test_input_for_a_meeting_that_does_not_exist_is_refused(tmp_path):
    folder = tmp_path / "events"
    shutil.copytree(FOLDER, folder)
    (folder / "input" / "dialogmote-som-ikke-finnes.yaml").write_text("[]\n", encoding="utf-8")

    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)

    assert caught.value.path.name == "dialogmote-som-ikke-finnes.yaml"
