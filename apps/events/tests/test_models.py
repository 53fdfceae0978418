import datetime

import pytest
from django.core.exceptions import ValidationError

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def errors_of(event) -> dict:
    with pytest.raises(ValidationError) as error:
        event.full_clean(exclude=["organisers"])
    return error.value.message_dict


def test_meeting_must_end_after_it_starts():
    event = EventFactory.build()
    event.end = event.start - datetime.timedelta(hours=1)

    assert "end" in errors_of(event)


def test_meeting_needs_a_place_or_a_link():
    event = EventFactory.build(place_name="", place_address="", online_url="")

    assert "place_name" in errors_of(event)


def test_deadline_must_be_before_the_end():
    event = EventFactory.build()
    event.registration_deadline = event.end + datetime.timedelta(days=1)

    assert "registration_deadline" in errors_of(event)


def test_video_must_be_youtube_or_vimeo_and_have_a_transcript():
    other_host = EventFactory.build(video_url="https://example.com/video", video_transcript="x")
    no_transcript = EventFactory.build(video_url="https://vimeo.com/76979871")

    assert "video_url" in errors_of(other_host)
    assert "video_transcript" in errors_of(no_transcript)


def test_valid_meeting_passes():
    EventFactory.build(
        video_url="https://youtu.be/dQw4w9WgXcQ", video_transcript="Tekst"
    ).full_clean(exclude=["organisers"])
