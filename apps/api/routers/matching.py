"""Explained matches between public needs and public offers. Mounted at "/".

Only public needs (open or in dialogue, public visibility, not expired) and public offers
(active, from an approved entrepreneur profile) are ever shown; any other id answers 404.
Brokers' pins and dismissals never show here, whoever asks."""

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from apps.broker.models import Need, Offer
from apps.matching import selectors

router = Router(tags=["Matching"])


class MatchLimit(Schema):
    limit: int = Field(
        selectors.DEFAULT_LIMIT,
        ge=1,
        le=selectors.MAX_LIMIT,
        description=f"How many matches to return (1–{selectors.MAX_LIMIT}).",
    )


class ReasonOut(Schema):
    kind: str = Field(
        description="What matched: sector, target_group, word, phrase, concept, area, "
        "maturity or semantic (close in meaning: the detail quotes the closest sentence of "
        "each side). Brokers' pins and dismissals are their working notes and never shape "
        "the ranking shown here."
    )
    label: str = Field(description="The kind of reason, in the language of the request.")
    detail: str = Field(
        description="What matched, e.g. sector names or the words as written in the text."
    )


class OrganisationRef(Schema):
    name: str = Field(description="The organisation's name.")
    slug: str = Field(description="The organisation's slug (/entreprenorer/<slug>/).")


class OfferRef(Schema):
    id: int = Field(description="Use with GET /offers/{id}.")
    key: str = Field(description="The import key of the offer; empty when not imported.")
    title: str = Field(description="The offer's title.")


class NeedRef(Schema):
    id: int = Field(description="Use with GET /needs/{id}.")
    key: str = Field(description="The import key of the need; empty when not imported.")
    title: str = Field(description="The need's title.")


class OfferMatchOut(Schema):
    offer: OfferRef
    organisation: OrganisationRef = Field(description="The entrepreneur behind the offer.")
    score: float = Field(description="0–100; higher is a better match.")
    reasons: list[ReasonOut]


class NeedMatchOut(Schema):
    need: NeedRef
    organisation: OrganisationRef = Field(description="The municipality that posted the need.")
    score: float = Field(description="0–100; higher is a better match.")
    reasons: list[ReasonOut]


def _reasons(match) -> list[dict]:
    return [
        {"kind": reason.kind, "label": reason.label, "detail": reason.detail}
        for reason in match.reasons
    ]


@router.get(
    "/needs/{need_id}/matches",
    response=list[OfferMatchOut],
    summary="Offers that match a public need, ranked and explained",
)
def need_matches(request, need_id: int, query: Query[MatchLimit]):
    need = get_object_or_404(Need.objects.public().select_related("municipality"), pk=need_id)
    # The open API shows the plain ranking: brokers' pins and dismissals stay on the site,
    # for the need's brokers only.
    matches = selectors.matches_for_need(need=need, limit=query.limit, feedback=False)
    return [
        {
            "offer": {"id": m.offer.pk, "key": m.offer.key, "title": m.offer.title},
            "organisation": {
                "name": m.offer.profile.organisation.name,
                "slug": m.offer.profile.organisation.slug,
            },
            "score": m.score,
            "reasons": _reasons(m),
        }
        for m in matches
    ]


@router.get(
    "/offers/{offer_id}/matches",
    response=list[NeedMatchOut],
    summary="Public needs that match a public offer, ranked and explained",
)
def offer_matches(request, offer_id: int, query: Query[MatchLimit]):
    offer = get_object_or_404(Offer.objects.public().select_related("profile"), pk=offer_id)
    # user=None: the API shows public needs only, whoever asks.
    matches = selectors.matches_for_offer(offer=offer, user=None, limit=query.limit)
    return [
        {
            "need": {"id": m.need.pk, "key": m.need.key, "title": m.need.title},
            "organisation": {"name": m.need.organisation.name, "slug": m.need.organisation.slug},
            "score": m.score,
            "reasons": _reasons(m),
        }
        for m in matches
    ]
