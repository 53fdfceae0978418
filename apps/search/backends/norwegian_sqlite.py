"""Wagtail's SQLite FTS5 backend with Norwegian stemming of indexed text and of queries,
so that «anskaffelsen», «anskaffelser» and «anskaffelse» meet on SQLite as they do with
PostgreSQL's `norwegian` text-search configuration."""

from django.utils.encoding import force_str
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from apps.search.stemming import stem_text


class NorwegianSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        if not objs:
            return
        # The parent stores the raw text; replace it with stems in the same transaction.
        entries = self.entries.filter(
            content_type_id=get_content_type_pk(model),
            object_id__in=[force_str(obj.pk) for obj in objs],
        ).only("pk", "title", "body")
        for entry in entries:
            entry.title = stem_text(entry.title)
            entry.body = stem_text(entry.body)
            entry.save(update_fields=["title", "body"])


class NorwegianSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(stem_text(query.query_string), operator=query.operator)
        elif isinstance(query, Phrase):
            query = Phrase(stem_text(query.query_string))
        return super().build_search_query_content(query, config=config)


class NorwegianSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = NorwegianSQLiteIndex
    query_compiler_class = NorwegianSQLiteQueryCompiler


SearchBackend = NorwegianSQLiteSearchBackend
