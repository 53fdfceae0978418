"""Behaviour every API endpoint shares: pagination, updated_since, ETag, CORS, rate limits,
OpenAPI examples and the docs page."""

import datetime

import jsonschema_rs
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.api.examples import EXAMPLES
from apps.api.middleware import rate_limit_hit
from apps.rules.models import LegalRule, Threshold
from apps.rules.tests.factories import LegalRuleFactory, ThresholdFactory

pytestmark = pytest.mark.django_db


def _set_updated(model, pk: int, moment: datetime.datetime) -> None:
    model.objects.filter(pk=pk).update(updated_at=moment)


class TestPagination:
    def test_items_and_count_with_limit_and_offset(self, client):
        LegalRuleFactory.create_batch(5)
        data = client.get("/api/v1/rules?limit=2&offset=1").json()
        assert data["count"] == 5
        assert len(data["items"]) == 2

    def test_limit_above_100_is_refused(self, client):
        response = client.get("/api/v1/rules?limit=101")
        assert response.status_code == 422

    def test_at_most_100_rows_by_default(self, client):
        LegalRuleFactory.create_batch(105)
        data = client.get("/api/v1/rules").json()
        assert data["count"] == 105
        assert len(data["items"]) == 100

    def test_every_list_endpoint_has_the_same_pagination(self, client):
        schema = client.get("/api/v1/openapi.json").json()
        lists = [
            "/api/v1/recipes",
            "/api/v1/rules",
            "/api/v1/thresholds",
            "/api/v1/thresholds/history",
            "/api/v1/posts",
            "/api/v1/cases",
            "/api/v1/events",
            "/api/v1/needs",
            "/api/v1/offers",
            "/api/v1/entrepreneurs",
            "/api/v1/grants",
        ]
        for path in lists:
            params = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
            assert params["limit"]["schema"]["maximum"] == 100, path
            assert "offset" in params, path
            assert "updated_since" in params, path

    @staticmethod
    def _paginated_lists(client) -> list[str]:
        schema = client.get("/api/v1/openapi.json").json()
        paths = []
        for path, operations in schema["paths"].items():
            names = {p["name"] for p in operations.get("get", {}).get("parameters", [])}
            if "offset" in names and "{" not in path:
                paths.append(path)
        return paths

    def test_lists_are_found_for_the_bounds_check(self, client):
        paths = self._paginated_lists(client)
        assert "/api/v1/needs" in paths
        assert "/api/v1/grants" in paths
        assert len(paths) >= 12

    @pytest.mark.parametrize(
        ("name", "value", "bound"),
        [
            ("offset", "99999999999999999999", "less than or equal to 1000000"),
            ("offset", "1000001", "less than or equal to 1000000"),
            ("offset", "-1", "greater than or equal to 0"),
            ("limit", "99999999999999999999", "less than or equal to 100"),
            ("limit", "-1", "greater than or equal to 1"),
        ],
    )
    def test_out_of_range_offset_and_limit_are_refused_on_every_list(
        self, client, name, value, bound
    ):
        """Issue 19: `/api/v1/needs?offset=99999999999999999999` answered 500."""
        for path in self._paginated_lists(client):
            response = client.get(f"{path}?{name}={value}")
            assert response.status_code == 422, path
            [error] = response.json()["detail"]
            assert error["loc"] == ["query", name], path
            assert bound in error["msg"], path

    def test_largest_offset_answers_an_empty_page(self, client):
        LegalRuleFactory.create_batch(2)
        for path in self._paginated_lists(client):
            response = client.get(f"{path}?offset=1000000")
            assert response.status_code == 200, path
            assert response.json()["items"] == [], path

    def test_out_of_range_match_limit_is_refused(self, client):
        for value in ("99999999999999999999", "-1"):
            response = client.get(f"/api/v1/needs/1/matches?limit={value}")
            assert response.status_code == 422
            assert response.json()["detail"][0]["loc"] == ["query", "limit"]

    def test_query_count_does_not_grow_with_rows(self, client):
        LegalRuleFactory.create_batch(10)
        with CaptureQueriesContext(connection) as few:
            client.get("/api/v1/rules")
        LegalRuleFactory.create_batch(50)
        with CaptureQueriesContext(connection) as many:
            client.get("/api/v1/rules")
        assert len(many) == len(few)


class TestUpdatedSince:
    def test_rules_changed_since_a_moment(self, client):
        old, new = LegalRuleFactory(code="gammel"), LegalRuleFactory(code="ny")
        _set_updated(LegalRule, old.pk, timezone.now() - datetime.timedelta(days=30))
        _set_updated(LegalRule, new.pk, timezone.now() - datetime.timedelta(days=1))
        since = (timezone.now() - datetime.timedelta(days=7)).isoformat()
        data = client.get("/api/v1/rules", {"updated_since": since}).json()
        assert [row["code"] for row in data["items"]] == ["ny"]
        assert data["count"] == 1

    def test_naive_time_is_oslo_time(self, client):
        rule = LegalRuleFactory()
        moment = timezone.make_aware(datetime.datetime(2025, 6, 1, 12, 0))
        _set_updated(LegalRule, rule.pk, moment)
        assert client.get("/api/v1/rules?updated_since=2025-06-01T11:59:00").json()["count"] == 1
        assert client.get("/api/v1/rules?updated_since=2025-06-01T12:01:00").json()["count"] == 0

    def test_threshold_history_changed_since(self, client):
        old = ThresholdFactory(
            valid_from=datetime.date(2017, 1, 1), valid_to=datetime.date(2019, 12, 31)
        )
        new = ThresholdFactory(valid_from=datetime.date(2020, 1, 1))
        _set_updated(Threshold, old.pk, timezone.now() - datetime.timedelta(days=30))
        since = (timezone.now() - datetime.timedelta(days=7)).isoformat()
        data = client.get("/api/v1/thresholds/history", {"updated_since": since}).json()
        assert [row["valid_from"] for row in data["items"]] == [new.valid_from.isoformat()]

    def test_not_a_date_time_is_refused(self, client):
        assert client.get("/api/v1/rules?updated_since=yesterday").status_code == 422


class TestETag:
    def test_strong_etag_and_not_modified(self, client):
        LegalRuleFactory()
        first = client.get("/api/v1/rules")
        etag = first["ETag"]
        assert etag.startswith('"') and not etag.startswith("W/")
        again = client.get("/api/v1/rules", HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == etag

    def test_changed_content_gives_a_new_etag(self, client):
        LegalRuleFactory()
        etag = client.get("/api/v1/rules")["ETag"]
        LegalRuleFactory()
        from django.core.cache import cache

        cache.clear()  # the anonymous page cache would otherwise serve the old body
        response = client.get("/api/v1/rules", HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200
        assert response["ETag"] != etag

    def test_no_etag_on_errors(self, client):
        response = client.get("/api/v1/recipes/finnes-ikke")
        assert response.status_code == 404
        assert "ETag" not in response


class TestCors:
    def test_get_is_open_to_every_origin(self, client):
        response = client.get("/api/v1/rules", HTTP_ORIGIN="https://example.org")
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response

    def test_preflight(self, client):
        response = client.options(
            "/api/v1/rules",
            HTTP_ORIGIN="https://example.org",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        )
        assert response.status_code == 204
        assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
        assert "POST" not in response["Access-Control-Allow-Methods"]

    def test_not_outside_the_api(self, client, home_page):
        response = client.get("/regelverk/", HTTP_ORIGIN="https://example.org")
        assert "Access-Control-Allow-Origin" not in response


class TestRateLimit:
    def test_429_with_retry_after(self, client, settings):
        settings.API_RATE_LIMIT = (3, 60)
        for _ in range(3):
            assert client.get("/api/v1/rules").status_code == 200
        refused = client.get("/api/v1/rules")
        assert refused.status_code == 429
        assert 1 <= int(refused["Retry-After"]) <= 60
        assert refused["Access-Control-Allow-Origin"] == "*"

    def test_per_client(self, client, settings):
        settings.API_RATE_LIMIT = (1, 60)
        assert client.get("/api/v1/rules", REMOTE_ADDR="10.0.0.1").status_code == 200
        assert client.get("/api/v1/rules", REMOTE_ADDR="10.0.0.1").status_code == 429
        assert client.get("/api/v1/rules", REMOTE_ADDR="10.0.0.2").status_code == 200

    def test_new_window_resets(self, settings):
        settings.API_RATE_LIMIT = (1, 60)
        assert rate_limit_hit(client="a", now=120.0)[0] is True
        assert rate_limit_hit(client="a", now=150.0)[0] is False
        allowed, _remaining, retry_after = rate_limit_hit(client="a", now=180.0)
        assert allowed is True
        assert retry_after == 60

    def test_pages_outside_the_api_are_not_counted(self, client, settings, home_page):
        settings.API_RATE_LIMIT = (1, 60)
        client.get("/regelverk/")
        assert client.get("/api/v1/rules").status_code == 200


class TestDocs:
    def test_openapi_examples_validate_against_their_schemas(self, client):
        schema = client.get("/api/v1/openapi.json").json()
        components = schema["components"]["schemas"]
        for name in EXAMPLES:
            for wrapper in (name, f"Paged{name}"):
                examples = components[wrapper]["examples"]
                document = {"$ref": f"#/components/schemas/{wrapper}", **schema}
                validator = jsonschema_rs.validator_for(document)
                for example in examples:
                    validator.validate(example)

    def test_docs_page_uses_local_assets(self, client):
        response = client.get("/api/v1/docs")
        assert response.status_code == 200
        html = response.content.decode()
        assert "/static/ninja/swagger-ui-bundle.js" in html
        assert "cdn." not in html
        assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200


class TestOpenAPIDocument:
    """The docs page parses the document with a YAML parser that refuses duplicated keys
    ("duplicated mapping key"); a strict loader here catches what the browser would."""

    @staticmethod
    def _strict(pairs):
        keys = [key for key, _ in pairs]
        duplicated = {key for key in keys if keys.count(key) > 1}
        assert not duplicated, f"duplicated keys in the OpenAPI document: {sorted(duplicated)}"
        return dict(pairs)

    def test_no_key_is_repeated_anywhere(self, client):
        import json

        body = client.get("/api/v1/openapi.json").content.decode()
        document = json.loads(body, object_pairs_hook=self._strict)
        assert document["paths"]["/api/v1/veiviser"]["get"]["responses"]["422"]

    def test_the_licence_is_the_one_the_decision_record_names(self, client):
        description = client.get("/api/v1/openapi.json").json()["info"]["description"]
        assert "NLOD 2.0" in description
        assert "CC BY" not in description
