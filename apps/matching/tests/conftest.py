import pytest
from django.conf import settings

from apps.accounts.models import MembershipRole, OrganisationType
from apps.broker.tests.factories import (
    EntrepreneurOrgFactory,
    MembershipFactory,
    NeedFactory,
    OfferFactory,
    ProfileFactory,
    UserFactory,
    municipality_org,
)
from apps.core.models import Municipality, Sector, TargetGroup


@pytest.fixture(autouse=True)
def _vocabulary(request):
    """Sectors, target groups and municipalities (seeded by migrations; flushed by
    transactional tests)."""
    if "transactional_db" in request.fixturenames:
        request.getfixturevalue("transactional_db")
    elif "db" in request.fixturenames:
        request.getfixturevalue("db")
    else:
        return
    from apps.core.services import geography_ensure, vocabulary_ensure

    vocabulary_ensure()
    geography_ensure()


@pytest.fixture
def english(client):
    """UI strings in English, so assertions hold after the Norwegian translation pass."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def baerum(db):
    return municipality_org("3201")


@pytest.fixture
def oslo(db):
    return municipality_org("0301")


@pytest.fixture
def vocab(db):
    return (
        {sector.code: sector for sector in Sector.objects.all()},
        {group.code: group for group in TargetGroup.objects.all()},
    )


@pytest.fixture
def make_offer(db, vocab, django_capture_on_commit_callbacks):
    """Creates an offer as a request would: the matching index is refreshed by the task the
    commit enqueues (tests run inside one transaction, so the commit hooks run here)."""
    sectors, groups = vocab

    def make(
        title,
        description,
        *,
        sector_codes=(),
        group_codes=(),
        areas=(),
        national=False,
        profile=None,
        **kwargs,
    ):
        with django_capture_on_commit_callbacks(execute=True):
            offer = OfferFactory(
                title=title,
                description=description,
                area_national=national,
                **({"profile": profile} if profile else {}),
                **kwargs,
            )
            offer.sectors.set([sectors[code] for code in sector_codes])
            offer.target_groups.set([groups[code] for code in group_codes])
            offer.areas.set(list(Municipality.objects.filter(code__in=areas)))
        return offer

    return make


@pytest.fixture
def make_need(db, vocab, baerum, django_capture_on_commit_callbacks):
    """Creates a need; its index rows are written by the task its commit enqueues."""
    sectors, groups = vocab

    def make(title, description, *, sector_codes=(), group_codes=(), organisation=None, **kw):
        with django_capture_on_commit_callbacks(execute=True):
            need = NeedFactory(
                title=title, description=description, organisation=organisation or baerum, **kw
            )
            need.sectors.set([sectors[code] for code in sector_codes])
            need.target_groups.set([groups[code] for code in group_codes])
        return need

    return make


@pytest.fixture
def dropout_need(make_need):
    return make_need(
        "Unge som dropper ut av videregående",
        "Mange elever slutter på skolen før de har fullført, og ingen følger dem opp.",
        sector_codes=["oppvekst_utdanning"],
        group_codes=["ungdom"],
    )


@pytest.fixture
def offers(make_offer):
    """A right offer, a near miss and an unrelated one."""
    return {
        "mentor": make_offer(
            "Mentorer mot frafall i videregående",
            "Frivillige mentorer følger elever som står i fare for å avbryte skolen.",
            sector_codes=["oppvekst_utdanning"],
            group_codes=["ungdom"],
            national=True,
        ),
        "farm": make_offer(
            "Alternativ opplæringsarena på gård",
            "Skoletrøtte elever lærer praktisk på gården to dager i uka.",
            sector_codes=["oppvekst_utdanning"],
            group_codes=["ungdom"],
            areas=["3201"],
        ),
        "food": make_offer(
            "Matsentral for overskuddsmat",
            "Vi henter mat fra butikker og fordeler den til frivillige.",
            sector_codes=["miljo_klima"],
            group_codes=["alle"],
        ),
    }


@pytest.fixture
def people(db, baerum, oslo):
    """The actors of the permission matrix, by name; the entrepreneur belongs to the
    organisation behind `entrepreneur_profile`."""
    entrepreneur_org = EntrepreneurOrgFactory(name="Grønn Arbeidstrening SA")
    profile = ProfileFactory(organisation=entrepreneur_org)
    ngo = EntrepreneurOrgFactory(name="Frivillig forening", type=OrganisationType.FORSKNING)

    def person(org, role):
        return MembershipFactory(organisation=org, role=role).user

    return {
        "anonymous": None,
        "own_member": person(baerum, MembershipRole.MEMBER),
        "other_member": person(ngo, MembershipRole.MEMBER),
        "entrepreneur": person(entrepreneur_org, MembershipRole.MEMBER),
        "own_broker": person(baerum, MembershipRole.BROKER),
        "other_broker": person(oslo, MembershipRole.BROKER),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
        "_profile": profile,
    }
