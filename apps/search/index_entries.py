"""PostgreSQL: the site search counted and ranked straight from Wagtail's index entries.

modelsearch's PostgreSQL backend searches one model at a time: it joins the model's table to
`wagtailsearch_indexentry` on `object_id = id::varchar(50)` and sorts by `ts_rank`. The search
page did that for each of its seven sources, once to count and once for the best rows: 14
statements, each a hash join on that cast, about 37 ms of database time per request at
national volume (decision 0035).

Here the entries matching the query are read once (sitesearch 0002's GIN index on
`title || body`), and an entry is kept when its content type is one source's and its id, read
as that model's integer primary key (`object_id::integer`/`::bigint`), is in the owning app's
public queryset (one hashed subplan per source, built only if an entry of that source
matches). On that one scan:
- `page()`: the rows of one results page, ranked and merged in the database, and the count of
  every source (window functions), in one statement: what the search page asks;
- `counts()`: only the counts (one statement), for «did you mean»;
- `ranked()`: only the rows (one statement), for a page `page()` did not prepare.
The match (`(title || body) @@ tsquery`) and the rank (`ts_rank(title) * title_norm +
ts_rank(body)`) are built by the backend's own query compiler, so both are exactly what
`backend.search()` matches and ranks: the same rows in the same order (rank, then the
source's place, then the highest id first, as the merge of the per-source lists ordered
them). `apps/search/tests/test_index_entries.py` compares the two.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    F,
    IntegerField,
    Model,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresSearchBackend
from modelsearch.query import SearchQuery
from modelsearch.utils import get_descendants_content_types_pks

SOURCE = "sitesearch_source"
OBJECT_PK = "sitesearch_object_pk"
RANK = "sitesearch_rank"


def answers_from_index_entries(backend: Any) -> bool:
    """True for the database backend on PostgreSQL; SQLite's FTS5 and OpenSearch keep
    searching model by model through the backend."""
    return isinstance(backend, PostgresSearchBackend)


@dataclass(frozen=True)
class Branch:
    """One source: the model whose index entries it reads (with its subclasses' content
    types, as modelsearch joins them) and the queryset of its rows that may be shown."""

    model: type[Model]
    public: QuerySet


class IndexEntrySearch:
    def __init__(self, backend: Any, search_query: SearchQuery, branches: Sequence[Branch]):
        # Any indexed model will do: the tsquery and the rank do not depend on it.
        compiler = backend.query_compiler_class(branches[0].model.objects.none(), search_query)
        config = backend.config
        tsquery = compiler.build_tsquery(search_query, config=config)
        # As PostgresSearchQueryCompiler.search() ranks the index vectors.
        self.rank = (
            compiler.build_tsrank(F("title"), search_query, config=config) * F("title_norm")
            + compiler.build_tsrank(F("body"), search_query, config=config) * 1.0
        )
        self.branches = list(branches)
        self.content_types = [
            get_descendants_content_types_pks(branch.model) for branch in self.branches
        ]
        # `(title || body) @@ query`, the expression sitesearch 0002's GIN index holds; each
        # entry's id read as its model's primary key type (all integers here).
        self.matches = (
            IndexEntry.objects.alias(_vector_=CombinedExpression(F("title"), "||", F("body")))
            .filter(_vector_=tsquery)
            .alias(**{_pk_alias(branch): _object_pk(branch) for branch in self.branches})
            .order_by()
        )

    def _public(self, indexes: Iterable[int]) -> Q:
        """Entries of these branches whose row the branch's public queryset holds."""
        condition = Q(pk__in=[])
        for index in indexes:
            branch = self.branches[index]
            condition |= Q(content_type_id__in=self.content_types[index]) & Q(
                **{f"{_pk_alias(branch)}__in": branch.public.order_by().values("pk")}
            )
        return condition

    def counts(self) -> list[int]:
        """How many public rows of each branch match (one statement)."""
        by_content_type = dict(
            self.matches.filter(self._public(range(len(self.branches))))
            .values_list("content_type_id")
            .annotate(hits=Count("pk"))
        )
        return [
            sum(by_content_type.get(content_type, 0) for content_type in content_types)
            for content_types in self.content_types
        ]

    def _source(self, indexes: Iterable[int]) -> Case:
        return Case(
            *(
                When(content_type_id__in=self.content_types[index], then=Value(index))
                for index in indexes
            ),
            output_field=IntegerField(),
        )

    def ranked(self, indexes: Sequence[int], start: int, stop: int) -> list[tuple[int, Any, float]]:
        """(branch, primary key, rank) of the matching public rows of the given branches,
        best first, rows start..stop (one statement)."""
        if not indexes or stop <= start:
            return []
        rows = (
            self.matches.filter(self._public(indexes))
            .annotate(
                **{
                    SOURCE: self._source(indexes),
                    RANK: self.rank,
                    OBJECT_PK: Cast("object_id", BigIntegerField()),
                }
            )
            .order_by(f"-{RANK}", SOURCE, f"-{OBJECT_PK}")
            .values_list(SOURCE, OBJECT_PK, RANK)[start:stop]
        )
        return list(rows)

    def page(
        self, indexes: Sequence[int], start: int, stop: int
    ) -> tuple[list[int], list[tuple[int, Any, float]]]:
        """`counts()` and `ranked(indexes, start, stop)` in one statement: the public rows
        of every branch are read once, ranked where their branch is asked for, numbered in
        rank order, and counted per branch by a window; the statement returns the rows
        start..stop and one row of each other branch, for its count.

        The match, the rank and the public filter are compiled by Django (the inner
        statement); the windows around it are written out, because Django repeats the
        branch expression in every window it is used in, which made compiling the
        statement cost more than running it for most queries."""
        everything = range(len(self.branches))
        inner_sql, inner_params = (
            self.matches.filter(self._public(everything))
            .annotate(**{RANK: self.rank})
            .values_list("content_type_id", "object_id", RANK)
            .query.sql_with_params()
        )
        source_sql = " ".join("WHEN e.content_type_id = ANY(%s) THEN %s" for _index in everything)
        source_params = [
            value for index in everything for value in (list(self.content_types[index]), index)
        ]
        # Names are this module's constants and the inner SQL is Django's compiled statement:
        # every value is a parameter.
        sql = f"""
            SELECT {SOURCE}, {OBJECT_PK}, {RANK}, sitesearch_hits, sitesearch_position
            FROM (
                SELECT {SOURCE}, {OBJECT_PK}, {RANK},
                    COUNT(*) OVER (PARTITION BY {SOURCE}) AS sitesearch_hits,
                    ROW_NUMBER() OVER (
                        ORDER BY {RANK} DESC NULLS LAST, {SOURCE}, {OBJECT_PK} DESC
                    ) AS sitesearch_position,
                    ROW_NUMBER() OVER (PARTITION BY {SOURCE}) AS sitesearch_first
                FROM (
                    SELECT CASE {source_sql} END AS {SOURCE},
                        e.object_id::bigint AS {OBJECT_PK},
                        CASE WHEN (CASE {source_sql} END) = ANY(%s) THEN e.{RANK} END
                            AS {RANK}
                    FROM ({inner_sql}) e
                ) ranked
            ) numbered
            WHERE sitesearch_first = 1
                OR (sitesearch_position > %s AND sitesearch_position <= %s
                    AND {SOURCE} = ANY(%s))
        """  # noqa: S608 - names are ours, values are parameters
        params = [
            *source_params,
            *source_params,
            list(indexes),
            *inner_params,
            start,
            stop,
            list(indexes),
        ]
        with connections[IndexEntry.objects.db].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        counts = [0] * len(self.branches)
        chosen = []
        for source, pk, rank_value, hits, position in rows:
            counts[source] = hits
            if source in indexes and start < position <= stop:
                chosen.append((position, (source, pk, rank_value)))
        return counts, [row for _position, row in sorted(chosen)]


def _pk_alias(branch: Branch) -> str:
    return f"sitesearch_pk_{type(branch.model._meta.pk).__name__.lower()}"


def _object_pk(branch: Branch) -> Cast:
    pk_type = type(branch.model._meta.pk)
    if not issubclass(pk_type, IntegerField):
        raise TypeError(f"{branch.model.__name__}: index entries are read by integer id")
    return Cast("object_id", output_field=pk_type())
