"""Reads of open invitations (kept apart from selectors.py, which ranks matches).

An open invitation goes to every entrepreneur whose public offer matches the need at least
the chosen score. The ranking used is the plain one (``feedback=False``): a broker's pins
and dismissals are working notes and must not decide who is invited, or the invitation
would not treat everyone alike. Every list here costs a fixed number of queries, whatever
the number of invitations, recipients or answers."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.cache import GENERATION_KEY, generation_token

from .models import InvitationRecipient, OpenInvitation
from .selectors import rank_offers_for_need

# At most this many entrepreneurs are invited at once, so that the confirmation page, the
# mails and the ranking stay bounded; the page says so when the limit is reached.
MAX_RECIPIENTS = 200
# How far down the ranked offers the invitation reads (an entrepreneur may have several).
MAX_RANKED_OFFERS = 2 * MAX_RECIPIENTS
# The recipe that explains why a need goes to every entrepreneur who fits, not only one.
EQUAL_TREATMENT_RECIPE = "kommunen-som-megler"


@dataclass(frozen=True)
class Candidate:
    """An entrepreneur organisation that would be invited, with its best offer."""

    organisation: object
    offer: object
    score: float


def invitation_candidates(*, need, min_score: int) -> list[Candidate]:
    """The entrepreneurs to invite: one row per organisation (its best public offer), every
    one whose score is at least ``min_score``, best first, at most MAX_RECIPIENTS."""
    from apps.broker.models import Offer

    ranked = [
        item
        for item in rank_offers_for_need(
            need=need, limit=MAX_RANKED_OFFERS, feedback=False, cap=MAX_RANKED_OFFERS
        )
        if item.scored.score >= min_score
    ]
    offers = (
        Offer.objects.public()
        .select_related("profile__organisation")
        .in_bulk([item.object_id for item in ranked])
    )
    best: dict[int, Candidate] = {}
    for item in ranked:
        offer = offers.get(item.object_id)
        if offer is None:
            continue
        organisation = offer.profile.organisation
        if organisation.pk == need.organisation_id or organisation.pk in best:
            continue
        best[organisation.pk] = Candidate(organisation, offer, item.scored.score)
    ordered = sorted(best.values(), key=lambda c: (-c.score, c.organisation.name))
    return ordered[:MAX_RECIPIENTS]


def invitations_for_need(*, need) -> list[OpenInvitation]:
    """The need's open invitations, newest first, each with how many were invited, how many
    answered and how many are interested (one query)."""
    return list(
        OpenInvitation.objects.filter(need=need).annotate(
            invited=Count("recipients", distinct=True),
            answered=Count("recipients__response", distinct=True),
            interested_count=Count(
                "recipients__response",
                filter=Q(recipients__response__interested=True),
                distinct=True,
            ),
        )
    )


def current_invitation(*, need) -> OpenInvitation | None:
    """The invitation of this need still taking answers, if any."""
    today = timezone.localdate()
    return (
        OpenInvitation.objects.filter(need=need, closed_at__isnull=True, deadline__gte=today)
        .order_by("-created_at")
        .first()
    )


def invitation_recipients(*, invitation: OpenInvitation) -> list[InvitationRecipient]:
    """Everyone invited, interested first, then those who declined, then those who have not
    answered; each with its organisation, offer and answer (one query)."""
    rows = (
        InvitationRecipient.objects.filter(invitation=invitation)
        .select_related("organisation", "offer", "response", "response__responded_by")
        .order_by(
            F("response__interested").desc(nulls_last=True),
            "-score",
            "organisation__name",
            "pk",
        )
    )
    return list(rows)


def recipient_for_answer(*, pk: int) -> InvitationRecipient | None:
    return (
        InvitationRecipient.objects.select_related(
            "invitation__need__organisation", "invitation__need__municipality", "organisation"
        )
        .select_related("offer", "response")
        .filter(pk=pk)
        .first()
    )


# The line My page shows for invitations_awaiting_answer (apps.accounts.selectors).
AWAITING_LABEL = _("Open invitations waiting for your answer")
AWAITING_ACTION = _("Answer “%(title)s”")


def invitations_awaiting_answer(*, user) -> QuerySet[InvitationRecipient]:
    """Invitations still open to an organisation this person writes for (member or admin),
    not answered yet: what My page lists for entrepreneurs. Each row carries ``title`` (the
    need's title), soonest deadline first."""
    from apps.broker.permissions import EDIT_PROFILE_ROLES, org_ids_with_roles

    org_ids = org_ids_with_roles(user, EDIT_PROFILE_ROLES)
    today = timezone.localdate()
    return (
        InvitationRecipient.objects.filter(
            organisation_id__in=org_ids,
            invitation__closed_at__isnull=True,
            invitation__deadline__gte=today,
            response__isnull=True,
        )
        .annotate(title=F("invitation__need__title"))
        .order_by("invitation__deadline", "pk")
    )


RECIPE_URL_KEY = "matching:equal-treatment-recipe-url"


def equal_treatment_recipe_url() -> str:
    """The URL of the published recipe on the broker role and equal treatment, or "" when
    the cookbook does not have it. Kept in the cache under the page cache's generation,
    which every publication, unpublication, move, page save and view restriction moves
    (apps.core.signals): one cache round trip instead of two queries on each broker's view
    of a need and its matches."""
    from apps.cookbook.models import RecipePage

    found = cache.get_many([RECIPE_URL_KEY, GENERATION_KEY])
    generation = generation_token(GENERATION_KEY, found)
    stored = found.get(RECIPE_URL_KEY)
    if stored is not None and stored[0] == generation:
        return stored[1]
    recipe = RecipePage.objects.live().public().filter(slug=EQUAL_TREATMENT_RECIPE).first()
    url = recipe.url if recipe is not None else ""
    cache.set(RECIPE_URL_KEY, (generation, url), timeout=None)
    return url
