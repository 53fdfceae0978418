"""The one pagination component (templates/components/pagination.html): every paged list
keeps its other query parameters in the page links, names the current page, and shows gaps
instead of hundreds of numbers on a long list."""

from bs4 import BeautifulSoup
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation


def render(number: int, *, count: int = 30, path: str = "/behov/", **params) -> BeautifulSoup:
    page = Paginator(list(range(count)), 2).get_page(number)
    request = RequestFactory().get(path)
    with translation.override("en"):
        html = render_to_string(
            "components/pagination.html", {"page_obj": page, **params}, request=request
        )
    return BeautifulSoup(html, "html.parser")


def hrefs(soup) -> list[str]:
    return [a["href"] for a in soup.find_all("a")]


def test_one_page_shows_no_navigation():
    assert render(1, count=2).find("nav") is None


def test_links_keep_the_requests_other_parameters_and_mark_the_current_page():
    soup = render(2, count=8, path="/behov/?sektor=helse&page=2&side=x")
    nav = soup.find("nav")
    assert nav["aria-label"] == "Pages"
    assert nav["class"] == ["ds-pagination"]
    assert hrefs(soup) == [
        "?sektor=helse&side=x&page=1",
        "?sektor=helse&side=x&page=1",
        "?sektor=helse&side=x&page=2",
        "?sektor=helse&side=x&page=3",
        "?sektor=helse&side=x&page=4",
        "?sektor=helse&side=x&page=3",
    ]
    assert soup.find("a", rel="prev")["href"].endswith("page=1")
    assert soup.find("a", rel="next")["href"].endswith("page=3")
    current = soup.find("a", attrs={"aria-current": "page"})
    assert current.get_text(" ", strip=True) == "Page 2"
    assert current["data-variant"] == "primary"


def test_a_query_built_by_the_view_wins_over_the_request():
    soup = render(1, count=4, path="/liste/?junk=1", query="q=b%C3%A5t")
    assert hrefs(soup) == ["?q=b%C3%A5t&page=1", "?q=b%C3%A5t&page=2", "?q=b%C3%A5t&page=2"]


def test_search_names_its_page_side_and_labels_the_navigation():
    soup = render(
        1,
        count=4,
        path="/sok/?q=anskaffelser&side=1",
        param="side",
        label="Result pages",
        **{"class": "search-pagination"},
    )
    nav = soup.find("nav")
    assert nav["aria-label"] == "Result pages"
    assert nav["class"] == ["ds-pagination", "search-pagination"]
    assert soup.find("a", rel="next")["href"] == "?q=anskaffelser&side=2"
    assert soup.find("a", rel="prev") is None


def test_a_long_list_shows_the_ends_and_the_neighbours_with_gaps():
    soup = render(25, count=100)  # 50 pages
    numbers = [
        li.get_text(" ", strip=True).removeprefix("Page ") or "…"
        for li in soup.find("ul").find_all("li")
    ]
    assert numbers == ["Previous", "1", "…", "23", "24", "25", "26", "27", "…", "50", "Next"]


def test_the_page_word_is_translated():
    page = Paginator(list(range(4)), 2).get_page(1)
    with translation.override("nb"):
        html = render_to_string(
            "components/pagination.html",
            {"page_obj": page},
            request=RequestFactory().get("/"),
        )
    assert "Side " in html and "Neste" in html
