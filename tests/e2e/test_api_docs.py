"""The API documentation page linked from the footer renders in the browser: Swagger UI parses
the OpenAPI document with a YAML parser that refuses repeated keys, and shows an error banner
instead of the operations when it does (as it did with two `422` keys)."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_api_docs_render_every_operation(page):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/api/v1/docs")
    page.locator(".opblock").first.wait_for(timeout=10_000)
    assert page.locator(".opblock").count() >= 20
    assert page.locator(".errors-wrapper").count() == 0
    assert "duplicated mapping key" not in page.content()
    assert errors == []
