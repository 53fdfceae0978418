import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from apps.printbook import services, views
from apps.printbook.models import Edition, EditionStatus
from apps.printbook.pdf import layout
from apps.printbook.services import recipe_html

from .conftest import EDITION_DATE
from .factories import EditionFactory
from .pdfcheck import page_count, page_texts

pytestmark = pytest.mark.django_db


def test_the_routes_come_before_the_cookbook_pages():
    assert reverse("printbook:book-pdf") == "/kokeboka/kokeboka.pdf"
    assert reverse("printbook:editions") == "/kokeboka/utgaver/"
    assert reverse("printbook:edition-pdf", kwargs={"number": 4}) == "/kokeboka/utgaver/4.pdf"
    assert reverse("printbook:recipe-pdf", kwargs={"slug": "a-b"}) == "/kokeboka/pdf/a-b.pdf"
    assert resolve("/kokeboka/kokeboka.pdf").func == views.book_pdf


def test_the_book_is_the_latest_ready_edition_served_from_storage(client):
    EditionFactory(number=1, file__data=b"%PDF-1 first")
    EditionFactory(number=2, file__data=b"%PDF-2 second")
    EditionFactory(number=3, status=EditionStatus.QUEUED, file=None)
    response = client.get("/kokeboka/kokeboka.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="kokeboka-2026-01-15.pdf"'
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == b"%PDF-2 second"
    assert Edition.objects.count() == 3  # nothing rendered


def test_the_first_request_renders_the_first_edition(client, book):
    response = client.get("/kokeboka/kokeboka.pdf")
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    edition = Edition.objects.get()
    assert edition.status == EditionStatus.READY
    assert content.startswith(b"%PDF-") and page_count(content) == edition.page_count
    assert client.get("/kokeboka/kokeboka.pdf")["X-Kokeboka-Edition"] == str(edition.number)
    assert Edition.objects.count() == 1


def test_old_editions_stay_downloadable(client):
    EditionFactory(number=1, file__data=b"%PDF-1 first")
    EditionFactory(number=2, file__data=b"%PDF-2 second")
    EditionFactory(number=3, status=EditionStatus.FAILED, file=None)
    response = client.get("/kokeboka/utgaver/1.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1 first"
    assert "immutable" in response["Cache-Control"]
    assert client.get("/kokeboka/utgaver/3.pdf").status_code == 404
    assert client.get("/kokeboka/utgaver/9.pdf").status_code == 404


def test_the_edition_list_links_every_ready_edition(client):
    EditionFactory(number=1, page_count=60, recipe_revisions={"5": 10, "6": 11})
    EditionFactory(number=2, page_count=64)
    EditionFactory(number=3, status=EditionStatus.FAILED, file=None)
    response = client.get("/kokeboka/utgaver/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/kokeboka/utgaver/1.pdf"' in html and 'href="/kokeboka/utgaver/2.pdf"' in html
    assert "/kokeboka/utgaver/3.pdf" not in html
    assert html.index("/kokeboka/utgaver/2.pdf") < html.index("/kokeboka/utgaver/1.pdf")
    assert ">60<" in html and ">64<" in html and 'datetime="2026-01-15"' in html


def test_the_edition_list_reads_a_fixed_number_of_queries(client):
    def queries() -> int:
        cache.clear()  # the anonymous page cache would answer without a query
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/kokeboka/utgaver/").status_code == 200
        return len(captured)

    EditionFactory.create_batch(10, file=None)
    few = queries()
    EditionFactory.create_batch(50, file=None)
    assert queries() == few


def test_a_recipe_as_its_own_pdf(client, book):
    recipe = book["recipes"][0]
    response = client.get(f"/kokeboka/pdf/{recipe.slug}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{recipe.slug}.pdf"'
    assert page_count(response.content) >= 1
    texts = " ".join(page_texts(layout(html=recipe_html(recipe=recipe, on=EDITION_DATE))))
    for words in (recipe.title, "Beskriv problemet", recipe.summary.split()[0]):
        assert words in texts


def test_a_recipe_that_is_not_published_has_no_pdf(client, book):
    recipe = book["recipes"][2]
    recipe.unpublish()
    assert client.get(f"/kokeboka/pdf/{recipe.slug}.pdf").status_code == 404
    assert client.get("/kokeboka/pdf/finnes-ikke.pdf").status_code == 404


def test_the_recipe_page_links_to_its_pdf(client, book):
    recipe = book["recipes"][0]
    html = client.get(recipe.url).content.decode()
    assert f'href="/kokeboka/pdf/{recipe.slug}.pdf"' in html


def test_a_recipe_with_a_non_ascii_slug_has_a_pdf(client, book):
    recipe = book["recipes"][2]
    recipe.slug = "kjøp-under"
    recipe.save()
    assert (
        client.get(reverse("printbook:recipe-pdf", kwargs={"slug": "kjøp-under"})).status_code
        == 200
    )


def test_a_new_edition_shows_in_the_cached_edition_list_at_once(client, book):
    assert "/kokeboka/utgaver/1.pdf" not in client.get("/kokeboka/utgaver/").content.decode()
    services.edition_render_now()
    assert "/kokeboka/utgaver/1.pdf" in client.get("/kokeboka/utgaver/").content.decode()
