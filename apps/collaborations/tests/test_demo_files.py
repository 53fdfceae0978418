"""The collaborations demo's files (content/demo/collaborations/) are valid, hold what the demo
shows, and a broken copy names its file and field."""

import pytest

from apps.collaborations.demo_files import FOLDER, read_demo_content
from apps.core.content_files import ContentFileError
from tests.content import broken_copy


def test_every_file_reads_and_holds_the_demo_collaborations():
    content = read_demo_content()
    collaborations = content.collaborations
    assert len(collaborations) == 6
    assert len({c.stage for c in collaborations}) == 6
    [example] = [c for c in collaborations if c.published_as_example]
    assert example.stage == "avsluttet"
    prose = example.prose()
    assert "oppdiktet" in prose["summary"]
    assert prose["outcome"].count("\n\n") == 2 and prose["lessons"]
    assert [entry.value for entry in example.log if entry.kind == "outcome"] == [7, 10]
    assert content.common.introduction_message


def test_an_unknown_heading_names_file_and_field(tmp_path):
    folder, path = broken_copy(FOLDER, tmp_path, "03-*.md", "## Resultat", "## Resultater")
    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)
    assert caught.value.path == path
    assert caught.value.field == "body"
    assert "Resultater" in caught.value.message


def test_an_entrepreneur_not_marked_as_invented_names_file_and_field(tmp_path):
    folder, path = broken_copy(FOLDER, tmp_path, "01-*.md", "SA (fiktiv)", "SA")
    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)
    assert caught.value.path == path
    assert caught.value.field == "entrepreneur"
