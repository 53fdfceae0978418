import pytest
from django.core.management import call_command

from apps.cookbook.services import recipe_publish_revision
from apps.printbook import services
from apps.printbook.models import Edition, EditionStatus
from apps.printbook.tasks import edition_request, render_edition

from .conftest import EDITION_DATE
from .factories import EditionFactory
from .pdfcheck import page_count

pytestmark = pytest.mark.django_db


def test_an_edition_records_its_date_pages_and_each_recipes_revision(book):
    edition = services.edition_render(edition=services.edition_create(on=EDITION_DATE))
    edition.refresh_from_db()
    assert edition.status == EditionStatus.READY
    assert edition.edition_date == EDITION_DATE
    content = edition.file.read()
    assert content.startswith(b"%PDF-")
    assert edition.page_count == page_count(content) > 5
    assert edition.render_seconds > 0
    assert edition.recipe_revisions == {
        str(recipe.pk): recipe.live_revision_id for recipe in book["recipes"]
    }
    assert all(edition.recipe_revisions.values())
    assert edition.file.name.endswith(".pdf") and "kokeboka-1-2026-01-15" in edition.file.name


def test_publishing_a_recipe_renders_a_new_edition_with_its_new_revision(
    book, django_capture_on_commit_callbacks
):
    recipe = book["recipes"][1]
    recipe.title = "Markedsdialog, andre utgave"
    with django_capture_on_commit_callbacks(execute=True):
        revision = recipe_publish_revision(recipe=recipe, change_note="Ny tittel")
    edition = Edition.objects.get()
    assert edition.status == EditionStatus.READY  # ImmediateBackend rendered it on commit
    assert edition.number == 1
    assert edition.recipe_revisions[str(recipe.pk)] == revision.pk
    assert edition.page_count == page_count(edition.file.read())


def test_publishing_a_chapter_queues_an_edition(book, django_capture_on_commit_callbacks):
    chapter = book["chapters"][0]
    chapter.intro = "Ny innledning."
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        chapter.save_revision().publish()
    assert Edition.objects.get().status == EditionStatus.QUEUED
    assert len(callbacks) >= 1


def test_an_edition_already_waiting_in_the_queue_absorbs_later_publications(
    book, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        first = edition_request()
        second = edition_request()
        recipe_publish_revision(recipe=book["recipes"][0], change_note="Retting")
    assert first is not None and second is None
    assert list(Edition.objects.values_list("number", "status")) == [(1, EditionStatus.QUEUED)]


def test_nothing_is_queued_when_rendering_on_publish_is_switched_off(book, settings):
    settings.PRINTBOOK_RENDER_ON_PUBLISH = False
    recipe_publish_revision(recipe=book["recipes"][0], change_note="Retting")
    assert not Edition.objects.exists()


def test_a_failed_render_is_recorded(book, monkeypatch):
    def broken(*, html):
        raise RuntimeError("pango is missing")

    monkeypatch.setattr(services, "render_pdf", broken)
    edition = services.edition_create(on=EDITION_DATE)
    with pytest.raises(RuntimeError):
        services.edition_render(edition=edition)
    edition.refresh_from_db()
    assert edition.status == EditionStatus.FAILED
    assert "pango is missing" in edition.error
    assert edition_request() is not None  # a failed edition does not block the queue


def test_the_task_renders_only_editions_not_yet_done(book):
    done = EditionFactory(number=7)
    assert render_edition.call(edition_id=done.pk) is None
    queued = services.edition_create(on=EDITION_DATE)
    assert queued.number == 8
    assert render_edition.call(edition_id=queued.pk) > 0
    queued.refresh_from_db()
    assert queued.status == EditionStatus.READY


def test_an_edition_left_rendering_by_a_dead_worker_is_rendered_when_the_task_runs_again(book):
    """The worker was killed mid-render: the edition says "rendering" and has the first
    attempt's file. The re-queued task renders it again, into one file, and marks it ready;
    running the task once more changes nothing."""
    from django.core.files.base import ContentFile

    edition = services.edition_create(on=EDITION_DATE)
    edition.status = EditionStatus.RENDERING
    edition.file.save("kokeboka-1-2026-01-15.pdf", ContentFile(b"%PDF-half"), save=False)
    edition.save()
    first_file = edition.file.name

    pages = render_edition.call(edition_id=edition.pk)
    edition.refresh_from_db()
    assert edition.status == EditionStatus.READY
    assert pages == edition.page_count > 5
    assert edition.file.read().startswith(b"%PDF-1")
    # Replaced, not a second file beside it (the storage outlives the test).
    assert not edition.file.storage.exists(first_file) or edition.file.name == first_file
    assert edition.file.storage.exists(edition.file.name)
    assert render_edition.call(edition_id=edition.pk) is None
    edition.refresh_from_db()
    assert edition.status == EditionStatus.READY


def test_render_book_command_makes_a_new_edition(book, capsys):
    call_command("render_book")
    edition = Edition.objects.get()
    assert edition.status == EditionStatus.READY
    assert f"Edition {edition.number}" in capsys.readouterr().out
