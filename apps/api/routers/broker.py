"""The broker service as open data: public needs, public offers and approved entrepreneur
profiles. Drafts, members-only and expired needs, and profiles not approved or lapsed, are
never returned, whoever asks."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from apps.api.common import detail_path, related_rows, rows_prefetch
from apps.api.listing import PlaceFilters, VocabularyFilters, list_endpoint
from apps.broker.models import EntrepreneurProfile, Maturity, Need, NeedStatus, Offer
from apps.broker.selectors import NeedFilters as BrokerNeedFilters
from apps.broker.selectors import needs_filtered, offers_filtered
from apps.core.models import Municipality, Sector, TargetGroup

router = Router(tags=["Broker service"])


class CountyRef(Schema):
    code: str = Field(description="The county's two-digit number (SSB).")
    name: str = Field(description="The county's name.")


class MunicipalityRef(Schema):
    code: str = Field(description="The municipality's four-digit number (SSB), e.g. «3201».")
    name: str = Field(description="The municipality's official name.")
    county: CountyRef = Field(description="The county the municipality is in.")


class OrganisationRef(Schema):
    name: str = Field(description="The organisation's name.")
    slug: str = Field(description="The organisation's slug on Kokeboka.")


def _municipality(m: Municipality) -> dict:
    return {
        "code": m.code,
        "name": m.name,
        "county": {"code": m.county.code, "name": m.county.name},
    }


class NeedOut(Schema):
    """A public need of a municipal service: a need, not a solution."""

    id: int = Field(description="Use it with GET /needs/{id}.")
    key: str = Field(description="The import key; empty when the need was posted on the site.")
    title: str
    url: str = Field(description="The need's path on the site.")
    organisation: OrganisationRef = Field(description="The municipality's organisation.")
    municipality: MunicipalityRef
    description: str = Field(description="The problem.")
    affected: str = Field(description="Who is affected; may be empty.")
    tried: str = Field(description="What has been tried; may be empty.")
    outcome: str = Field(description="The outcome wanted; may be empty.")
    sectors: list[str] = Field(description="Sector codes.")
    target_groups: list[str] = Field(description="Target group codes.")
    cross_sector: bool = Field(description="True when the need spans two or more sectors.")
    no_clear_owner: bool = Field(description="True when no single service owns the need.")
    budget_min: int | None = Field(description="Lower budget in NOK excl. VAT; null if not set.")
    budget_max: int | None = Field(description="Upper budget in NOK excl. VAT; null if not set.")
    timeframe: str
    status: str = Field(description="open or in_dialogue.")
    expires_at: datetime.date
    updated_at: datetime.datetime

    @staticmethod
    def resolve_url(obj: Need) -> str:
        return detail_path("broker:need-detail", obj.pk)

    @staticmethod
    def resolve_organisation(obj: Need) -> dict:
        return {"name": obj.organisation.name, "slug": obj.organisation.slug}

    @staticmethod
    def resolve_municipality(obj: Need) -> dict:
        return _municipality(obj.municipality)

    @staticmethod
    def resolve_sectors(obj: Need) -> list[str]:
        return [s.code for s in related_rows(obj, "sectors")]

    @staticmethod
    def resolve_target_groups(obj: Need) -> list[str]:
        return [g.code for g in related_rows(obj, "target_groups")]

    @staticmethod
    def resolve_cross_sector(obj: Need) -> bool:
        # Need.is_cross_sector's rule (two or more sectors), on the prefetched list.
        return len(related_rows(obj, "sectors")) >= 2


class OfferOut(Schema):
    """An active offer of an entrepreneur with an approved profile."""

    id: int = Field(description="Use it with GET /offers/{id}.")
    key: str = Field(description="The import key; empty when the offer was made on the site.")
    title: str
    url: str = Field(description="The offer's path on the site.")
    organisation: OrganisationRef = Field(description="The entrepreneur.")
    description: str
    sectors: list[str] = Field(description="Sector codes.")
    target_groups: list[str] = Field(description="Target group codes.")
    maturity: Maturity = Field(description="idea, startup, tested, established or scaled.")
    area_national: bool = Field(description="Offered in the whole country.")
    areas: list[str] = Field(description="Four-digit numbers of the municipalities served.")
    updated_at: datetime.datetime

    @staticmethod
    def resolve_url(obj: Offer) -> str:
        return detail_path("broker:offer-detail", obj.pk)

    @staticmethod
    def resolve_organisation(obj: Offer) -> dict:
        org = obj.profile.organisation
        return {"name": org.name, "slug": org.slug}

    @staticmethod
    def resolve_sectors(obj: Offer) -> list[str]:
        return [s.code for s in related_rows(obj, "sectors")]

    @staticmethod
    def resolve_target_groups(obj: Offer) -> list[str]:
        return [g.code for g in related_rows(obj, "target_groups")]

    @staticmethod
    def resolve_areas(obj: Offer) -> list[str]:
        return [m.code for m in related_rows(obj, "areas")]


class OfferRef(Schema):
    id: int
    key: str
    title: str
    maturity: Maturity


class EntrepreneurOut(Schema):
    """A social entrepreneur with a profile approved by a broker."""

    name: str
    slug: str = Field(description="The organisation's slug; the profile is /entreprenorer/<slug>/.")
    url: str
    key: str = Field(description="The import key of the organisation; may be empty.")
    org_number: str = Field(description="Organisation number; may be empty.")
    legal_form: str = Field(description="AS, SA, STI, FLI, ENK, ANS, other, or empty.")
    work_integration: bool = Field(description="At least 30 % of staff in the target groups.")
    summary: str
    evidence: str = Field(description="Evidence and results; may be empty.")
    area_national: bool
    areas: list[str] = Field(description="Four-digit numbers of the municipalities served.")
    offers: list[OfferRef] = Field(description="Active offers.")
    renewal_due: datetime.date | None = Field(description="The approval lasts until this date.")

    @staticmethod
    def resolve_name(obj: EntrepreneurProfile) -> str:
        return obj.organisation.name

    @staticmethod
    def resolve_slug(obj: EntrepreneurProfile) -> str:
        return obj.organisation.slug

    @staticmethod
    def resolve_url(obj: EntrepreneurProfile) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_key(obj: EntrepreneurProfile) -> str:
        return obj.organisation.external_key

    @staticmethod
    def resolve_org_number(obj: EntrepreneurProfile) -> str:
        return obj.organisation.org_number

    @staticmethod
    def resolve_legal_form(obj: EntrepreneurProfile) -> str:
        return obj.organisation.legal_form

    @staticmethod
    def resolve_work_integration(obj: EntrepreneurProfile) -> bool:
        return obj.organisation.work_integration

    @staticmethod
    def resolve_areas(obj: EntrepreneurProfile) -> list[str]:
        return [m.code for m in related_rows(obj, "areas")]

    @staticmethod
    def resolve_offers(obj: EntrepreneurProfile) -> list[dict]:
        return [
            {"id": o.pk, "key": o.key, "title": o.title, "maturity": o.maturity}
            for o in related_rows(obj, "offers")
        ]


class NeedFilters(PlaceFilters, VocabularyFilters):
    status: NeedStatus | None = Field(None, description="open or in_dialogue.")


class OfferFilters(VocabularyFilters):
    maturity: Maturity | None = Field(None, description="The offer's maturity.")


def _codes(model):
    """The vocabulary or place rows as the lists print them: the code, in the model's order."""
    return model.objects.only("pk", "code")


def _need_rows(needs):
    return (
        needs.select_related("organisation", "municipality__county")
        .prefetch_related(None)
        .prefetch_related(
            rows_prefetch("sectors", _codes(Sector)),
            rows_prefetch("target_groups", _codes(TargetGroup)),
        )
    )


def _offer_rows(offers):
    return offers.select_related("profile__organisation").prefetch_related(
        rows_prefetch("sectors", _codes(Sector)),
        rows_prefetch("target_groups", _codes(TargetGroup)),
        rows_prefetch("areas", _codes(Municipality)),
    )


def _public_needs():
    return _need_rows(Need.objects.public())


def _public_offers():
    return _offer_rows(Offer.objects.public())


@list_endpoint(
    router,
    "/needs",
    response=NeedOut,
    updated_field="updated_at",
    summary="List public needs",
    description="Open and in-dialogue needs with public visibility that have not expired, "
    "newest first. Filters combine (AND).",
)
def need_list(request: HttpRequest, filters: Query[NeedFilters]):
    # The same selector as the needs page (apps/broker/selectors.py), as an anonymous
    # visitor: one filter, one behaviour.
    return _need_rows(
        needs_filtered(
            user=AnonymousUser(),
            filters=BrokerNeedFilters(
                sector=filters.sector or "",
                target_group=filters.target_group or "",
                county=filters.county or "",
                municipality=filters.municipality or "",
                status=filters.status or "",
            ),
        )
    )


@router.get("/needs/{need_id}", response=NeedOut, summary="One public need")
def need_detail(request: HttpRequest, need_id: int):
    need = _public_needs().filter(pk=need_id).first()
    if need is None:
        raise HttpError(404, "No public need has this id.")
    return need


@list_endpoint(
    router,
    "/offers",
    response=OfferOut,
    updated_field="updated_at",
    summary="List public offers",
    description="Active offers of entrepreneurs whose profile a broker has approved.",
)
def offer_list(request: HttpRequest, filters: Query[OfferFilters]):
    return _offer_rows(
        offers_filtered(
            sector=filters.sector or "",
            target_group=filters.target_group or "",
            maturity=filters.maturity or "",
        )
    )


@router.get("/offers/{offer_id}", response=OfferOut, summary="One public offer")
def offer_detail(request: HttpRequest, offer_id: int):
    offer = _public_offers().filter(pk=offer_id).first()
    if offer is None:
        raise HttpError(404, "No public offer has this id.")
    return offer


@list_endpoint(
    router,
    "/entrepreneurs",
    response=EntrepreneurOut,
    updated_field="updated_at",
    summary="List social entrepreneurs",
    description="Entrepreneurs with an approved, current profile, by name, with their "
    "active offers.",
)
def entrepreneur_list(request: HttpRequest):
    return (
        EntrepreneurProfile.objects.public()
        .select_related("organisation")
        .prefetch_related(
            rows_prefetch("areas", _codes(Municipality)),
            rows_prefetch(
                "offers",
                Offer.objects.filter(active=True)
                .only("pk", "profile_id", "key", "title", "maturity")
                .order_by("title", "pk"),
            ),
        )
        .order_by("organisation__name", "pk")
    )
