"""The site search: everything public, one list ordered by relevance, narrowed by type.

Pages are searched generically through Wagtail's Page tree (so every page type with
search_fields is found without this app importing it); legal rules through LegalRule;
needs, entrepreneur profiles, offers and calls through this app's search proxies
(apps.search.models); meetings through Event. Each source is searched by the configured
backend (PostgreSQL `norwegian`, or our stemmed SQLite FTS5) within the rows its own app
calls public (`needs_public()`, `profiles_public()`, `public_offers()`,
`calls_published()`, `events_published()`), so a draft, members-only, expired or lapsed row
is never a result whatever the index holds. The sources are merged by score one results page
at a time, in a fixed number of queries whatever the number of hits: on PostgreSQL in one
statement over the index entries, stored per query while nothing it counts changes
(apps.search.index_entries, apps.search.stored; decision 0035), elsewhere source by source
through the backend.
"""

import datetime
import html
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from modelsearch.backends import get_search_backend
from modelsearch.query import And, Phrase, PlainText, SearchQuery
from wagtail.fields import RichTextField
from wagtail.models import Page

from apps.broker.selectors import needs_public, profiles_public, public_offers
from apps.core.content_language import CONTENT_LANGUAGE_PARAM, DEFAULT_CONTENT_LANGUAGE
from apps.events.models import Event
from apps.events.selectors import events_published
from apps.fund.selectors import calls_published
from apps.rules.models import LegalRule
from apps.search.index_entries import Branch, IndexEntrySearch, answers_from_index_entries
from apps.search.models import SearchCall, SearchNeed, SearchOffer, SearchProfile
from apps.search.registry import result_type_label
from apps.search.stemming import split_words, stem_word, stems, words
from apps.search.stored import stored

MAX_QUERY_LENGTH = 200
MAX_PER_PAGE = 50
# Beyond this row a page number is not read ahead (a made-up `side=99999…`): the paginator
# asks for its last real page instead.
MAX_PREPARED_ROW = 100_000
SNIPPET_MAX_CHARS = 240
SNIPPET_WORDS_BEFORE_MATCH = 6
SCORE_FIELD = "search_score"
# Where a page's snippet comes from, in order of preference.
PAGE_SNIPPET_ATTRIBUTES = ("search_description", "intro", "summary")


# The type filter: (value of ?type=, label). "" is every type.
TYPE_ALL = ""
TYPE_PAGES = "sider"
TYPE_NEEDS = "behov"
TYPE_ENTREPRENEURS = "entreprenorer"
TYPE_CALLS = "utlysninger"
TYPE_MEETINGS = "dialogmoter"


def type_choices() -> list[tuple[str, str]]:
    return [
        (TYPE_ALL, _("All")),
        (TYPE_PAGES, _("Recipes and pages")),
        (TYPE_NEEDS, _("Needs")),
        (TYPE_ENTREPRENEURS, _("Entrepreneurs and offers")),
        (TYPE_CALLS, _("Calls")),
        (TYPE_MEETINGS, _("Meetings")),
    ]


TYPE_VALUES = frozenset(
    {TYPE_ALL, TYPE_PAGES, TYPE_NEEDS, TYPE_ENTREPRENEURS, TYPE_CALLS, TYPE_MEETINGS}
)


@dataclass(frozen=True)
class SearchResultItem:
    type_label: str
    title: str
    url: str
    snippet: SafeString
    score: float | None = None
    status_label: str = ""
    context: str = ""  # who it belongs to: the municipality, the entrepreneur, the fund
    # The written standard of the title and snippet (pages: their locale; everything else is
    # written in bokmål), marked with `lang` where it differs from the interface.
    language: str = DEFAULT_CONTENT_LANGUAGE


@dataclass(frozen=True)
class TypeCount:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class SearchResults:
    query: str
    items: list[SearchResultItem] = field(default_factory=list)
    total: int = 0
    page: PaginatorPage | None = None
    type: str = TYPE_ALL
    type_counts: list[TypeCount] = field(default_factory=list)
    suggestion: str = ""
    # No result had every word, so these are results with some of them.
    any_word: bool = False

    @property
    def searched(self) -> bool:
        """False when there was nothing to search for (an empty query)."""
        return bool(self.query)


def normalise_query(raw: str | None) -> str:
    """Whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH].strip()


def build_search_query(query: str, *, any_word: bool = False) -> SearchQuery | None:
    """Words in double quotes are a phrase; all other words must each match (AND), or with
    any_word at least one of them (OR). Only letters and digits reach the backend. None
    when the query has no words."""
    parts: list[SearchQuery] = []
    operator = "or" if any_word else "and"
    for position, chunk in enumerate(query.split('"')):
        text = words(chunk)
        if not text:
            continue
        is_phrase = position % 2 == 1
        parts.append(Phrase(text) if is_phrase else PlainText(text, operator=operator))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def highlight(text: str, query_stems: frozenset[str]) -> SafeString:
    """The text, escaped, with each word whose stem is one of query_stems in <mark>."""
    pieces = []
    for chunk, is_word in split_words(text):
        if is_word and stem_word(chunk) in query_stems:
            pieces.append(format_html("<mark>{}</mark>", chunk))
        else:
            pieces.append(escape(chunk))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def _token_matches(token: str, query_stems: frozenset[str]) -> bool:
    return any(is_word and stem_word(chunk) in query_stems for chunk, is_word in split_words(token))


def build_snippet(
    text: str, query_stems: frozenset[str], *, max_chars: int = SNIPPET_MAX_CHARS
) -> SafeString:
    """A short excerpt around the first matching word, highlighted and safe to render."""
    tokens = (text or "").split()
    if not tokens:
        return SafeString("")
    first_match = next(
        (index for index, token in enumerate(tokens) if _token_matches(token, query_stems)), 0
    )
    start = max(0, first_match - SNIPPET_WORDS_BEFORE_MATCH)
    chosen: list[str] = []
    length = 0
    for token in tokens[start:]:
        grown = length + (1 if chosen else 0) + len(token)
        if chosen and grown > max_chars:
            break
        chosen.append(token)
        length = grown
    excerpt = " ".join(chosen)
    cut = len(excerpt) > max_chars or start + len(chosen) < len(tokens)
    excerpt = excerpt[:max_chars]
    prefix = "… " if start > 0 else ""
    suffix = " …" if cut else ""
    return format_html("{}{}{}", prefix, highlight(excerpt, query_stems), suffix)


def _choose_snippet_text(texts: Iterable[str], query_stems: frozenset[str]) -> str:
    """The first text that contains a match, else the first text."""
    candidates = [text for text in texts if text and text.strip()]
    for text in candidates:
        if set(stems(text)) & query_stems:
            return text
    return candidates[0] if candidates else ""


def _plain_text(obj: Model, attribute: str) -> str:
    value = getattr(obj, attribute, None)
    source = getattr(value, "source", None)  # wagtail.rich_text.RichText
    if isinstance(source, str):
        return html.unescape(strip_tags(source))
    if not isinstance(value, str):
        return ""
    try:
        is_rich_text = isinstance(obj._meta.get_field(attribute), RichTextField)
    except FieldDoesNotExist:
        is_rich_text = False
    return html.unescape(strip_tags(value)) if is_rich_text else value


def _is_ascending_score(backend: Any) -> bool:
    """SQLite FTS5's bm25() is lower for better matches; the other backends rank higher."""
    return any(
        klass.__module__.startswith("modelsearch.backends.database.sqlite")
        for klass in type(backend).__mro__
    )


@dataclass
class _Candidate:
    obj: Model
    relevance: float
    source: "_Source"


@dataclass(frozen=True)
class _Source:
    """One kind of searchable thing: which rows may be found and how to show a result."""

    type: str
    # The indexed model: a search proxy (apps.search.models) for the apps' own rows.
    model: type[Model]
    # The rows the owning app calls public; nothing else is ever a result.
    public: Callable[[], QuerySet]
    to_items: Callable[[list[_Candidate], frozenset[str], HttpRequest | None], list]
    # What to_items prints of related rows.
    related: tuple[str, ...] = ()

    def rows(self, public: QuerySet) -> QuerySet:
        """The public rows as the indexed model, with what a result prints."""
        if public.model is not self.model:
            public = self.model.objects.filter(pk__in=public.values("pk"))
        return public.select_related(*self.related) if self.related else public


def _page_url(page: Page, request: HttpRequest | None) -> str:
    """A nynorsk version is served at its bokmål page's address; ?malform= asks for it
    whatever the reader's chosen language (apps.core.content_language)."""
    url = page.get_url(request=request) or ""
    language = page.locale.language_code
    if url and language != DEFAULT_CONTENT_LANGUAGE:
        url = f"{url}?{CONTENT_LANGUAGE_PARAM}={language}"
    return url


def _public_pages() -> QuerySet:
    # depth > 1 leaves out Wagtail's invisible root page. Nynorsk versions are found too,
    # not the aliases Wagtail makes of untranslated parents (their text is the original's).
    aliases = Page.objects.filter(alias_of__isnull=False).values("id")
    return Page.objects.live().public().filter(depth__gt=1).exclude(id__in=aliases)


def _page_items(
    candidates: list[_Candidate], query_stems: frozenset[str], request: HttpRequest | None
) -> list[SearchResultItem]:
    # One query per page type on this results page, whatever the number of results.
    pks_by_content_type: dict[int, list[int]] = defaultdict(list)
    for candidate in candidates:
        pks_by_content_type[candidate.obj.content_type_id].append(candidate.obj.pk)
    specific_by_pk: dict[int, Page] = {}
    for content_type_id, pks in pks_by_content_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        specific_by_pk.update(
            {
                page.pk: page
                for page in model._base_manager.filter(pk__in=pks).select_related("locale")
            }
        )

    items = []
    for candidate in candidates:
        page = specific_by_pk.get(candidate.obj.pk, candidate.obj)
        text = _choose_snippet_text(
            (_plain_text(page, attribute) for attribute in PAGE_SNIPPET_ATTRIBUTES), query_stems
        )
        items.append(
            SearchResultItem(
                type_label=result_type_label(page),
                title=page.title,
                url=_page_url(page, request),
                snippet=build_snippet(text, query_stems),
                score=candidate.relevance,
                language=page.locale.language_code,
            )
        )
    return items


def _rules() -> QuerySet:
    return LegalRule.objects.all()


def rule_status_label(rule: LegalRule, *, on: datetime.date) -> str:
    if rule.pending:
        return _("Proposed")
    if rule.valid_to and rule.valid_to < on:
        return _("No longer in force")
    if rule.valid_from and rule.valid_from > on:
        return _("Not yet in force")
    return ""


def _rule_items(
    candidates: list[_Candidate], query_stems: frozenset[str], request: HttpRequest | None
) -> list[SearchResultItem]:
    today = timezone.localdate()
    items = []
    for candidate in candidates:
        rule = candidate.obj
        items.append(
            SearchResultItem(
                type_label=result_type_label(rule),
                title=str(rule),
                url=rule.get_absolute_url(),
                snippet=build_snippet(rule.summary, query_stems),
                score=candidate.relevance,
                status_label=rule_status_label(rule, on=today),
            )
        )
    return items


def _need_items(
    candidates: list[_Candidate], query_stems: frozenset[str], request: HttpRequest | None
) -> list[SearchResultItem]:
    items = []
    for candidate in candidates:
        need = candidate.obj
        text = _choose_snippet_text((need.description, need.affected, need.outcome), query_stems)
        items.append(
            SearchResultItem(
                type_label=result_type_label(need),
                title=need.title,
                url=need.get_absolute_url(),
                snippet=build_snippet(text, query_stems),
                score=candidate.relevance,
                context=need.organisation.name,
            )
        )
    return items


def _profile_items(
    candidates: list[_Candidate], query_stems: frozenset[str], request: HttpRequest | None
) -> list[SearchResultItem]:
    items = []
    for candidate in candidates:
        profile = candidate.obj
        text = _choose_snippet_text((profile.summary, profile.evidence), query_stems)
        items.append(
            SearchResultItem(
                type_label=result_type_label(profile),
                title=profile.organisation.name,
                url=profile.get_absolute_url(),
                snippet=build_snippet(text, query_stems),
                score=candidate.relevance,
            )
        )
    return items


def _offer_items(
    candidates: list[_Candidate], query_stems: frozenset[str], request: HttpRequest | None
) -> list[SearchResultItem]:
    return [
        SearchResultItem(
            type_label=result_type_label(candidate.obj),
            title=candidate.obj.title,
            url=candidate.obj.get_absolute_url(),
            snippet=build_snippet(candidate.obj.description, query_stems),
            score=candidate.relevance,
            context=candidate.obj.profile.organisation.name,
        )
        for candidate in candidates
    ]


def call_status_label(call: Any, *, now: datetime.datetime) -> str:
    if call.opens_at > now:
        return _("Not yet open")
    closes_at = call.closes_at
    if closes_at is not None and closes_at <= now:
        return _("Closed")
    return ""


def _call_items(
    candidates: list[_Candidate], query_stems: frozenset[str], request: HttpRequest | None
) -> list[SearchResultItem]:
    now = timezone.now()
    return [
        SearchResultItem(
            type_label=result_type_label(candidate.obj),
            title=candidate.obj.title,
            url=candidate.obj.get_absolute_url(),
            snippet=build_snippet(candidate.obj.text, query_stems),
            score=candidate.relevance,
            status_label=call_status_label(candidate.obj, now=now),
            context=candidate.obj.fund.name,
        )
        for candidate in candidates
    ]


def _event_items(
    candidates: list[_Candidate], query_stems: frozenset[str], request: HttpRequest | None
) -> list[SearchResultItem]:
    return [
        SearchResultItem(
            type_label=result_type_label(candidate.obj),
            title=candidate.obj.title,
            url=candidate.obj.get_absolute_url(),
            snippet=build_snippet(candidate.obj.summary, query_stems),
            score=candidate.relevance,
        )
        for candidate in candidates
    ]


SOURCES: tuple[_Source, ...] = (
    _Source(type=TYPE_PAGES, model=Page, public=_public_pages, to_items=_page_items),
    _Source(type=TYPE_PAGES, model=LegalRule, public=_rules, to_items=_rule_items),
    _Source(
        type=TYPE_NEEDS,
        model=SearchNeed,
        public=needs_public,
        to_items=_need_items,
        related=("organisation", "municipality"),
    ),
    _Source(
        type=TYPE_ENTREPRENEURS,
        model=SearchProfile,
        public=profiles_public,
        to_items=_profile_items,
        related=("organisation",),
    ),
    _Source(
        type=TYPE_ENTREPRENEURS,
        model=SearchOffer,
        public=public_offers,
        to_items=_offer_items,
        related=("profile__organisation",),
    ),
    _Source(
        type=TYPE_CALLS,
        model=SearchCall,
        public=calls_published,
        to_items=_call_items,
        related=("fund",),
    ),
    _Source(type=TYPE_MEETINGS, model=Event, public=events_published, to_items=_event_items),
)


class _MergedResults:
    """The sources' results as one list ordered by relevance, sliceable by a Paginator.

    Every source is counted (the type filter shows every type's count); slicing
    [start:stop] takes the best rows of the selected sources, merged by relevance (equal
    scores in the order of SOURCES, then each source's own order), and turns only the slice
    into result items. How the counting and ranking is done is the backend's
    (`_BackendResults`, `_IndexEntryResults`); both take a fixed number of queries whatever
    the number of hits."""

    def __init__(
        self,
        *,
        query: str,
        any_word: bool,
        search_query: SearchQuery,
        query_stems: frozenset[str],
        sources: Sequence[_Source],
        request: HttpRequest | None,
        type: str = TYPE_ALL,
    ) -> None:
        self.query = query
        self.any_word = any_word
        self.search_query = search_query
        self.query_stems = query_stems
        self.sources = list(sources)
        self.request = request
        self.type = type
        self._public: dict[int, QuerySet] = {}
        self._counts: list[int] | None = None

    def public(self, index: int) -> QuerySet:
        """Source `index`'s public rows. Each built once, when first needed: the pages' one
        asks for view restrictions when it is built."""
        if index not in self._public:
            self._public[index] = self.sources[index].public()
        return self._public[index]

    def prepare_page(self, start: int, stop: int) -> None:
        """Told which rows the page will ask for, before it asks how many there are: a
        backend that can answer both at once does so here."""

    def _count_sources(self) -> list[int]:
        raise NotImplementedError

    def _best(self, start: int, stop: int) -> list[_Candidate]:
        """Results start..stop of the selected sources, best first."""
        raise NotImplementedError

    def counts(self) -> list[int]:
        if self._counts is None:
            self._counts = self._count_sources()
        return self._counts

    def _selected(self, source: _Source) -> bool:
        return self.type == TYPE_ALL or source.type == self.type

    def count_of(self, type: str) -> int:
        return sum(
            count
            for source, count in zip(self.sources, self.counts(), strict=True)
            if type == TYPE_ALL or source.type == type
        )

    def count(self) -> int:
        return self.count_of(self.type)

    def __getitem__(self, key: slice) -> list[SearchResultItem]:
        start, stop = key.start or 0, key.stop
        if stop is None or stop <= start:
            return []
        chosen = self._best(start, stop)
        items_by_candidate: dict[int, SearchResultItem] = {}
        for source in self.sources:
            own = [candidate for candidate in chosen if candidate.source is source]
            if own:
                made = source.to_items(own, self.query_stems, self.request)
                items_by_candidate.update(zip(map(id, own), made, strict=True))
        return [items_by_candidate[id(candidate)] for candidate in chosen]


class _BackendResults(_MergedResults):
    """Any backend (SQLite's FTS5, OpenSearch): each source searched through
    `backend.search()`, counted in one query each and its best `stop` rows fetched in one
    query each; merged here."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        backend = get_search_backend()
        self.ascending = _is_ascending_score(backend)
        self.results = [
            backend.search(self.search_query, source.rows(self.public(index))).annotate_score(
                SCORE_FIELD
            )
            for index, source in enumerate(self.sources)
        ]

    def _count_sources(self) -> list[int]:
        return [results.count() for results in self.results]

    def _relevance(self, obj: Model) -> float:
        score = getattr(obj, SCORE_FIELD, None) or 0.0
        return -score if self.ascending else score

    def _best(self, start: int, stop: int) -> list[_Candidate]:
        candidates: list[_Candidate] = []
        for source, results, count in zip(self.sources, self.results, self.counts(), strict=True):
            if count and self._selected(source):
                candidates.extend(
                    _Candidate(obj=obj, relevance=self._relevance(obj), source=source)
                    for obj in results[:stop]
                )
        # sorted() is stable: equal scores keep the source's own order.
        return sorted(candidates, key=lambda candidate: -candidate.relevance)[start:stop]


class _IndexEntryResults(_MergedResults):
    """PostgreSQL: every source counted in one statement, and the results page ranked and
    merged in one more, straight from the index entries (apps.search.index_entries); both
    answers stored per query while nothing they depend on changes (apps.search.stored).
    Then one query per source on the page for what its results print."""

    _search: IndexEntrySearch | None = None

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._ranked: dict[tuple[int, int], list[tuple[int, Any, float]]] = {}

    @property
    def search(self) -> IndexEntrySearch:
        if self._search is None:
            self._search = IndexEntrySearch(
                get_search_backend(),
                self.search_query,
                [
                    Branch(model=source.model, public=self.public(index))
                    for index, source in enumerate(self.sources)
                ],
            )
        return self._search

    def _count_sources(self) -> list[int]:
        return stored(("counts", self.query, self.any_word), self.search.counts)

    def _prepared(self, start: int, stop: int) -> list[tuple[int, Any, float]] | None:
        """Rows start..stop from a prepared page that holds them (the paginator asks for
        fewer rows than a page when the last page is short)."""
        for (first, last), ranked in self._ranked.items():
            if first <= start and stop <= last:
                return ranked[start - first : stop - first]
        return None

    def prepare_page(self, start: int, stop: int) -> None:
        """The counts and rows start..stop in one statement (`IndexEntrySearch.page`)."""
        if self._counts is not None or stop > MAX_PREPARED_ROW:
            return
        indexes = [index for index, source in enumerate(self.sources) if self._selected(source)]
        counts, ranked = stored(
            ("page", self.query, self.any_word, self.type, start, stop),
            lambda: self.search.page(indexes, start, stop),
        )
        self._counts = counts
        self._ranked[start, stop] = ranked

    def _best(self, start: int, stop: int) -> list[_Candidate]:
        selected = [
            index
            for index, (source, count) in enumerate(zip(self.sources, self.counts(), strict=True))
            if count and self._selected(source)
        ]
        ranked = self._prepared(start, stop)
        if ranked is None:
            ranked = stored(
                ("ranked", self.query, self.any_word, self.type, start, stop),
                lambda: self.search.ranked(selected, start, stop),
            )
        pks_by_source: dict[int, list[Any]] = defaultdict(list)
        for index, pk, _rank in ranked:
            pks_by_source[index].append(pk)
        rows: dict[tuple[int, Any], Model] = {}
        for index, pks in pks_by_source.items():
            source = self.sources[index]
            for row in source.rows(self.public(index)).filter(pk__in=pks):
                rows[index, row.pk] = row
        # A row that stopped being public between the two statements is left out.
        return [
            _Candidate(obj=rows[index, pk], relevance=rank, source=self.sources[index])
            for index, pk, rank in ranked
            if (index, pk) in rows
        ]


def _merged(
    query: str,
    *,
    type: str = TYPE_ALL,
    request: HttpRequest | None = None,
    any_word: bool = False,
) -> _MergedResults | None:
    """None when the query has nothing any backend could match (stop words, punctuation)."""
    search_query = build_search_query(query, any_word=any_word)
    query_stems = frozenset(stems(query))
    if search_query is None or not query_stems:
        return None
    results_class = (
        _IndexEntryResults if answers_from_index_entries(get_search_backend()) else _BackendResults
    )
    return results_class(
        query=query,
        any_word=any_word,
        search_query=search_query,
        query_stems=query_stems,
        sources=SOURCES,
        request=request,
        type=type,
    )


def hit_count(query: str) -> int:
    """How many public results of every type the query finds."""
    merged = _merged(normalise_query(query))
    return merged.count() if merged is not None else 0


def _type_counts(merged: _MergedResults | None, selected: str) -> list[TypeCount]:
    return [
        TypeCount(
            value=value,
            label=label,
            count=merged.count_of(value) if merged is not None else 0,
            selected=value == selected,
        )
        for value, label in type_choices()
    ]


def site_search(
    *,
    query: str,
    page_number: int,
    per_page: int = 10,
    request: HttpRequest | None = None,
    type: str = TYPE_ALL,
) -> SearchResults:
    """Everything public matching the query, best first, one page of `per_page`, narrowed
    to one type if asked (an unknown type means all). With few or no hits, a corrected query
    from the words of public text is suggested when it finds more. An empty query searches
    nothing."""
    from apps.search.suggest import SUGGEST_BELOW_HITS, suggest_query

    type = type if type in TYPE_VALUES else TYPE_ALL
    query = normalise_query(query)
    if not query:
        return SearchResults(query="", type=type)
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    start = (max(page_number, 1) - 1) * per_page
    merged = _merged(query, type=type, request=request)
    if merged is None:
        # Only punctuation or stop words: nothing any backend could match.
        return SearchResults(query=query, type=type, type_counts=_type_counts(None, type))
    merged.prepare_page(start, start + per_page)

    all_hits = merged.count_of(TYPE_ALL)
    suggestion = ""
    if all_hits < SUGGEST_BELOW_HITS:
        suggestion = suggest_query(query, hits=all_hits, count=hit_count)
    any_word = False
    if not all_hits and not suggestion and len(set(stems(query))) > 1 and '"' not in query:
        # «Unge voksne uten jobb»: nothing has every word; show what has some, best first.
        broadened = _merged(query, type=type, request=request, any_word=True)
        if broadened is not None:
            broadened.prepare_page(start, start + per_page)
        if broadened is not None and broadened.count_of(TYPE_ALL):
            merged, any_word = broadened, True

    paginator = Paginator(merged, per_page)
    page = paginator.get_page(page_number)
    return SearchResults(
        query=query,
        items=list(page.object_list),
        total=paginator.count,
        page=page,
        type=type,
        type_counts=_type_counts(merged, type),
        suggestion=suggestion,
        any_word=any_word,
    )
