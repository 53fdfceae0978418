"""The open datasets: what each one is, where it is served, and its CSV columns.

One Dataset per public kind of content. Columns are documented (name, description) so the
DCAT catalogue and the CSV header say the same thing."""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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


def _event_url(event: Event) -> str:
    from apps.events.formatting import absolute_url

    return absolute_url(event.get_absolute_url())


def _published_events() -> QuerySet:
    return Event.objects.published().order_by("start", "pk")


def _absolute(path: str) -> str:
    from apps.events.formatting import absolute_url

    return absolute_url(path)


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
            Column("id", "Identifier of the need", lambda n: n.pk),
            Column("key", "Import key; may be empty", lambda n: n.key),
            Column("title", "Title", lambda n: n.title),
            Column("url", "Address of the need", lambda n: _absolute(n.get_absolute_url())),
            Column(
                "municipality_code", "Four-digit municipality number", lambda n: n.municipality.code
            ),
            Column("municipality", "Municipality name", lambda n: n.municipality.name),
            Column("status", "open or in_dialogue", lambda n: n.status),
            Column(
                "sectors",
                "Sector codes separated by ';'",
                lambda n: [s.code for s in n.sectors.all()],
            ),
            Column(
                "target_groups",
                "Target group codes separated by ';'",
                lambda n: [g.code for g in n.target_groups.all()],
            ),
            Column(
                "no_clear_owner",
                "true when no service clearly owns the need",
                lambda n: n.no_clear_owner,
            ),
            Column(
                "budget_min", "Budget from, NOK excluding VAT; may be empty", lambda n: n.budget_min
            ),
            Column(
                "budget_max", "Budget to, NOK excluding VAT; may be empty", lambda n: n.budget_max
            ),
            Column("expires_at", "Last day the need is open (YYYY-MM-DD)", lambda n: n.expires_at),
            Column("updated_at", "When the row last changed (ISO 8601)", lambda n: n.updated_at),
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
            Column("id", "Identifier of the offer", lambda o: o.pk),
            Column("key", "Import key; may be empty", lambda o: o.key),
            Column("title", "Title", lambda o: o.title),
            Column("url", "Address of the offer", lambda o: _absolute(o.get_absolute_url())),
            Column(
                "organisation", "The entrepreneur's name", lambda o: o.profile.organisation.name
            ),
            Column(
                "organisation_number",
                "Nine-digit organisation number",
                lambda o: o.profile.organisation.org_number,
            ),
            Column(
                "maturity", "idea, startup, tested, established or scaled", lambda o: o.maturity
            ),
            Column(
                "sectors",
                "Sector codes separated by ';'",
                lambda o: [s.code for s in o.sectors.all()],
            ),
            Column(
                "target_groups",
                "Target group codes separated by ';'",
                lambda o: [g.code for g in o.target_groups.all()],
            ),
            Column(
                "area_national", "true when offered in the whole country", lambda o: o.area_national
            ),
            Column(
                "areas",
                "Municipality numbers separated by ';'",
                lambda o: [m.code for m in o.areas.all()],
            ),
            Column("updated_at", "When the row last changed (ISO 8601)", lambda o: o.updated_at),
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
            Column("slug", "Identifier of the entrepreneur", lambda p: p.organisation.slug),
            Column("name", "Name", lambda p: p.organisation.name),
            Column("url", "Address of the profile", lambda p: _absolute(p.get_absolute_url())),
            Column(
                "organisation_number",
                "Nine-digit organisation number",
                lambda p: p.organisation.org_number,
            ),
            Column("legal_form", "Legal form (AS, SA, STI …)", lambda p: p.organisation.legal_form),
            Column(
                "work_integration",
                "true for a work-integration enterprise",
                lambda p: p.organisation.work_integration,
            ),
            Column("summary", "Summary", lambda p: p.summary),
            Column(
                "area_national", "true when serving the whole country", lambda p: p.area_national
            ),
            Column(
                "areas",
                "Municipality numbers separated by ';'",
                lambda p: [m.code for m in p.areas.all()],
            ),
            Column("updated_at", "When the row last changed (ISO 8601)", lambda p: p.updated_at),
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
            Column("id", "Identifier of the application", lambda d: d.application_id),
            Column("title", "Project title", lambda d: d.application.title),
            Column("fund", "Fund", lambda d: d.application.call.fund.name),
            Column("call", "Call", lambda d: d.application.call.title),
            Column(
                "recipient", "Recipient organisation", lambda d: d.application.organisation.name
            ),
            Column(
                "sector",
                "Sector code; may be empty",
                lambda d: d.application.sector.code if d.application.sector else "",
            ),
            Column("amount", "Whole NOK granted", lambda d: d.amount),
            Column("status", "granted, in_progress or completed", lambda d: d.application.status),
            Column("decided_at", "When the grant was decided (ISO 8601)", lambda d: d.decided_at),
        ),
    ),
)

DATASETS_BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
