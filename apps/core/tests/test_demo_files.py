"""The information pages' files (content/demo/pages/) are read and checked, with a nynorsk and
an English text for every bokmål page, and a broken file names the file and the field."""

import shutil

import pytest

from apps.core.content_files import ContentFileError
from apps.core.demo_files import FOLDER, read_demo_content
from tests.content import broken_copy


def test_every_page_file_is_read_with_its_translations():
    content = read_demo_content()

    assert [page.slug for page in content.pages] == ["tilgjengelighetserklaering", "personvern"]
    assert (
        sorted(content.nynorsk)
        == sorted(content.english)
        == sorted(page.slug for page in content.pages)
    )
    statement = content.pages[0]
    assert statement.title == "Tilgjengelighetserklæring"
    assert len(statement.parts) == 5
    heading, html = statement.parts[3]
    assert heading == "Si fra om noe ikke fungerer"
    assert '<a href="mailto:post@kokeboka.no">post@kokeboka.no</a>' in html
    assert content.english["personvern"].title == "Privacy statement"
    assert content.nynorsk["personvern"].seo_description.startswith("Kva opplysningar")


def test_a_missing_search_description_names_the_file_and_the_field(tmp_path):
    copy, _path = broken_copy(
        FOLDER, tmp_path, "nn/02-personvern.md", "seo_description:", "description:"
    )

    with pytest.raises(ContentFileError) as caught:
        read_demo_content(copy)

    assert caught.value.path.name == "02-personvern.md"
    assert caught.value.path.parent.name == "nn"
    assert caught.value.field == "seo_description"


def test_text_before_the_first_heading_names_the_body(tmp_path):
    copy, _path = broken_copy(
        FOLDER, tmp_path, "01-tilgjengelighetserklaering.md", "## Kravene vi følger", "Kravene:"
    )

    with pytest.raises(ContentFileError) as caught:
        read_demo_content(copy)

    assert caught.value.field == "body"


def test_a_page_without_its_english_text_is_refused(tmp_path):
    copy = tmp_path / "pages"
    shutil.copytree(FOLDER, copy)
    (copy / "en" / "02-personvern.md").unlink()

    with pytest.raises(ContentFileError) as caught:
        read_demo_content(copy)

    assert "personvern" in str(caught.value)
    assert caught.value.path.name == "en"
