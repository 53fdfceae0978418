"""PostgreSQL: the search filter `(title || body) @@ query` can use an index
(migration sitesearch 0002), instead of reading every indexed row's tsvectors."""

import importlib

import pytest
from django.db import connection

INDEX = importlib.import_module("apps.search.migrations.0002_indexentry_title_body_gin").INDEX


@pytest.mark.django_db
def test_the_search_filter_is_answered_from_the_title_body_index():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite searches its own FTS5 table")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [INDEX])
        (definition,) = cursor.fetchone()
        assert "gin" in definition.lower()
        # Whatever the table's size, the planner can take the index for the filter.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ plainto_tsquery('norwegian', 'arbeidstrening')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert INDEX in plan
