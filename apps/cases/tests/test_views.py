import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from apps.cases.models import CaseIndexPage, CasePage, CollaborationForm
from apps.cookbook.tests.factories import RecipePageFactory
from apps.core.models import Municipality, Sector, TargetGroup

from .factories import CasePageFactory

pytestmark = pytest.mark.django_db


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def main(response) -> str:
    text = html(response)
    return text[text.index("<main") : text.index("</main>")]


def queries_for(client, url: str) -> int:
    cache.clear()  # neither the page cache nor Wagtail's site cache may hide queries
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def municipality(code: str) -> Municipality:
    return Municipality.objects.get(code=code)


@pytest.fixture
def two_cases(case_index):
    pilot = CasePageFactory(
        parent=case_index,
        title="Pilot i Bærum",
        municipality=municipality("3201"),
        collaboration_form=CollaborationForm.PILOT,
        sectors=[Sector.objects.get(code="helse_omsorg")],
        start_year=2020,
    )
    fund = CasePageFactory(
        parent=case_index,
        title="Fond i Trondheim",
        municipality=municipality("5001"),
        collaboration_form=CollaborationForm.INNOVATION_FUND,
        sectors=[Sector.objects.get(code="folkehelse")],
        start_year=2018,
    )
    return pilot, fund


# The list --------------------------------------------------------------------------------------


def test_list_shows_count_and_a_card_per_published_example(english, two_cases, case_index):
    CasePageFactory(parent=case_index, title="Hemmelig utkast", live=False)

    page = main(english.get("/eksempler/"))

    assert "2 examples</h2>" in page
    assert page.count('class="ds-card case-card"') == 2
    assert "Pilot i Bærum" in page and "Fond i Trondheim" in page
    assert "Hemmelig utkast" not in page
    assert "Bærum (Akershus)" in page
    assert page.count("<h1") == 1
    assert 'href="/eksempler/fylker/"' in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sector=helse_omsorg", "Pilot i Bærum"),
        ("form=innovasjonsfond", "Fond i Trondheim"),
        ("county=50", "Fond i Trondheim"),
        ("municipality=3201", "Pilot i Bærum"),
        ("county=32&form=pilot&sector=helse_omsorg", "Pilot i Bærum"),
    ],
)
def test_list_filters_with_plain_get(english, two_cases, query, expected):
    page = main(english.get(f"/eksempler/?{query}"))

    assert "1 example matches the filters" in page
    titles = re.findall(r'<h3 class="ds-heading" data-size="xs"><a [^>]*>([^<]+)</a>', page)
    assert titles == [expected]
    assert "Clear filters" in page


def test_combined_filters_with_no_match_say_so(english, two_cases):
    page = main(english.get("/eksempler/?county=50&form=pilot"))

    assert "0 examples match the filters" in page
    assert "No example matches all the chosen filters" in page


def test_invalid_filter_values_are_reported_and_the_valid_ones_still_apply(english, two_cases):
    page = main(english.get("/eksempler/?sector=tull&county=50&municipality=12ab&form=xyz"))

    assert "Some filter values could not be used" in page
    assert 'href="#id_sector"' in page
    assert 'href="#id_form"' in page
    assert "«12ab» is not a municipality number." in page
    assert "1 example matches the filters" in page
    assert "Fond i Trondheim" in page
    assert "Pilot i Bærum" not in page


def test_municipality_choices_are_those_with_examples_plus_the_chosen_one(english, two_cases):
    page = main(english.get("/eksempler/?municipality=1804"))

    select = page[
        page.index('name="municipality"') : page.index(
            "</select>", page.index('name="municipality"')
        )
    ]
    assert re.findall(r'<option value="(\d+)"', select) == ["1804", "3201", "5001"]
    assert "0 examples match the filters" in page


def test_list_is_paginated(english, case_index):
    for number in range(22):
        CasePageFactory(
            parent=case_index, title=f"Eksempel nr {number:02d}", start_year=2000 + number
        )

    first = main(english.get("/eksempler/"))
    second = main(english.get("/eksempler/?page=2"))

    assert "22 examples</h2>" in first
    assert first.count("ds-card case-card") == 20
    assert second.count("ds-card case-card") == 2
    assert 'rel="next"' in first


# The county overview --------------------------------------------------------------------------


def test_county_overview_has_an_accessible_table_and_chart_with_the_same_numbers(
    english, two_cases
):
    page = main(english.get("/eksempler/fylker/"))

    assert "<caption>" in page
    assert '<th scope="col">County</th>' in page
    assert (
        '<th scope="row"><a class="ds-link" href="/eksempler/?county=32">Akershus</a></th>' in page
    )
    assert (
        '<th scope="row"><a class="ds-link" href="/eksempler/?county=50">Trøndelag</a></th>' in page
    )
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg
    assert 'aria-labelledby="county-chart-title county-chart-desc"' in svg
    assert '<title id="county-chart-title">' in svg and '<desc id="county-chart-desc">' in svg
    assert "Akershus: 1." in svg and "Trøndelag: 1." in svg and "Oslo: 0." in svg
    assert "style=" not in page
    table_counts = re.findall(r'<td class="number">(\d+)</td>', page)
    chart_counts = re.findall(r'class="county-chart__value"[^>]*>(\d+)</text>', svg)
    assert table_counts[:-1] == chart_counts  # the last table cell is the total
    assert table_counts[-1] == "2"


def test_county_chart_bars_scale_to_the_largest_count(english, case_index):
    for _ in range(2):
        CasePageFactory(parent=case_index, municipality=municipality("0301"))
    CasePageFactory(parent=case_index, municipality=municipality("4601"))

    svg = main(english.get("/eksempler/fylker/"))
    widths = dict(
        re.findall(r'>([^<]+)</text>\s*<rect class="county-chart__bar" [^>]*width="(\d+)"', svg)
    )

    assert int(widths["Oslo"]) == 2 * int(widths["Vestland"])
    assert widths["Agder"] == "0"


def test_county_overview_has_breadcrumbs(english, two_cases):
    text = html(english.get("/eksempler/fylker/"))
    crumbs = text[
        text.index('class="ds-breadcrumbs') : text.index(
            "</nav>", text.index('class="ds-breadcrumbs')
        )
    ]

    assert '<a href="/eksempler/">Eksempler</a>' in crumbs
    assert '<a aria-current="page" href="/eksempler/fylker/">Examples by county</a>' in crumbs


# The example's page ---------------------------------------------------------------------------


def test_case_page_shows_every_field(english, case_index, chapter):
    recipe = RecipePageFactory(parent=chapter, title="Betalt pilot")
    case = CasePageFactory(
        parent=case_index,
        title="JodaCare i Trondheim",
        summary="Kommunen betalte for en pilot.",
        municipality=municipality("5001"),
        entrepreneur_name="JodaCare AS",
        entrepreneur_url="https://jodacare.example/",
        collaboration_form=CollaborationForm.PILOT,
        start_year=2016,
        end_year=None,
        story="<p>Historien om piloten.</p>",
        lessons_learned="<ul><li>Mål fra start.</li></ul>",
        unconfirmed_note="Årstallet er ikke bekreftet.",
        sectors=[Sector.objects.get(code="helse_omsorg")],
        target_groups=[TargetGroup.objects.get(code="parorende")],
        recipes=[recipe],
        outcomes=[
            {"name": "Brukere", "value": 1250, "unit": "personer", "note": "Første år"},
            {"name": "Spart tid", "value": None, "note": "Ikke målt", "unconfirmed": True},
        ],
        sources=[
            {"title": "Veier til samarbeid", "url": "https://www.regjeringen.no/"},
            {"title": "Trykt rapport", "url": ""},
        ],
    )

    page = main(english.get(case.url))

    for text in (
        "JodaCare i Trondheim",
        "Kommunen betalte for en pilot.",
        '<a class="ds-link" href="/eksempler/?municipality=5001">Trondheim - Tråante</a>',
        '<a class="ds-link" href="/eksempler/?county=50">Trøndelag</a>',
        '<a class="ds-link" href="https://jodacare.example/" rel="external">JodaCare AS</a>',
        '<a class="ds-link" href="/eksempler/?form=pilot">Pilot</a>',
        "2016 – ongoing",
        # Sectors and target groups in the interface language (docs/decisions/0019).
        "Health and care",
        "Relatives and carers",
        "<p>Historien om piloten.</p>",
        "<li>Mål fra start.</li>",
        "Some details are not confirmed",
        "Årstallet er ikke bekreftet.",
        '<th scope="row">Brukere</th>',
        "1\u00a0250 personer",
        "Første år",
        "unconfirmed</span>",
        "Recipes this example illustrates",
        f'href="{recipe.url}">Betalt pilot</a>',
        'href="https://www.regjeringen.no/" rel="external">Veier til samarbeid</a>',
        "<li>Trykt rapport</li>",
    ):
        assert text in page, text
    assert page.count("<h1") == 1


def test_case_page_has_breadcrumbs_through_the_index(english, two_cases):
    pilot, _fund = two_cases
    text = html(english.get(pilot.url))
    crumbs = text[
        text.index('class="ds-breadcrumbs') : text.index(
            "</nav>", text.index('class="ds-breadcrumbs')
        )
    ]

    # The page titles are bokmål in an English trail, and say so (WCAG 3.1.2).
    assert '<a href="/eksempler/" lang="nb">Eksempler</a>' in crumbs
    assert f'<a aria-current="page" href="{pilot.url}" lang="nb">Pilot i Bærum</a>' in crumbs


def test_case_page_without_unconfirmed_details_has_no_warning(english, two_cases):
    page = main(english.get(two_cases[0].url))

    assert "Some details are not confirmed" not in page


def test_unpublished_example_is_not_served(client, case_index):
    draft = CasePageFactory(parent=case_index, slug="utkast", live=False)

    assert client.get("/eksempler/utkast/").status_code == 404
    assert draft.pk


# Query counts ---------------------------------------------------------------------------------


def _many_cases(index: CaseIndexPage, count: int, *, start: int = 0) -> None:
    sectors = list(Sector.objects.all()[:2])
    codes = ["0301", "3201", "4601", "5001", "1103"]
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=codes)}
    for number in range(start, start + count):
        CasePageFactory(
            parent=index,
            municipality=municipalities[codes[number % len(codes)]],
            sectors=sectors,
            start_year=2000 + number % 20,
        )


@pytest.mark.parametrize(
    "url",
    ["/eksempler/", "/eksempler/?county=03&sector=oppvekst_utdanning", "/eksempler/fylker/"],
)
def test_query_counts_do_not_grow_with_the_number_of_examples(client, case_index, url):
    _many_cases(case_index, 10)
    with_ten = queries_for(client, url)
    _many_cases(case_index, 50, start=10)
    with_sixty = queries_for(client, url)

    assert with_sixty == with_ten


def test_case_page_query_count_does_not_grow_with_its_relations(client, case_index):
    small = CasePageFactory(
        parent=case_index,
        outcomes=[{"name": "a"}],
        sources=[{"title": "a", "url": ""}],
        sectors=list(Sector.objects.all()[:1]),
    )
    large = CasePageFactory(
        parent=case_index,
        outcomes=[{"name": f"o{n}"} for n in range(10)],
        sources=[{"title": f"s{n}", "url": ""} for n in range(10)],
        sectors=list(Sector.objects.all()[:6]),
        target_groups=list(TargetGroup.objects.all()[:6]),
    )

    assert queries_for(client, large.url) == queries_for(client, small.url)


# Search and the recipe page -------------------------------------------------------------------


def test_site_search_finds_published_examples_only(case_index):
    from apps.search.selectors import site_search

    published = CasePageFactory(parent=case_index, title="Naturskolen i Lier", slug="naturskolen")
    published.save_revision().publish()
    draft = CasePageFactory(parent=case_index, title="Naturskolen i utkast", slug="utkast")
    draft.unpublish()

    results = site_search(query="Naturskolen", page_number=1)

    assert [item.title for item in results.items] == ["Naturskolen i Lier"]
    assert results.items[0].url.endswith("/eksempler/naturskolen/")
    assert results.items[0].type_label in {"Example", "Eksempel"}
    assert list(CasePage.objects.live().search("Lier")) == [published]


def test_recipe_include_lists_published_examples_of_the_recipe(case_index, chapter):
    recipe = RecipePageFactory(parent=chapter)
    lonely = RecipePageFactory(parent=chapter)
    case = CasePageFactory(parent=case_index, title="Lier viser veien", recipes=[recipe])
    CasePageFactory(parent=case_index, title="Utkast", live=False, recipes=[recipe])
    template = Template('{% include "cases/includes/recipe_cases.html" %}')

    rendered = template.render(Context({"page": recipe}))
    empty = template.render(Context({"page": lonely}))

    assert f'href="{case.url}">Lier viser veien</a>' in rendered
    assert "(Bærum)" in rendered
    assert "Utkast" not in rendered
    assert empty.strip() == ""


# Admin ----------------------------------------------------------------------------------------


def test_publishing_in_the_admin_needs_a_municipality(client, editor, case_index):
    client.force_login(editor)
    url = f"/admin/pages/add/cases/casepage/{case_index.pk}/"
    data = {
        "title": "Uten kommune",
        "slug": "uten-kommune",
        "summary": "Mangler kommune.",
        "outcomes-TOTAL_FORMS": "0",
        "outcomes-INITIAL_FORMS": "0",
        "outcomes-MIN_NUM_FORMS": "0",
        "outcomes-MAX_NUM_FORMS": "1000",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
    }

    refused = client.post(url, {**data, "action-publish": "action-publish"})
    assert refused.status_code == 200
    assert not CasePage.objects.filter(slug="uten-kommune").exists()

    saved = client.post(url, data)
    assert saved.status_code == 302
    draft = CasePage.objects.get(slug="uten-kommune")
    assert draft.live is False

    published = client.post(
        url,
        {
            **data,
            "slug": "med-kommune",
            "municipality": municipality("3201").pk,
            "action-publish": "action-publish",
        },
    )
    assert published.status_code == 302
    assert CasePage.objects.get(slug="med-kommune").live is True
