"""Wagtail's PostgreSQL search backend fed with the same Norwegian stems as the SQLite one,
so that bokmål and nynorsk forms meet on PostgreSQL as they do on SQLite.

PostgreSQL has a `norwegian` text-search configuration (Snowball's bokmål-leaning
algorithm) but none for nynorsk, and no way to add our nynorsk → bokmål table to it without
installing dictionaries on the server. So the text is stemmed in Python first
(`apps.search.stemming.stem_text`: Snowball plus the nynorsk table), and PostgreSQL's
`norwegian` configuration then indexes and queries those stems. Both sides pass the same two
steps, so they always agree; the autocomplete column stays as typed (the `simple` config),
as in modelsearch.

Hooks, as modelsearch calls them:
- `PostgresIndex.add_items(model, objs)` is the one write path (save, publish and
  `update_index` all end there). It builds a module-level `ObjectIndexer` per object, so we
  repeat its short body with our indexer, whose `as_vector` stems title and body texts.
- Both write paths (`add_items`, `delete_item`) move the search generation
  (`apps.search.stored.index_changed`), so stored search answers are never older than the
  index entries they were read from.
- `PostgresSearchQueryCompiler.build_tsquery_content` turns each PlainText and Phrase (also
  inside And/Or/Not, which recurse through it) into a tsquery: we stem the words first.
"""

from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from apps.search.stemming import stem_text
from apps.search.stored import index_changed

# The stems of a query made only of stop words or punctuation: an empty tsquery, which
# matches nothing (PostgreSQL's own behaviour for such a query).
MATCH_NOTHING = ""


class NorwegianObjectIndexer(ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        if not for_autocomplete:
            texts = [(stem_text(text), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


class NorwegianPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [NorwegianObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return

        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows_sql = []
        params: list = []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors_sql = []
            for field_name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(field_name), getattr(indexer, field_name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors_sql.append(sql)
                params.extend(value_params)
            # Plain text as typed, for modelsearch's fuzzy (trigram) search.
            params.extend((indexer.title_text, indexer.body_text))
            rows_sql.append(f"(%s, %s, {', '.join(vectors_sql)}, 1.0, %s, %s)")

        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title,
                    autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows_sql)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()
        index_changed()

    def delete_item(self, item):
        super().delete_item(item)
        index_changed()


class NorwegianPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            stemmed = stem_text(query.query_string)
            if not stemmed:
                return super().build_tsquery_content(
                    Phrase(MATCH_NOTHING), config=config, invert=invert
                )
            query = PlainText(stemmed, operator=query.operator)
        elif isinstance(query, Phrase):
            query = Phrase(stem_text(query.query_string))
        return super().build_tsquery_content(query, config=config, invert=invert)


class NorwegianPostgresSearchBackend(PostgresSearchBackend):
    index_class = NorwegianPostgresIndex
    query_compiler_class = NorwegianPostgresQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler


SearchBackend = NorwegianPostgresSearchBackend
