"""The open datasets: what each one is, where it is served, and its CSV columns.

One Dataset per public kind of content. Columns are documented (name, description) so the
DCAT catalogue and the CSV header say the same thing."""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max, QuerySet

from apps.blog import selectors as blog_selectors
from apps.cases import selectors as case_selectors
from apps.cookbook import selectors as cookbook_selectors
from apps.events.models import Event
from apps.rules.models import LegalRule, Threshold

EU_THEME = "http://publications.europa.eu/resource/authority/data-theme/"


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[Any], Any]


@dataclass(frozen=True)
class Dataset:
    slug: str
    title_nb: str
    title_en: str
    description_nb: str
    description_en: str
    api_path: str
    themes: tuple[str, ...]
    keywords_nb: tuple[str, ...]
    keywords_en: tuple[str, ...]
    rows: Callable[[], QuerySet]
    modified_field: str
    columns: tuple[Column, ...] = field(default_factory=tuple)

    @property
    def csv_path(self) -> str:
        return f"/data/{self.slug}.csv"

    def modified(self) -> datetime.datetime | None:
        """When a row of the dataset last changed; None for an empty dataset."""
        return self.rows().order_by().aggregate(latest=Max(self.modified_field))["latest"]

    def iter_rows(self, *, chunk_size: int = 500) -> Iterator[list[str]]:
        for obj in self.rows().iterator(chunk_size=chunk_size):
            yield [_cell(column.value(obj)) for column in self.columns]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ";".join(str(item) for item in value)
    return str(value)


def _page_url(page) -> str:
    return page.get_full_url() or ""


def _event_url(event: Event) -> str:
    from apps.events.formatting import absolute_url

    return absolute_url(event.get_absolute_url())


def _published_events() -> QuerySet:
    return Event.objects.published().order_by("start", "pk")


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        slug="recipes",
        title_nb="Oppskrifter i Kokeboka",
        title_en="Kokeboka recipes",
        description_nb="Publiserte oppskrifter for samarbeid mellom kommuner og sosiale "
        "entreprenører: fase, målgruppe, sektorer og hjemmel.",
        description_en="Published recipes for collaboration between municipalities and social "
        "entrepreneurs: phase, audience, sectors and legal basis.",
        api_path="/api/v1/recipes",
        themes=("GOVE", "SOCI"),
        keywords_nb=("sosialt entreprenørskap", "kommune", "samarbeid", "oppskrift"),
        keywords_en=("social entrepreneurship", "municipality", "collaboration", "recipe"),
        rows=lambda: cookbook_selectors.recipes_for_api(),
        modified_field="last_published_at",
        columns=(
            Column("slug", "Unique identifier of the recipe", lambda r: r.slug),
            Column("title", "Title (Norwegian)", lambda r: r.title),
            Column("url", "Address of the recipe on the site", _page_url),
            Column("chapter", "Title of the chapter", lambda r: getattr(r, "chapter_title", "")),
            Column("phase", "behov, dialog, utproving, avtale or skalering", lambda r: r.phase),
            Column("audience", "kommune, entreprenor or begge", lambda r: r.audience),
            Column(
                "sectors",
                "Sector codes separated by ';' (empty: every sector)",
                lambda r: [s.code for s in r.sectors.all()],
            ),
            Column(
                "legal_rules",
                "Codes of the legal rules cited, separated by ';'",
                lambda r: [link.rule.code for link in r.legal_rule_links.all()],
            ),
            Column("summary", "What the recipe is for", lambda r: r.summary),
            Column(
                "last_published_at",
                "When the current version was published (ISO 8601)",
                lambda r: r.last_published_at,
            ),
        ),
    ),
    Dataset(
        slug="rules",
        title_nb="Regelverk for samarbeid og innkjøp",
        title_en="Legal rules for collaboration and procurement",
        description_nb="Lovregler i klarspråk med sitat, kilde og gyldighetsperiode, også "
        "foreslåtte regler.",
        description_en="Legal rules in plain language with citation, source and period of "
        "validity, proposed rules included.",
        api_path="/api/v1/rules",
        themes=("JUST", "GOVE"),
        keywords_nb=("regelverk", "offentlige anskaffelser", "lov"),
        keywords_en=("legal rules", "public procurement", "law"),
        rows=lambda: LegalRule.objects.order_by("citation", "code"),
        modified_field="updated_at",
        columns=(
            Column("code", "Stable identifier of the rule", lambda r: r.code),
            Column("citation", "Legal citation", lambda r: r.citation),
            Column("title", "Short title (Norwegian)", lambda r: r.title),
            Column("summary", "Plain-language summary (Norwegian)", lambda r: r.summary),
            Column("law", "Act or regulation", lambda r: r.law),
            Column("source_url", "Official text", lambda r: r.source_url),
            Column("valid_from", "First day in force (YYYY-MM-DD)", lambda r: r.valid_from),
            Column("valid_to", "Last day in force; empty while in force", lambda r: r.valid_to),
            Column("verified", "true when checked against the source", lambda r: r.verified),
            Column("pending", "true for a proposed rule not in force", lambda r: r.pending),
            Column("updated_at", "When the row last changed (ISO 8601)", lambda r: r.updated_at),
        ),
    ),
    Dataset(
        slug="thresholds",
        title_nb="Terskelverdier for offentlige anskaffelser",
        title_en="Public procurement thresholds",
        description_nb="Terskelverdier i kroner eksklusiv mva. med gyldighetsperiode og hjemmel, "
        "alle perioder.",
        description_en="Procurement thresholds in NOK excluding VAT with period of validity and "
        "legal basis, every period.",
        api_path="/api/v1/thresholds/history",
        themes=("ECON", "GOVE"),
        keywords_nb=("terskelverdi", "offentlige anskaffelser", "kunngjøring"),
        keywords_en=("threshold", "public procurement", "notice"),
        rows=lambda: Threshold.objects.order_by("key", "-valid_from", "pk"),
        modified_field="updated_at",
        columns=(
            Column("key", "Which threshold", lambda t: t.key),
            Column("label", "Name of the threshold", lambda t: str(t.get_key_display())),
            Column("amount", "Whole NOK excluding VAT", lambda t: t.amount),
            Column("valid_from", "First day in force (YYYY-MM-DD)", lambda t: t.valid_from),
            Column("valid_to", "Last day in force; empty while in force", lambda t: t.valid_to),
            Column("citation", "Legal citation", lambda t: t.citation),
            Column("source_url", "Source of the amount", lambda t: t.source_url),
            Column("verified", "true when checked against the source", lambda t: t.verified),
            Column("pending", "true for a proposed value not in force", lambda t: t.pending),
            Column("updated_at", "When the row last changed (ISO 8601)", lambda t: t.updated_at),
        ),
    ),
    Dataset(
        slug="posts",
        title_nb="Kokebokloggen",
        title_en="Kokeboka blog posts",
        description_nb="Publiserte innlegg i Kokebokloggen med dato, forfatter og ingress.",
        description_en="Published posts on the Kokeboka blog with date, author and intro.",
        api_path="/api/v1/posts",
        themes=("SOCI", "EDUC"),
        keywords_nb=("blogg", "sosialt entreprenørskap", "erfaringer"),
        keywords_en=("blog", "social entrepreneurship", "experience"),
        rows=lambda: blog_selectors.posts_with_tags(),
        modified_field="last_published_at",
        columns=(
            Column("slug", "Unique identifier of the post", lambda p: p.slug),
            Column("title", "Title", lambda p: p.title),
            Column("url", "Address of the post", _page_url),
            Column("date", "Date of the post (YYYY-MM-DD)", lambda p: p.date),
            Column("author", "Author", lambda p: p.author),
            Column("intro", "Intro", lambda p: p.intro),
            Column("tags", "Tag slugs separated by ';'", lambda p: [t.slug for t in p.tags.all()]),
            Column(
                "last_published_at",
                "When the current version was published (ISO 8601)",
                lambda p: p.last_published_at,
            ),
        ),
    ),
    Dataset(
        slug="examples",
        title_nb="Eksempelbanken",
        title_en="Examples bank",
        description_nb="Eksempler på samarbeid mellom kommuner og sosiale entreprenører, med "
        "sted, samarbeidsform og periode.",
        description_en="Examples of collaboration between municipalities and social "
        "entrepreneurs, with place, form of collaboration and period.",
        api_path="/api/v1/cases",
        themes=("SOCI", "REGI"),
        keywords_nb=("eksempler", "kommune", "sosialt entreprenørskap"),
        keywords_en=("examples", "municipality", "social entrepreneurship"),
        rows=lambda: case_selectors.cases_for_api(),
        modified_field="last_published_at",
        columns=(
            Column("slug", "Unique identifier of the example", lambda c: c.slug),
            Column("title", "Title", lambda c: c.title),
            Column("url", "Address of the example", _page_url),
            Column(
                "municipality_code",
                "Four-digit municipality number (SSB)",
                lambda c: c.municipality.code if c.municipality else "",
            ),
            Column(
                "municipality",
                "Municipality name",
                lambda c: c.municipality.name if c.municipality else "",
            ),
            Column("entrepreneur", "Social entrepreneur", lambda c: c.entrepreneur_display_name),
            Column("form", "Form of collaboration", lambda c: c.collaboration_form),
            Column(
                "sectors",
                "Sector codes separated by ';'",
                lambda c: [s.code for s in c.sectors.all()],
            ),
            Column("start_year", "Year the collaboration began", lambda c: c.start_year),
            Column("end_year", "Year it ended; empty while ongoing", lambda c: c.end_year),
            Column("summary", "Summary", lambda c: c.summary),
            Column(
                "last_published_at",
                "When the current version was published (ISO 8601)",
                lambda c: c.last_published_at,
            ),
        ),
    ),
    Dataset(
        slug="events",
        title_nb="Dialogmøter",
        title_en="Dialogue meetings",
        description_nb="Publiserte dialogmøter mellom kommuner og sosiale entreprenører: tid, "
        "sted og kapasitet. Aldri opplysninger om deltakere.",
        description_en="Published dialogue meetings between municipalities and social "
        "entrepreneurs: time, place and capacity. Never data about attendees.",
        api_path="/api/v1/events",
        themes=("SOCI", "GOVE"),
        keywords_nb=("dialogmøte", "arrangement", "markedsdialog"),
        keywords_en=("dialogue meeting", "event", "market dialogue"),
        rows=_published_events,
        modified_field="updated_at",
        columns=(
            Column("slug", "Unique identifier of the meeting", lambda e: e.slug),
            Column("title", "Title", lambda e: e.title),
            Column("url", "Address of the meeting", _event_url),
            Column("start", "Start (ISO 8601)", lambda e: e.start),
            Column("end", "End (ISO 8601)", lambda e: e.end),
            Column("place", "Place", lambda e: e.place_name),
            Column("address", "Address", lambda e: e.place_address),
            Column("online", "true when the meeting can be followed online", lambda e: e.is_online),
            Column("capacity", "Number of seats", lambda e: e.capacity),
            Column("summary", "Summary", lambda e: e.summary),
            Column("updated_at", "When the row last changed (ISO 8601)", lambda e: e.updated_at),
        ),
    ),
)

DATASETS_BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
