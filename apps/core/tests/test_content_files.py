"""The content-file loader names the file and the field that is wrong, and reads what is right."""

import pytest

from apps.core.content_files import (
    ContentFileError,
    ContentModel,
    read_folder,
    read_markdown,
    read_yaml,
    read_yaml_list,
    sections,
)


class Step(ContentModel):
    title: str
    text: str = ""


class Recipe(ContentModel):
    title: str
    minutes: int
    steps: list[Step] = []
    body: str


class Person(ContentModel):
    name: str
    email: str


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_markdown_with_front_matter_reads_fields_and_body(tmp_path):
    path = write(
        tmp_path / "a.md",
        "---\ntitle: Markedsdialog\nminutes: 30\nsteps:\n  - title: Start\n---\n\nTekst her.\n",
    )
    recipe = read_markdown(path, Recipe)
    assert recipe.title == "Markedsdialog"
    assert recipe.minutes == 30
    assert recipe.steps[0].title == "Start"
    assert recipe.body == "Tekst her."


def test_a_missing_field_names_file_and_field_counted_from_one(tmp_path):
    path = write(
        tmp_path / "b.md",
        "---\ntitle: X\nminutes: 5\nsteps:\n  - title: A\n  - text: no title\n---\nbody\n",
    )
    with pytest.raises(ContentFileError) as caught:
        read_markdown(path, Recipe)
    assert caught.value.field == "steps.2.title"
    assert "b.md: steps.2.title: Field required" in str(caught.value)


def test_a_misspelt_field_is_an_error_not_ignored(tmp_path):
    path = write(tmp_path / "c.md", "---\ntitle: X\nminutes: 5\nminuttes: 6\n---\nbody\n")
    with pytest.raises(ContentFileError) as caught:
        read_markdown(path, Recipe)
    assert caught.value.field == "minuttes"


def test_a_wrong_type_names_the_field(tmp_path):
    path = write(tmp_path / "d.md", "---\ntitle: X\nminutes: lang\n---\nbody\n")
    with pytest.raises(ContentFileError) as caught:
        read_markdown(path, Recipe)
    assert caught.value.field == "minutes"


def test_broken_yaml_names_the_line(tmp_path):
    path = write(tmp_path / "e.yaml", "name: Kari\nemail: [oops\n")
    with pytest.raises(ContentFileError) as caught:
        read_yaml(path, Person)
    assert "not valid YAML" in str(caught.value)
    assert caught.value.field.startswith("line ")


def test_yaml_list_and_body_rules(tmp_path):
    people = read_yaml_list(
        write(tmp_path / "p.yaml", "- name: Kari\n  email: k@x.no\n- name: Ola\n  email: o@x.no\n"),
        Person,
    )
    assert [p.name for p in people] == ["Kari", "Ola"]
    with pytest.raises(ContentFileError) as caught:
        read_yaml_list(write(tmp_path / "q.yaml", "- name: Kari\n"), Person)
    assert caught.value.field == "1.email"
    with pytest.raises(ContentFileError) as caught:
        read_markdown(write(tmp_path / "r.md", "---\nname: A\nemail: b\n---\ntext\n"), Person)
    assert caught.value.field == "body"


def test_folder_reads_in_name_order_and_refuses_an_empty_folder(tmp_path):
    write(tmp_path / "02-b.md", "---\ntitle: B\nminutes: 2\n---\nb\n")
    write(tmp_path / "01-a.md", "---\ntitle: A\nminutes: 1\n---\na\n")
    assert [r.title for r in read_folder(tmp_path, Recipe)] == ["A", "B"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(ContentFileError):
        read_folder(tmp_path / "empty", Recipe)


def test_sections_split_at_level_two_headings():
    body = (
        "Innledning.\n\n## Første steg\nGjør dette.\n\n### Under\nmer\n\n## Andre steg\nSå dette."
    )
    assert sections(body) == [
        ("", "Innledning."),
        ("Første steg", "Gjør dette.\n\n### Under\nmer"),
        ("Andre steg", "Så dette."),
    ]


def test_unwrap_joins_wrapped_lines_and_keeps_paragraphs_and_bullets():
    from apps.core.content_files import unwrap

    text = "Første linje\n  fortsetter.\n\nListe:\n- én\n  to\n- tre\n   \nSlutt."
    assert unwrap(text) == "Første linje fortsetter.\n\nListe:\n- én to\n- tre\n\nSlutt."
    assert unwrap("") == ""
