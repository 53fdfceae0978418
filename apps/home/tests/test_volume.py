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


# Queries per request at two data sizes ---------------------------------------------------

SMALL, LARGE = 0.002, 0.008


def _page_urls() -> dict[str, tuple[str, object]]:
    """Every list and detail page the volume benchmark measures, with who asks for it."""
    from apps.accounts.models import Membership, MembershipRole
    from apps.fund.models import Fund

    need = Need.objects.public().order_by("pk").first()
    broker = Membership.objects.filter(role=MembershipRole.BROKER, organisation=need.organisation)[
        0
    ].user
    fund = Fund.objects.order_by("pk").first()
    manager = Membership.objects.filter(
        organisation=fund.organisation, role=MembershipRole.FUND_MANAGER
    )[0].user
    assignment = ReviewerAssignment.objects.filter(application__call__fund=fund).order_by("pk")[0]
    recipe = RecipePage.objects.live().order_by("path").first()
    # Filters that find something at both sizes (an empty page would skip its prefetches).
    sector = need.sectors.order_by("pk").first().code
    county = need.municipality.county.code
    example = CasePage.objects.live().order_by("path").first()
    example_sector = example.sectors.order_by("pk").first().code
    example_county = example.municipality.county.code
    return {
        "home": ("/", None),
        "recipe": (recipe.url, None),
        "chapter": (recipe.get_parent().url, None),
        "cookbook index": (f"/kokeboka/?phase={recipe.phase}", None),
        "search": ("/sok/?q=arbeidstrening", None),
        "examples": (f"/eksempler/?sector={example_sector}&county={example_county}", None),
        "needs": (f"/behov/?sector={sector}&county={county}", None),
        "need matches": (f"/behov/{need.pk}/treff/", broker),
        "entrepreneurs": ("/entreprenorer/", None),
        "board": ("/samarbeid/tavle/", broker),
        "fund management": ("/fond/forvaltning/", manager),
        "assessment": (f"/fond/vurdering/{assignment.pk}/", assignment.reviewer),
        "granted": ("/fond/tildelinger/", None),
        "insights": ("/innsikt/", None),
        "municipality insights": (f"/innsikt/kommune/{need.municipality.code}/", broker),
        "api needs": ("/api/v1/needs", None),
        "api offers": ("/api/v1/offers", None),
        "api recipes": ("/api/v1/recipes", None),
        "api cases": ("/api/v1/cases", None),
    }


def _query_counts() -> dict[str, tuple[int, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.accounts.tests.helpers import force_login_verified

    counts = {}
    for name, (url, user) in _page_urls().items():
        client = Client()
        if user is not None:
            force_login_verified(client, user)
        separator = "&" if "?" in url else "?"
        client.get(f"{url}{separator}warm=1")  # per-process caches filled, as in production
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{url}{separator}count=1")
        counts[name] = (response.status_code, len(queries))
    return counts


@pytest.mark.django_db
def test_queries_per_page_do_not_grow_with_the_data():
    with pytest.raises(_Rollback), transaction.atomic():
        call_command("load_volume", scale=str(SMALL), seed=3, skip_search_index=True)
        small = _query_counts()
        raise _Rollback
    call_command("load_volume", scale=str(LARGE), seed=3, skip_search_index=True)
    assert Need.objects.count() == scaled_counts(LARGE)["needs"] > scaled_counts(SMALL)["needs"]
    large = _query_counts()
    assert {name: status for name, (status, _n) in large.items()} == dict.fromkeys(large, 200)
    assert {name: n for name, (_s, n) in large.items()} == {
        name: n for name, (_s, n) in small.items()
    }
