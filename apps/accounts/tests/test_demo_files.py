"""The accounts demo's files (content/demo/accounts/) are valid, hold what the demo shows, and
a broken copy names its file and field."""

import pytest

from apps.accounts.demo import HOME, STAFF_EMAIL
from apps.accounts.demo_files import FOLDER, read_demo_content
from apps.core.content_files import ContentFileError
from tests.content import broken_copy


def test_every_file_reads_and_holds_the_demo_organisations_and_people():
    content = read_demo_content()
    organisations = content.organisations
    assert organisations.county.code == "99"
    assert [m.code for m in organisations.municipalities] == ["9901", "9902", "9903"]
    assert HOME in {m.code for m in organisations.municipalities}
    assert len(organisations.entrepreneurs) == 26
    assert len(organisations.fictional_entrepreneurs) == 5
    assert {e.name for e in organisations.entrepreneurs}.isdisjoint(
        e.name for e in organisations.fictional_entrepreneurs
    )
    assert content.person(STAFF_EMAIL).first_name == "Sissel"
    assert all(p.email.endswith("@demo.kokeboka.no") for p in content.people)
    assert len({p.email for p in content.people}) == len(content.people) == 8


def test_an_invented_municipality_without_its_mark_names_file_and_field(tmp_path):
    folder, path = broken_copy(
        FOLDER, tmp_path, "organisations.yaml", "name: Elvdal (fiktiv)", "name: Elvdal"
    )
    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)
    assert caught.value.path == path
    assert caught.value.field == "municipalities.2.name"
    assert "(fiktiv)" in caught.value.message


def test_a_person_missing_from_the_file_is_named():
    with pytest.raises(KeyError, match="nobody@demo.kokeboka.no"):
        read_demo_content().person("nobody@demo.kokeboka.no")
