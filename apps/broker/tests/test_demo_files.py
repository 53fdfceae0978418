"""The broker demo's files (content/demo/broker/) are valid, hold what the demo shows, and a
broken copy names its file and field."""

import pytest

from apps.accounts.demo_files import read_demo_content as read_accounts_content
from apps.broker.demo import DEMO_ENTREPRENEUR_KEY
from apps.broker.demo_files import FOLDER, read_demo_content
from apps.core.content_files import ContentFileError
from tests.content import broken_copy


def test_every_file_reads_and_holds_the_demo_profiles_offers_and_needs():
    content = read_demo_content()
    assert len(content.entrepreneurs) == 28
    assert sum(len(e.offers) for e in content.entrepreneurs) == 34
    assert len(content.needs) == 17
    keys = [e.key for e in content.entrepreneurs]
    assert len(set(keys)) == len(keys)
    assert len({n.key for n in content.needs}) == len(content.needs)
    # A named entrepreneur's profile belongs to one of the accounts demo's real entrepreneurs.
    real = {e.name for e in read_accounts_content().organisations.entrepreneurs}
    named = [e for e in content.entrepreneurs if not e.invented]
    assert len(named) == 20 and {e.name for e in named} <= real
    assert content.entrepreneur(DEMO_ENTREPRENEUR_KEY).invented
    # Every need belongs to an invented municipality.
    assert {n.municipality for n in content.needs} == {"9901", "9902", "9903"}


def test_an_unknown_sector_names_file_and_field(tmp_path):
    folder, path = broken_copy(
        FOLDER,
        tmp_path,
        "entrepreneurs/09-gamingkontakten.yaml",
        "[psykisk_helse_rus, kultur_fritid]",
        "[psykisk_helse_rus, kultur]",
    )
    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)
    assert caught.value.path == path
    assert caught.value.field == "offers.1.sectors.2"


def test_a_misspelt_field_of_a_need_names_file_and_field(tmp_path):
    folder, path = broken_copy(FOLDER, tmp_path, "needs.yaml", "  timeframe:", "  timefrane:")
    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)
    assert caught.value.path == path
    assert caught.value.field == "1.timefrane"
    assert "Extra inputs are not permitted" in caught.value.message
