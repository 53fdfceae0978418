"""`check_content` reads every demo content folder, and a wrong file stops `load_demo` with its
file and field named before anything is written."""

import shutil

import pytest
from django.core.management import CommandError, call_command

from apps.accounts.models import Organisation
from apps.blog import demo_files as blog_files
from apps.core.content_files import DEMO_DIR
from apps.home import demo_files
from apps.home.models import HomePage


def test_every_content_folder_is_checked_and_has_files(capsys):
    call_command("check_content")
    out = capsys.readouterr().out
    folders = {p.name for p in DEMO_DIR.iterdir() if p.is_dir()}
    assert folders == {name for name, _read in demo_files.READERS}
    for name in folders:
        assert f"content/demo/{name}: " in out
    assert "content files ok" in out


@pytest.fixture
def broken_blog(tmp_path, monkeypatch):
    """A copy of the blog's files with one post's date misspelt, read by the blog's reader."""
    folder = tmp_path / "blog"
    shutil.copytree(blog_files.FOLDER, folder)
    post = sorted((folder / "kokebokloggen").glob("*.md"))[0]
    post.write_text(post.read_text(encoding="utf-8").replace("date: ", "dato: ", 1), "utf-8")
    readers = [
        (name, (lambda: blog_files.read_demo_content(folder)) if name == "blog" else read)
        for name, read in demo_files.READERS
    ]
    monkeypatch.setattr(demo_files, "READERS", readers)
    return post


def test_a_wrong_file_is_named_with_its_field(broken_blog):
    with pytest.raises(CommandError) as caught:
        call_command("check_content")
    assert broken_blog.name in str(caught.value)
    assert "dato" in str(caught.value)


@pytest.mark.django_db
def test_load_demo_writes_nothing_when_a_file_is_wrong(broken_blog):
    with pytest.raises(CommandError) as caught:
        call_command("load_demo")
    assert broken_blog.name in str(caught.value)
    assert not HomePage.objects.exists()
    assert not Organisation.objects.exists()
