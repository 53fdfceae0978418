"""The fund demo's files (content/demo/fund/) are valid, hold what the demo shows, and a broken
copy names its file and field."""

import datetime

import pytest

from apps.core.content_files import ContentFileError
from apps.fund.demo_files import FOLDER, OSLO, read_demo_content
from tests.content import broken_copy


def test_every_file_reads_and_holds_the_demo_fund():
    content = read_demo_content()
    assert content.fund.slug == "fjordvik-innovasjonsfond"
    assert "oppdiktet" in content.fund.body and content.fund.body.count("\n\n") == 2
    open_call, closed_call = content.calls.calls
    assert open_call.deadline is None
    assert closed_call.deadline == datetime.datetime(2026, 10, 15, 12, 0, tzinfo=OSLO)
    assert [c.weight for c in content.calls.criteria] == [3, 2, 2, 1]
    assert len(content.calls.questions) == 3
    submitted = [a for a in content.applications if a.submitted_at is not None]
    assert len(content.applications) == 6 and len(submitted) == 5
    assert all(a.call == closed_call.slug for a in submitted)
    assert all(a.submitted_at < closed_call.deadline for a in submitted)
    assert content.applications[2].amount_requested == 400_000


def test_an_application_for_a_call_that_does_not_exist_names_file_and_field(tmp_path):
    folder, path = broken_copy(
        FOLDER,
        tmp_path,
        "applications.yaml",
        "call: sosiale-entreprenorer-lopende",
        "call: ukjent-utlysning",
    )
    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)
    assert caught.value.path == path
    assert caught.value.field == "6.call"
    assert "ukjent-utlysning" in caught.value.message


def test_a_time_that_is_not_a_time_names_file_and_field(tmp_path):
    folder, path = broken_copy(
        FOLDER, tmp_path, "calls.md", "deadline: 2026-10-15 12:00", "deadline: 15. oktober"
    )
    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)
    assert caught.value.path == path
    assert caught.value.field == "calls.2.deadline"
