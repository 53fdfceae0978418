"""The open datasets: what each one is, where it is served, and its CSV columns.

One Dataset per public kind of content. Columns are documented (name, description) so the
DCAT catalogue and the CSV header say the same thing."""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from django.db.models import Max, QuerySet

from apps.blog import selectors as blog_selectors
from apps.broker.models import EntrepreneurProfile, Need, Offer
from apps.cases import selectors as case_selectors
from apps.cookbook import selectors as cookbook_selectors
from apps.events.models import Event
from apps.fund.models import ApplicationStatus
from apps.grants.models import Decision
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


def _published_events() -> QuerySet:
    return Event.objects.published().order_by("start", "pk")


def _site_url(row) -> str:
    """The row's own page (get_absolute_url) as an absolute address."""
    from apps.events.formatting import absolute_url

    return absolute_url(row.get_absolute_url())


def _public_needs() -> QuerySet:
    return (
        Need.objects.public()
        .select_related("municipality")
        .prefetch_related("sectors", "target_groups")
        .order_by("pk")
    )


def _public_offers() -> QuerySet:
    return (
        Offer.objects.public()
        .select_related("profile__organisation")
        .prefetch_related("sectors", "target_groups", "areas")
        .order_by("pk")
    )


def _public_entrepreneurs() -> QuerySet:
    return (
        EntrepreneurProfile.objects.public()
        .select_related("organisation")
        .prefetch_related("areas")
        .order_by("organisation__name", "pk")
    )


def _public_grants() -> QuerySet:
    """Granted decisions only: rejected applications and their amounts are never published."""
    return (
        Decision.objects.filter(
            outcome=Decision.Outcome.GRANTED,
            application__status__in=(
                ApplicationStatus.GRANTED,
                ApplicationStatus.IN_PROGRESS,
                ApplicationStatus.COMPLETED,
            ),
        )
        .select_related(
            "application__call__fund", "application__organisation", "application__sector"
        )
        .order_by("decided_at", "pk")
    )


# Columns that several datasets share, written once so that they say the same thing.
UPDATED_AT = "When the row last changed (ISO 8601)"
SECTORS = "Sector codes separated by ';'"
TARGET_GROUPS = "Target group codes separated by ';'"
AREAS = "Municipality numbers separated by ';'"
ORG_NUMBER = "Nine-digit organisation number"


def _field(name: str, description: str, path: str | None = None) -> Column:
    """A column that is an attribute of the row; a dotted `path` follows relations."""
    return Column(name, description, attrgetter(path or name))


def _codes(name: str, description: str, relation: str | None = None) -> Column:
    """The codes of a many-to-many relation (sectors, target groups, areas); the rows are
    prefetched by the dataset's query."""

    def value(obj) -> list[str]:
        return [item.code for item in getattr(obj, relation or name).all()]

    return Column(name, description, value)


def _url(description: str, url: Callable[[Any], str] | None = None) -> Column:
    """The row's address on the site: a page's full URL, else `url(row)`."""
    return Column("url", description, url or _page_url)


def _last_published() -> Column:
    return _field("last_published_at", "When the current version was published (ISO 8601)")


def _in_force() -> tuple[Column, ...]:
    """A dated, sourced row of the law (apps.rules): when it is in force and whether it has
    been checked."""
    return (
        _field("valid_from", "First day in force (YYYY-MM-DD)"),
        _field("valid_to", "Last day in force; empty while in force"),
    )


def _checked(noun: str) -> tuple[Column, ...]:
    return (
        _field("verified", "true when checked against the source"),
        _field("pending", f"true for a proposed {noun} not in force"),
        _field("updated_at", UPDATED_AT),
    )


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
            _field("slug", "Unique identifier of the recipe"),
            _field("title", "Title (Norwegian)"),
            _url("Address of the recipe on the site"),
            Column("chapter", "Title of the chapter", lambda r: getattr(r, "chapter_title", "")),
            _field("phase", "behov, dialog, utproving, avtale or skalering"),
            _field("audience", "kommune, entreprenor or begge"),
            _codes("sectors", "Sector codes separated by ';' (empty: every sector)"),
            Column(
                "legal_rules",
                "Codes of the legal rules cited, separated by ';'",
                lambda r: [link.rule.code for link in r.legal_rule_links.all()],
            ),
            _field("summary", "What the recipe is for"),
            _last_published(),
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
            _field("code", "Stable identifier of the rule"),
            _field("citation", "Legal citation"),
            _field("title", "Short title (Norwegian)"),
            _field("summary", "Plain-language summary (Norwegian)"),
            _field("law", "Act or regulation"),
            _field("source_url", "Official text"),
            *_in_force(),
            *_checked("rule"),
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
            _field("key", "Which threshold"),
            Column("label", "Name of the threshold", lambda t: str(t.get_key_display())),
            _field("amount", "Whole NOK excluding VAT"),
            *_in_force(),
            _field("citation", "Legal citation"),
            _field("source_url", "Source of the amount"),
            *_checked("value"),
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
            _field("slug", "Unique identifier of the post"),
            _field("title", "Title"),
            _url("Address of the post"),
            _field("date", "Date of the post (YYYY-MM-DD)"),
            _field("author", "Author"),
            _field("intro", "Intro"),
            Column("tags", "Tag slugs separated by ';'", lambda p: [t.slug for t in p.tags.all()]),
            _last_published(),
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
            _field("slug", "Unique identifier of the example"),
            _field("title", "Title"),
            _url("Address of the example"),
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
            _field("entrepreneur", "Social entrepreneur", "entrepreneur_display_name"),
            _field("form", "Form of collaboration", "collaboration_form"),
            _codes("sectors", SECTORS),
            _field("start_year", "Year the collaboration began"),
            _field("end_year", "Year it ended; empty while ongoing"),
            _field("summary", "Summary"),
            _last_published(),
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
            _field("slug", "Unique identifier of the meeting"),
            _field("title", "Title"),
            _url("Address of the meeting", _site_url),
            _field("start", "Start (ISO 8601)"),
            _field("end", "End (ISO 8601)"),
            _field("place", "Place", "place_name"),
            _field("address", "Address", "place_address"),
            _field("online", "true when the meeting can be followed online", "is_online"),
            _field("capacity", "Number of seats"),
            _field("summary", "Summary"),
            _field("updated_at", UPDATED_AT),
        ),
    ),
    Dataset(
        slug="needs",
        title_nb="Behov fra kommunale tjenester",
        title_en="Needs of municipal services",
        description_nb="Åpne, offentlige behov som kommuner har lagt ut for sosiale "
        "entreprenører: sted, sektorer, målgrupper, status og budsjett. Aldri utkast eller "
        "behov bare for medlemmer.",
        description_en="Open, public needs posted by municipalities for social entrepreneurs: "
        "place, sectors, target groups, status and budget. Never drafts or members-only needs.",
        api_path="/api/v1/needs",
        themes=("SOCI", "GOVE"),
        keywords_nb=("behov", "kommune", "sosialt entreprenørskap", "innovasjon"),
        keywords_en=("needs", "municipality", "social entrepreneurship", "innovation"),
        rows=_public_needs,
        modified_field="updated_at",
        columns=(
            _field("id", "Identifier of the need", "pk"),
            _field("key", "Import key; may be empty"),
            _field("title", "Title"),
            _url("Address of the need", _site_url),
            _field("municipality_code", "Four-digit municipality number", "municipality.code"),
            _field("municipality", "Municipality name", "municipality.name"),
            _field("status", "open or in_dialogue"),
            _codes("sectors", SECTORS),
            _codes("target_groups", TARGET_GROUPS),
            _field("no_clear_owner", "true when no service clearly owns the need"),
            _field("budget_min", "Budget from, NOK excluding VAT; may be empty"),
            _field("budget_max", "Budget to, NOK excluding VAT; may be empty"),
            _field("expires_at", "Last day the need is open (YYYY-MM-DD)"),
            _field("updated_at", UPDATED_AT),
        ),
    ),
    Dataset(
        slug="offers",
        title_nb="Tilbud fra sosiale entreprenører",
        title_en="Offers from social entrepreneurs",
        description_nb="Aktive tilbud fra godkjente sosiale entreprenører: sektorer, "
        "målgrupper, modenhet og område.",
        description_en="Active offers from approved social entrepreneurs: sectors, target "
        "groups, maturity and area.",
        api_path="/api/v1/offers",
        themes=("SOCI", "ECON"),
        keywords_nb=("tilbud", "sosial entreprenør", "tjenester"),
        keywords_en=("offers", "social entrepreneur", "services"),
        rows=_public_offers,
        modified_field="updated_at",
        columns=(
            _field("id", "Identifier of the offer", "pk"),
            _field("key", "Import key; may be empty"),
            _field("title", "Title"),
            _url("Address of the offer", _site_url),
            _field("organisation", "The entrepreneur's name", "profile.organisation.name"),
            _field("organisation_number", ORG_NUMBER, "profile.organisation.org_number"),
            _field("maturity", "idea, startup, tested, established or scaled"),
            _codes("sectors", SECTORS),
            _codes("target_groups", TARGET_GROUPS),
            _field("area_national", "true when offered in the whole country"),
            _codes("areas", AREAS),
            _field("updated_at", UPDATED_AT),
        ),
    ),
    Dataset(
        slug="entrepreneurs",
        title_nb="Sosiale entreprenører",
        title_en="Social entrepreneurs",
        description_nb="Godkjente profiler for sosiale entreprenører med organisasjonsnummer, "
        "organisasjonsform og område.",
        description_en="Approved profiles of social entrepreneurs with organisation number, "
        "legal form and area.",
        api_path="/api/v1/entrepreneurs",
        themes=("SOCI", "ECON"),
        keywords_nb=("sosial entreprenør", "arbeidsinkludering", "organisasjon"),
        keywords_en=("social entrepreneur", "work integration", "organisation"),
        rows=_public_entrepreneurs,
        modified_field="updated_at",
        columns=(
            _field("slug", "Identifier of the entrepreneur", "organisation.slug"),
            _field("name", "Name", "organisation.name"),
            _url("Address of the profile", _site_url),
            _field("organisation_number", ORG_NUMBER, "organisation.org_number"),
            _field("legal_form", "Legal form (AS, SA, STI …)", "organisation.legal_form"),
            _field(
                "work_integration",
                "true for a work-integration enterprise",
                "organisation.work_integration",
            ),
            _field("summary", "Summary"),
            _field("area_national", "true when serving the whole country"),
            _codes("areas", AREAS),
            _field("updated_at", UPDATED_AT),
        ),
    ),
    Dataset(
        slug="grants",
        title_nb="Tildelinger fra innovasjonsfond",
        title_en="Innovation fund grants",
        description_nb="Innvilgede søknader til kommunale innovasjonsfond: fond, utlysning, "
        "mottaker, sektor, beløp og vedtaksdato. Aldri avslåtte søknader.",
        description_en="Granted applications to municipal innovation funds: fund, call, "
        "recipient, sector, amount and date of decision. Never rejected applications.",
        api_path="/api/v1/grants",
        themes=("ECON", "SOCI", "GOVE"),
        keywords_nb=("tilskudd", "innovasjonsfond", "tildeling"),
        keywords_en=("grants", "innovation fund", "award"),
        rows=_public_grants,
        modified_field="decided_at",
        columns=(
            _field("id", "Identifier of the application", "application_id"),
            _field("title", "Project title", "application.title"),
            _field("fund", "Fund", "application.call.fund.name"),
            _field("call", "Call", "application.call.title"),
            _field("recipient", "Recipient organisation", "application.organisation.name"),
            Column(
                "sector",
                "Sector code; may be empty",
                lambda d: d.application.sector.code if d.application.sector else "",
            ),
            _field("amount", "Whole NOK granted"),
            _field("status", "granted, in_progress or completed", "application.status"),
            _field("decided_at", "When the grant was decided (ISO 8601)"),
        ),
    ),
)

DATASETS_BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
