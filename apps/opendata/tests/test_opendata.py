"""Open data and machine-readable pages over the demo content: DCAT catalogue, bulk CSV,
sitemap, robots.txt, OpenGraph, canonical links and schema.org JSON-LD."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.blog.models import BlogPostPage
from apps.cookbook.models import RecipePage
from apps.events.models import Event
from apps.opendata.datasets import DATASETS, DATASETS_BY_SLUG
from apps.rules.models import LegalRule

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
REQUIRED_DATASET_PROPERTIES = (
    "dct:title",
    "dct:description",
    "dct:publisher",
    "dcat:theme",
    "dct:license",
    "dct:accessRights",
    "dcat:contactPoint",
    "dcat:keyword",
    "dcat:distribution",
    "dct:modified",
    "dct:identifier",
)


def _languages(values: list[dict]) -> set[str]:
    return {value["@language"] for value in values if value.get("@value")}


def _jsonld_nodes(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def _meta(html: str, prop: str) -> str | None:
    match = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', html)
    return match.group(1) if match else None


NOT_IN_DEMO = {"needs", "offers", "entrepreneurs", "grants"}


class TestCatalogue:
    @pytest.fixture
    def catalogue(self, demo, client):
        response = client.get("/data/catalog")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/ld+json")
        return json.loads(response.content)

    def test_catalog_node(self, catalogue):
        assert catalogue["@type"] == "dcat:Catalog"
        context = catalogue["@context"]
        assert context["dcat"] == "http://www.w3.org/ns/dcat#"
        assert context["dct"] == "http://purl.org/dc/terms/"
        assert _languages(catalogue["dct:title"]) == {"nb", "en"}
        assert _languages(catalogue["dct:description"]) == {"nb", "en"}
        assert catalogue["dct:publisher"]["foaf:name"] == "Kokeboka"
        assert catalogue["@id"] == "http://testserver/data/catalog"

    def test_every_dataset_has_the_required_properties(self, catalogue):
        datasets = catalogue["dcat:dataset"]
        assert {node["@id"].rsplit("#", 1)[1] for node in datasets} == {
            "recipes",
            "rules",
            "thresholds",
            "posts",
            "examples",
            "events",
            "needs",
            "offers",
            "entrepreneurs",
            "grants",
        }
        publisher_id = catalogue["dct:publisher"]["@id"]
        for node in datasets:
            assert node["@type"] == "dcat:Dataset"
            slug = node["@id"].rsplit("#", 1)[1]
            missing = [
                prop
                for prop in REQUIRED_DATASET_PROPERTIES
                if not node.get(prop)
                # An empty dataset has no last change; the module's demo has no broker or
                # fund rows.
                and not (prop == "dct:modified" and slug in NOT_IN_DEMO)
            ]
            assert not missing, (node["@id"], missing)
            assert _languages(node["dct:title"]) == {"nb", "en"}
            assert node["dct:publisher"]["@id"] == publisher_id
            assert node["dct:license"]["@id"] == "https://data.norge.no/nlod/no/2.0"
            assert node["dct:accessRights"]["@id"].endswith("/access-right/PUBLIC")
            for theme in node["dcat:theme"]:
                assert theme["@id"].startswith(
                    "http://publications.europa.eu/resource/authority/data-theme/"
                )
            assert node["dcat:contactPoint"]["vcard:hasEmail"]["@id"].startswith("mailto:")

    def test_distributions_are_the_api_and_the_csv(self, catalogue, client):
        for node in catalogue["dcat:dataset"]:
            by_type = {
                dist["dcat:mediaType"]["@id"].rsplit("/", 2)[-2]
                + "/"
                + dist["dcat:mediaType"]["@id"].rsplit("/", 1)[-1]: dist
                for dist in node["dcat:distribution"]
            }
            api = by_type["application/json"]
            csv_dist = by_type["text/csv"]
            assert api["dcat:accessURL"]["@id"].startswith("http://testserver/api/v1/")
            download = csv_dist["dcat:downloadURL"]["@id"]
            assert re.fullmatch(r"http://testserver/data/[a-z]+\.csv", download)
            path = download.removeprefix("http://testserver")
            assert client.get(path).status_code == 200
            api_path = api["dcat:accessURL"]["@id"].removeprefix("http://testserver")
            assert client.get(api_path).status_code == 200

    def test_modified_is_the_latest_change(self, catalogue):
        rules = next(n for n in catalogue["dcat:dataset"] if n["@id"].endswith("#rules"))
        latest = LegalRule.objects.order_by("-updated_at").first().updated_at
        assert rules["dct:modified"] == latest.isoformat()


class TestCsv:
    def _read(self, client, slug: str) -> tuple[bytes, list[list[str]]]:
        response = client.get(f"/data/{slug}.csv")
        assert response.status_code == 200
        assert response.streaming
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        body = b"".join(response.streaming_content)
        return body, list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))

    def test_every_dataset_has_bom_header_and_one_row_per_item(self, demo, client):
        for dataset in DATASETS:
            body, rows = self._read(client, dataset.slug)
            assert body.startswith(b"\xef\xbb\xbf"), dataset.slug
            assert rows[0] == [column.name for column in dataset.columns]
            assert len(rows) - 1 == dataset.rows().count(), dataset.slug
            # The broker and fund demos are not part of this module's demo content; their
            # datasets' rows are tested in test_broker_and_grant_datasets.py.
            if dataset.slug not in NOT_IN_DEMO:
                assert len(rows) > 1, dataset.slug

    def test_recipes_csv_content(self, demo, client):
        _body, rows = self._read(client, "recipes")
        header, data = rows[0], rows[1:]
        recipe = RecipePage.objects.live().first()
        row = next(r for r in data if r[header.index("slug")] == recipe.slug)
        assert row[header.index("title")] == recipe.title
        assert row[header.index("url")].endswith(recipe.url)
        assert row[header.index("phase")] == recipe.phase

    def test_only_published_events(self, demo, client):
        _body, rows = self._read(client, "events")
        slugs = {row[0] for row in rows[1:]}
        assert slugs == set(Event.objects.published().values_list("slug", flat=True))
        unpublished = Event.objects.exclude(slug__in=slugs)
        assert all(event.slug not in slugs for event in unpublished)

    def test_query_count_is_bounded(self, demo, client):
        with CaptureQueriesContext(connection) as queries:
            self._read(client, "recipes")
        assert len(queries) < DATASETS_BY_SLUG["recipes"].rows().count()

    def test_unknown_dataset(self, demo, client):
        assert client.get("/data/nothing.csv").status_code == 404


class TestSitemapAndRobots:
    def test_sitemap_lists_public_pages_lists_and_meetings(self, demo, client):
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        root = ET.fromstring(response.content)  # noqa: S314 (our own response)
        assert root.tag == f"{{{SITEMAP_NS}}}urlset"
        locations = [loc.text for loc in root.iter(f"{{{SITEMAP_NS}}}loc")]
        recipe = RecipePage.objects.live().public().first()
        assert recipe.get_full_url() in locations
        paths = {loc.split("/", 3)[3] for loc in locations}
        assert {"regelverk/", "veiviser/", "dialogmoter/", "eksempler/"} <= paths
        event = Event.objects.published().first()
        assert f"dialogmoter/{event.slug}/" in paths
        assert len(locations) == len(set(locations))

    def test_sitemap_leaves_out_drafts(self, demo, client):
        recipe = RecipePage.objects.live().first()
        recipe.unpublish()
        root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
        locations = [loc.text for loc in root.iter(f"{{{SITEMAP_NS}}}loc")]
        assert all(not loc.endswith(f"/{recipe.slug}/") for loc in locations)

    def test_robots(self, demo, client):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        lines = response.content.decode().splitlines()
        assert "User-agent: *" in lines
        assert "Disallow: /admin/" in lines
        assert "Disallow: /konto/" in lines
        assert "Sitemap: http://testserver/sitemap.xml" in lines


class TestPageMetadata:
    def test_recipe_has_opengraph_canonical_and_howto(self, demo, client):
        recipe = RecipePage.objects.live().first()
        html = client.get(recipe.url).content.decode()
        assert _meta(html, "og:title") == recipe.title
        assert _meta(html, "og:type") == "article"
        assert _meta(html, "og:locale") == "nb_NO"
        assert _meta(html, "og:url") == recipe.get_full_url()
        assert _meta(html, "og:description")
        assert f'<link rel="canonical" href="{recipe.get_full_url()}">' in html
        howto = next(node for node in _jsonld_nodes(html) if node["@type"] == "HowTo")
        assert howto["@context"] == "https://schema.org"
        assert howto["name"] == recipe.title
        step_titles = [b.value["title"] for b in recipe.steps if b.block_type == "step"]
        assert step_titles
        assert [step["name"] for step in howto["step"]] == step_titles
        assert all(step["@type"] == "HowToStep" and step["text"] for step in howto["step"])
        assert [step["position"] for step in howto["step"]] == list(range(1, len(step_titles) + 1))

    def test_post_has_article(self, demo, client):
        post = BlogPostPage.objects.live().first()
        html = client.get(post.url).content.decode()
        article = next(node for node in _jsonld_nodes(html) if node["@type"] == "Article")
        assert article["headline"] == post.title
        assert article["author"]["name"] == post.author
        assert article["datePublished"] == post.date.isoformat()
        assert _meta(html, "og:type") == "article"

    def test_home_has_website(self, demo, client):
        html = client.get("/").content.decode()
        website = next(node for node in _jsonld_nodes(html) if node["@type"] == "WebSite")
        assert website["potentialAction"]["target"].endswith("/sok/?q={search_term_string}")
        assert _meta(html, "og:type") == "website"

    def test_view_without_page_has_opengraph_and_no_jsonld(self, demo, client):
        html = client.get("/regelverk/").content.decode()
        assert _meta(html, "og:url") == "http://testserver/regelverk/"
        assert _meta(html, "og:locale") == "nb_NO"
        assert '<link rel="canonical" href="http://testserver/regelverk/">' in html
        assert _jsonld_nodes(html) == []
