import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from apps.core.cache import purge_page_cache

from .factories import LegalRuleFactory, many_pages, standard_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies["kokeboka_language"] = "en"
    with translation.override("en"):
        yield client


def test_empty_search_shows_the_form_and_a_prompt(english, home_page):
    response = english.get("/sok/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label class="ds-label" for="search-q">' in html
    assert 'name="q"' in html
    assert "Type one or more words" in html
    assert "results for" not in html
    assert response.context["search_query"] == ""


def test_results_page_lists_typed_results_with_highlighted_snippets(english, home_page):
    page = standard_page(home_page, title="Dialog", intro="Planlegg anskaffelsen tidlig.")
    LegalRuleFactory(
        code="foa-8-8", citation="FOA § 8-8", title="Regel", summary="Hver anskaffelse."
    )
    response = english.get("/sok/", {"q": "anskaffelser"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Search for «anskaffelser» – Kokeboka</title>" in html
    assert "2 results for «anskaffelser»" in html
    assert f'href="{page.url}"' in html
    assert 'href="/regelverk/#foa-8-8"' in html
    assert '<span class="ds-tag" data-color="neutral">Page</span>' in html
    assert '<span class="ds-tag" data-color="neutral">Legal rule</span>' in html
    assert "Planlegg <mark>anskaffelsen</mark> tidlig." in html
    assert 'value="anskaffelser"' in html
    assert response.context["search_query"] == "anskaffelser"


def test_one_result_uses_the_singular(english, home_page):
    standard_page(home_page, title="Innkjøp", intro="Om innkjøp.")
    assert "1 result for «innkjøp»" in english.get("/sok/", {"q": "innkjøp"}).content.decode()


def test_no_results_gives_suggestions(english, home_page):
    html = english.get("/sok/", {"q": "finnesikke"}).content.decode()
    assert "0 results for «finnesikke»" in html
    assert "Check the spelling" in html
    assert "fewer words" in html
    assert 'href="/kokeboka/"' in html
    assert 'href="/regelverk/"' in html


@pytest.mark.parametrize(
    "payload",
    ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "«</mark><script>»"],
)
def test_the_query_is_always_escaped(client, home_page, payload):
    standard_page(home_page, title="Script", intro="Om script og alert.")
    html = client.get("/sok/", {"q": payload}).content.decode()
    assert payload not in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html or "&lt;img" in html


def test_markup_in_content_is_escaped_in_snippets(client, home_page):
    standard_page(home_page, title="Farlig", intro="<b>anskaffelse</b> <script>alert(1)</script>")
    html = client.get("/sok/", {"q": "anskaffelse"}).content.decode()
    assert "&lt;b&gt;<mark>anskaffelse</mark>&lt;/b&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_pagination_uses_side_and_keeps_the_query(english, home_page):
    many_pages(home_page, count=25, intro="Om anskaffelser.")
    first = english.get("/sok/", {"q": "anskaffelser"}).content.decode()
    assert "25 results for «anskaffelser»" in first
    assert 'href="?q=anskaffelser&amp;side=2" rel="next"' in first
    assert len(re.findall(r'<li class="search-result">', first)) == 10
    third = english.get("/sok/", {"q": "anskaffelser", "side": "3"}).content.decode()
    assert len(re.findall(r'<li class="search-result">', third)) == 5
    assert 'rel="next"' not in third
    assert '<ol class="search-results" start="21">' in third


@pytest.mark.parametrize("side", ["0", "-1", "abc", "99999", "9" * 5000])
def test_odd_page_numbers_fall_back_to_a_real_page(client, home_page, side):
    many_pages(home_page, count=12, intro="Om anskaffelser.")
    response = client.get("/sok/", {"q": "anskaffelser", "side": side})
    assert response.status_code == 200
    assert response.context["results"].page.number in (1, 2)


def test_only_get_is_allowed(client, home_page):
    assert client.post("/sok/", {"q": "x"}).status_code == 405


def _queries_for_results_page(client, *, expected_items: int) -> int:
    client.get("/sok/", {"q": "anskaffelser"})  # warms Wagtail's site and content-type caches
    purge_page_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sok/", {"q": "anskaffelser"})
    assert response["X-Page-Cache"] == "miss"
    assert len(response.context["results"].items) == expected_items
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_results(client, home_page):
    # The rule names the word in its title, so it ranks first at every size: each results
    # page holds a rule and pages, and only the number of results changes. (A source with
    # hits but none on the page costs no query on PostgreSQL: see test_index_entries.py.)
    LegalRuleFactory(title="Anskaffelser", summary="Om anskaffelser.")
    many_pages(home_page, count=2, intro="Om anskaffelser.")
    with_three = _queries_for_results_page(client, expected_items=3)
    many_pages(home_page, count=8, intro="Om anskaffelser.")
    with_ten = _queries_for_results_page(client, expected_items=10)
    many_pages(home_page, count=50, intro="Om anskaffelser.")
    with_sixty = _queries_for_results_page(client, expected_items=10)
    assert with_three == with_ten == with_sixty


# Public rows of the other apps, the type filter and «did you mean» ---------------------------


def _broker_rows(count: int) -> None:
    from apps.broker.tests.factories import NeedFactory, OfferFactory, ProfileFactory
    from apps.fund.tests.factories import CallFactory

    for number in range(count):
        NeedFactory(title=f"Anskaffelser {number}", description="Om anskaffelser.")
        profile = ProfileFactory(summary="Vi hjelper med anskaffelser.")
        OfferFactory(profile=profile, title=f"Tilbud {number}", description="Om anskaffelser.")
        CallFactory(title=f"Utlysning {number}", text="Om anskaffelser.")


def _queries_for(client, params: dict) -> int:
    client.get("/sok/", params)  # warms Wagtail's site and content-type caches
    purge_page_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sok/", params)
    assert response["X-Page-Cache"] == "miss"
    return len(queries)


@pytest.mark.parametrize("type", ["", "behov", "entreprenorer", "utlysninger"])
def test_query_count_with_every_kind_does_not_grow_with_the_hits(client, home_page, type):
    _broker_rows(2)
    small = _queries_for(client, {"q": "anskaffelser", "type": type})
    _broker_rows(12)
    large = _queries_for(client, {"q": "anskaffelser", "type": type})
    if connection.vendor == "postgresql":
        # Every kind is on the small page. On the large one only the best rows are, and on
        # PostgreSQL a kind with hits but none on the page costs no query
        # (test_index_entries.py): never more queries than the small page.
        assert large <= small
    else:
        assert small == large


def test_the_type_filter_is_a_plain_get_form_with_counts(english, home_page):
    from apps.broker.tests.factories import NeedFactory

    standard_page(home_page, title="Side om skolevegring", intro="Om skolevegring.")
    NeedFactory(title="Skolevegring i Bærum", description="Elever blir hjemme.")
    html = english.get("/sok/", {"q": "skolevegring", "type": "behov"}).content.decode()
    start = html.index('<form class="search-form"')
    form = html[start : html.index("</form>", start)]
    assert 'method="get"' in form
    assert "csrfmiddlewaretoken" not in form  # a GET form: nothing to forge
    assert '<legend class="ds-label">Show</legend>' in form
    assert 'name="type" id="search-type-3" value="behov" checked' in form
    assert 'Needs <span class="search-types__count">(1)</span>' in form
    assert 'All <span class="search-types__count">(2)</span>' in form
    assert "1 result for «skolevegring»" in html
    assert "Skolevegring i Bærum" in html
    assert "Side om skolevegring" not in html


def test_pagination_keeps_the_type(english, home_page):
    many_pages(home_page, count=12, intro="Om anskaffelser.")
    html = english.get("/sok/", {"q": "anskaffelser", "type": "sider"}).content.decode()
    assert 'href="?q=anskaffelser&amp;type=sider&amp;side=2" rel="next"' in html


def test_the_search_page_is_bokmal_with_type_labels_and_a_suggestion(client, home_page):
    from apps.broker.tests.factories import ProfileFactory

    ProfileFactory(organisation__name="Kompass & Co", summary="Arbeidstrening for unge.")
    html = client.get("/sok/", {"q": "arbeidstrenning"}).content.decode()
    assert "0 treff for «arbeidstrenning»" in html
    assert 'Mente du <a class="ds-link" href="/sok/?q=arbeidstrening">arbeidstrening</a>?' in html
    assert "Entreprenører og tilbud" in html
    followed = client.get("/sok/", {"q": "arbeidstrening"}).content.decode()
    assert "1 treff for «arbeidstrening»" in followed
    assert '<span class="ds-tag" data-color="neutral">Entreprenør</span>' in followed


def test_a_need_turning_private_is_not_served_from_the_page_cache(client, home_page):
    from apps.broker.models import NeedVisibility
    from apps.broker.tests.factories import NeedFactory

    need = NeedFactory(title="Skolevegring i Asker", description="Elever blir hjemme.")
    first = client.get("/sok/", {"q": "skolevegring"})
    assert first["X-Page-Cache"] == "miss"
    assert "Skolevegring i Asker" in first.content.decode()
    assert client.get("/sok/", {"q": "skolevegring"})["X-Page-Cache"] == "hit"
    need.visibility = NeedVisibility.MEMBERS
    need.save()
    after = client.get("/sok/", {"q": "skolevegring"})
    assert after["X-Page-Cache"] == "miss"
    assert "Skolevegring i Asker" not in after.content.decode()
