"""The matching demo's file (content/demo/matching/invitation.yaml) is valid and a broken copy
names its file and field."""

import shutil

import pytest

from apps.core.content_files import ContentFileError
from apps.matching.demo_files import FOLDER, read_demo_content


def test_the_invitation_file_reads():
    invitation = read_demo_content().invitation
    assert invitation.deadline_days == 14
    assert invitation.message.startswith("Vi ser etter noen")
    assert invitation.answer.interested is True


def test_a_missing_message_names_file_and_field(tmp_path):
    folder = tmp_path / "matching"
    shutil.copytree(FOLDER, folder)
    path = folder / "invitation.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("message:"))
    end = next(i for i, line in enumerate(lines) if line.startswith("answer:"))
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)
    assert caught.value.path == path
    assert caught.value.field == "message"
