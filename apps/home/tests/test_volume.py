"""load_volume: counts at a small scale, the same rows from the same seed, and a clear refusal
to load twice."""

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from apps.accounts.models import Organisation, OrganisationType
from apps.broker.models import Need, Offer
from apps.cases.models import CasePage
from apps.collaborations.models import Collaboration
from apps.contributions.models import Tip, TriedReport
from apps.cookbook.models import RecipePage
from apps.core.models import County, Municipality
from apps.events.models import Event, Registration
from apps.fund.models import Application
from apps.grants.models import Decision, ReviewerAssignment
from apps.home.volume import scaled_counts
from apps.matching.models import MatchTerm

SCALE = 0.005


class _Rollback(Exception):
    pass


def snapshot() -> dict[str, list]:
    """The content of the generated rows, without ids and creation times."""
    return {
        "organisations": list(
            Organisation.objects.order_by("slug").values_list("slug", "name", "type")
        ),
        "needs": list(
            Need.objects.order_by("pk").values_list(
                "organisation__slug", "title", "description", "status", "expires_at"
            )
        ),
        "need sectors": list(
            Need.sectors.through.objects.order_by("need_id", "sector_id").values_list(
                "need__title", "sector__code"
            )
        ),
        "offers": list(
            Offer.objects.order_by("pk").values_list(
                "profile__organisation__slug", "title", "description", "area_national"
            )
        ),
        "collaborations": list(
            Collaboration.objects.order_by("pk").values_list("title", "stage", "summary")
        ),
        "applications": list(
            Application.objects.order_by("pk").values_list("title", "status", "amount_requested")
        ),
        "recipes": list(RecipePage.objects.order_by("path").values_list("slug", "title")),
        "examples": list(CasePage.objects.order_by("path").values_list("slug", "title")),
        "registrations": list(
            Registration.objects.order_by("pk").values_list("name", "status", "cancel_token")
        ),
    }


@pytest.mark.django_db
def test_load_volume_counts_determinism_and_refusal():
    expected = scaled_counts(SCALE)

    # First run, rolled back: what the second run must reproduce.
    with pytest.raises(_Rollback), transaction.atomic():
        call_command("load_volume", scale=str(SCALE), seed=5, skip_search_index=True)
        first = snapshot()
        raise _Rollback
    assert not Need.objects.exists()
    with pytest.raises(_Rollback), transaction.atomic():
        call_command("load_volume", scale=str(SCALE), seed=6, skip_search_index=True)
        assert snapshot() != first
        raise _Rollback

    call_command("load_volume", scale=str(SCALE), seed=5)
    assert snapshot() == first

    municipalities = Municipality.objects.current().count()
    assert municipalities == 357
    assert Organisation.objects.filter(type=OrganisationType.KOMMUNE).count() == municipalities
    assert (
        Organisation.objects.filter(type=OrganisationType.FYLKESKOMMUNE).count()
        == County.objects.current().count()
        == 15
    )
    assert Need.objects.count() == expected["needs"]
    cross_sector = [n for n in Need.objects.prefetch_related("sectors") if n.sectors.count() > 1]
    assert len(cross_sector) == -(-expected["needs"] // 3)
    assert (
        Organisation.objects.filter(type=OrganisationType.SOSIAL_ENTREPRENOR).count()
        == expected["entrepreneurs"]
    )
    assert Offer.objects.count() == expected["offers"]
    assert Collaboration.objects.count() == expected["collaborations"]
    assert Application.objects.count() == expected["applications"]
    assert ReviewerAssignment.objects.exists()
    assert Decision.objects.exists()
    assert RecipePage.objects.live().count() == expected["recipes"]
    # Each recipe is published and then revised once: two revisions each.
    recipe = RecipePage.objects.live().first()
    assert recipe.revisions.count() == 2
    assert Tip.objects.count() == expected["tips"]
    assert TriedReport.objects.count() == expected["tried_reports"]
    assert CasePage.objects.live().count() == expected["examples"]
    assert Event.objects.count() == expected["meetings"]
    assert Registration.objects.count() == (
        expected["meetings"] * (expected["registrations"] // expected["meetings"])
    )
    # The derived data is rebuilt: every need and offer has matching index terms.
    indexed = set(MatchTerm.objects.filter(kind="need").values_list("object_id", flat=True))
    assert indexed == set(Need.objects.values_list("pk", flat=True))

    with pytest.raises(CommandError, match="already"):
        call_command("load_volume", scale=str(SCALE), seed=5)
    assert Need.objects.count() == expected["needs"]


def test_scale_takes_national_or_a_factor():
    assert scaled_counts(1.0)["needs"] == 20000
    assert scaled_counts(0.1)["offers"] == 1500
    with pytest.raises(CommandError, match="national"):
        call_command("load_volume", scale="huge")
