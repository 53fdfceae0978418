"""Wagtail's SQLite FTS5 backend with Norwegian stemming of indexed text and of queries,
so that «anskaffelsen», «anskaffelser» and «anskaffelse» meet on SQLite as they do with
PostgreSQL's `norwegian` text-search configuration.

Hooks, as modelsearch calls them:
- `SQLiteIndex.add_items(model, objs)` is the one write path: saving or publishing an object
  (`index.insert_or_update_object` -> `backend.add` -> `add_item`) and `update_index` /
  `rebuild_modelsearch_index` (chunks of 1000 per model) both end there. We write the stems
  of the title and body columns; the autocomplete column stays as typed, because
  autocomplete matches prefixes of words, unstemmed, like PostgreSQL's `simple` config.
- `SQLiteSearchQueryCompiler.build_search_query_content` turns each PlainText and Phrase
  (also inside And/Or/Not, which recurse through it) into an FTS5 expression: we stem the
  words first.
"""

from django.utils.encoding import force_str
from modelsearch.backends.database.sqlite.query import SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from apps.search.stemming import stem_text, words

# An empty FTS5 phrase matches no row: what a query made only of stop words or
# punctuation finds, as on PostgreSQL.
MATCH_NOTHING = ""


class NorwegianSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [ObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return

        content_type_pk = get_content_type_pk(model)
        data = {
            indexer.id: (stem_text(indexer.title), indexer.autocomplete, stem_text(indexer.body))
            for indexer in indexers
        }

        existing = list(
            self.entries.filter(content_type_id=content_type_pk, object_id__in=list(data))
        )
        for entry in existing:
            entry.title, entry.autocomplete, entry.body = data.pop(force_str(entry.object_id))
            # 1.0 marks the entry for _refresh_title_norms, as the title length may have changed.
            entry.title_norm = 1.0
        if existing:
            self.entries.bulk_update(existing, ["title", "autocomplete", "body", "title_norm"])

        self.entries.bulk_create(
            [
                self.entries.model(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
            ]
        )
        self._refresh_title_norms()


class NorwegianSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            stemmed = stem_text(query.query_string)
            if not stemmed:
                return SearchQueryExpression(MATCH_NOTHING)
            query = PlainText(stemmed, operator=query.operator)
        elif isinstance(query, Phrase):
            # Stems hold no quotes, so the phrase cannot break out of FTS5's "...".
            query = Phrase(stem_text(query.query_string))
        return super().build_search_query_content(query, config=config)


class NorwegianSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    """Autocomplete stays unstemmed; only words go to FTS5, so a stray quote is harmless."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            cleaned = words(query.query_string)
            if not cleaned:
                return SearchQueryExpression(MATCH_NOTHING)
            query = PlainText(cleaned, operator=query.operator)
        elif isinstance(query, Phrase):
            query = Phrase(words(query.query_string))
        return super().build_search_query_content(query, config=config)


class NorwegianSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = NorwegianSQLiteIndex
    query_compiler_class = NorwegianSQLiteQueryCompiler
    autocomplete_query_compiler_class = NorwegianSQLiteAutocompleteQueryCompiler


SearchBackend = NorwegianSQLiteSearchBackend
