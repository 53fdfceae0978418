# ruff: noqa: E501 - demo text reads better unwrapped
"""Demo organisations: three invented municipalities, invented entrepreneurs, and the real
social entrepreneurs named in the checked facts (legal-facts.md A5).

Honest content (docs/decisions/0021-honest-demo-content.md): everything the demo invents –
needs, budgets, collaborations, grant decisions, meetings – belongs to an invented
organisation whose name ends in «(fiktiv)», in an invented county («Eksempelfylket
(fiktivt)», code 99, which SSB does not use). Real bodies appear only with facts from a
source. No org numbers are invented: they stay empty unless known. No personal accounts are
created here."""

import datetime

from django.db import transaction

from .models import Organisation, OrganisationType

FICTIONAL_MARK = "(fiktiv)"
FICTIONAL_COUNTY = ("99", "Eksempelfylket (fiktivt)")
# kommunenummer (county 99, unused by SSB), municipality name, organisation name, description
MUNICIPALITIES = [
    (
        "9901",
        "Fjordvik (fiktiv)",
        "Fjordvik kommune (fiktiv)",
        "En oppdiktet kommune som viser hvordan Kokeboka brukes: behov, samarbeid og et eget innovasjonsfond. Alt om Fjordvik er eksempelinnhold.",
    ),
    (
        "9902",
        "Elvdal (fiktiv)",
        "Elvdal kommune (fiktiv)",
        "En oppdiktet kommune i demoen. Behovene og samarbeidene er eksempler, ikke virkelige saker.",
    ),
    (
        "9903",
        "Bjørkvik (fiktiv)",
        "Bjørkvik kommune (fiktiv)",
        "En oppdiktet kommune i demoen. Behovene og samarbeidene er eksempler, ikke virkelige saker.",
    ),
]
# The demo's home municipality: its broker, adviser and fund people work here.
HOME = MUNICIPALITIES[0][0]

# Invented entrepreneurs that the fund and collaboration demos need before the broker demo's
# own invented entrepreneurs exist: name, legal form, work integration, description.
FICTIONAL_ENTREPRENEURS = [
    (
        "Kafé Mestring SA (fiktiv)",
        "SA",
        True,
        "Et oppdiktet demo-samvirke som driver kafé med arbeidstrening for unge voksne.",
    ),
    (
        "Trivselsverkstedet (fiktiv)",
        "",
        False,
        "En oppdiktet demo-virksomhet med kurs i trivsel og psykisk helse for ungdom.",
    ),
    (
        "Motor og mestring (fiktiv)",
        "",
        False,
        "En oppdiktet demo-virksomhet der elever med mye fravær skrur på motorer sammen med voksne.",
    ),
    (
        "Friminuttlaget (fiktiv)",
        "",
        False,
        "En oppdiktet demo-virksomhet som lærer elever å lede lek i friminuttene.",
    ),
    (
        "Erfaringsrådet Ung (fiktiv)",
        "",
        False,
        "En oppdiktet demo-virksomhet der unge med erfaring fra barnevernet gir råd til tjenestene.",
    ),
]


def ensure_fictional_geography() -> None:
    """The invented county and municipalities of the demo (idempotent). They are dated from
    2024 so that choosers and filters list them like any municipality, marked «(fiktiv)»."""
    from apps.core.models import County, Municipality

    valid_from = datetime.date(2024, 1, 1)
    code, name = FICTIONAL_COUNTY
    county, _ = County.objects.get_or_create(
        code=code, defaults={"name": name, "valid_from": valid_from}
    )
    for code, municipality_name, _org, _description in MUNICIPALITIES:
        Municipality.objects.get_or_create(
            code=code,
            defaults={"name": municipality_name, "county": county, "valid_from": valid_from},
        )


# name, legal form ("" when not known from the facts), work integration, description
ENTREPRENEURS = [
    (
        "Pøbelprosjektet",
        "",
        False,
        "Motivasjonskurs og oppfølging som hjelper unge utenfor skole og arbeid over i jobb eller utdanning.",
    ),
    (
        "Young Happy Minds",
        "",
        False,
        "Et kurs over ti uker i positiv psykologi som styrker trivselen til unge.",
    ),
    (
        "Kjør for livet",
        "",
        False,
        "Et lagbasert program som får unge som har falt ut, tilbake til skole eller arbeid.",
    ),
    (
        "Trivselsleder",
        "",
        False,
        "Elever læres opp til å lede lek i skolegården, slik at flere har noen å være sammen med.",
    ),
    (
        "Forandringsfabrikken",
        "",
        False,
        "Samler erfaringene til barn og unge for å gjøre barnevern og skole bedre.",
    ),
    ("Unicus", "", True, "En bedrift der alle de ansatte har Aspergers syndrom."),
    (
        "Aball1",
        "",
        False,
        "Aktivitetsbasert læring med tall- og bokstavballer i skole og barnehage.",
    ),
    ("Intempo", "", False, "Språkleken Bravo forebygger lese- og skrivevansker i barnehagen."),
    ("Forskerfabrikken", "", False, "Sommerskoler i naturfag for barn."),
    ("Lyk-z & døtre", "", False, "Kurset FROG hjelper unge å ta positive steg i livet."),
    ("Lærervikaren", "", False, "En database med undervisningsopplegg for timer med vikar."),
    (
        "Medarbeiderne AS",
        "AS",
        True,
        "Et ideelt aksjeselskap som bare ansetter folk med rusbakgrunn: panteflasker, glass, metall, EE-avfall, flytting og rydding.",
    ),
    (
        "iMAL",
        "",
        False,
        "En metode for lese- og skriveopplæring de første hundre dagene i første klasse.",
    ),
    (
        "PitStop",
        "",
        False,
        "Hjelper ideelle organisasjoner å drive samtalestøtte, undervisning og arbeidstrening for unge i risiko.",
    ),
    (
        "Gamingkontakten",
        "",
        False,
        "Digitale støttekontakter møter isolerte gamere mellom 11 og 23 år inne i spillene.",
    ),
    (
        "JodaCare AS",
        "AS",
        False,
        "Et kommunikasjonsverktøy mellom sykehjem eller hjemmetjeneste og pårørende til personer med demens.",
    ),
    ("Noen AS", "AS", False, "Samarbeider med kommuner om demensomsorg."),
    (
        "BUA",
        "",
        False,
        "Utlån av sports- og fritidsutstyr over hele landet; kommunene betaler en årlig avgift.",
    ),
    (
        "Bymisjonen Stavanger – Tillitsperson",
        "",
        False,
        "En tillitsperson hjelper folk å finne fram i velferdssystemet.",
    ),
    (
        "Trygg av natur",
        "",
        False,
        "Bruker naturen som mestringsarena, blant annet med naturdager for 8. trinn.",
    ),
    (
        "Kompass & Co",
        "",
        False,
        "Arbeidstrening for unge med mat, hagearbeid, gatekjøkken og overskuddsmat.",
    ),
    (
        "Vintage Baby / Café Vintage",
        "",
        False,
        "Kjøkken- og arbeidstrening for kvinner med minoritetsbakgrunn.",
    ),
    (
        "Folkelig",
        "",
        False,
        "Mindre sosial ulikhet i helse gjennom matglede og sosiale møteplasser for barn og unge.",
    ),
    ("Papillon", "", False, "Trygge fellesskap for unge med flerkulturell bakgrunn."),
    (
        "Ungt Entreprenørskap",
        "",
        False,
        "Entreprenørskap i skolen gjennom elev- og ungdomsbedrifter.",
    ),
    ("Generasjonsmøte M", "", False, "Var med på å starte «Veier til samarbeid» på et sykehjem."),
]


STAFF_EMAIL = "stab@demo.kokeboka.no"


def demo_staff():
    """The demo's national staff person (group "Kokeboka-stab"): verifies the demo
    organisations and gives the demo roles, so every verification and grant is recorded as
    someone's act. Signing in as them, the staff pages ask for the second factor."""
    from django.contrib.auth.models import Group

    from .permissions import PLATFORM_STAFF_GROUP

    staff = ensure_person(email=STAFF_EMAIL, first_name="Sissel", last_name="Stab")
    staff.groups.add(Group.objects.get_or_create(name=PLATFORM_STAFF_GROUP)[0])
    return staff


def verify_demo_organisations() -> int:
    """Verifies (by the demo staff person) every demo organisation not yet verified; returns
    how many. Idempotent."""
    from .services import organisation_mark_verified_by_staff

    staff = demo_staff()
    pending = Organisation.objects.filter(
        external_key__startswith="demo:", verified_at__isnull=True
    ).order_by("pk")
    count = 0
    for organisation in pending:
        organisation_mark_verified_by_staff(organisation=organisation, staff=staff)
        count += 1
    return count


@transaction.atomic
def load() -> None:
    """Idempotent: creates what is missing, matched by municipality or by external key, and
    verifies the demo organisations."""
    from apps.core.models import Municipality
    from apps.core.services import geography_ensure

    from .services import organisation_create

    if not Municipality.objects.filter(code="0301").exists():
        geography_ensure()
    ensure_fictional_geography()
    for code, _name, org_name, description in MUNICIPALITIES:
        municipality = Municipality.objects.get(code=code)
        if Organisation.objects.filter(municipality=municipality).exists():
            continue
        organisation_create(
            actor=None,
            name=org_name,
            type=OrganisationType.KOMMUNE,
            municipality=municipality,
            description=f"<p>{description}</p>",
            external_key=f"demo:kommune:{code}",
        )
    for name, legal_form, work_integration, description in [
        *ENTREPRENEURS,
        *FICTIONAL_ENTREPRENEURS,
    ]:
        key = f"demo:se:{name}"
        if Organisation.objects.filter(external_key=key).exists():
            continue
        organisation_create(
            actor=None,
            name=name,
            type=OrganisationType.SOSIAL_ENTREPRENOR,
            legal_form=legal_form,
            work_integration=work_integration,
            description=f"<p>{description}</p>",
            external_key=key,
        )
    verify_demo_organisations()


# One password for every demo person created in a run of load_demo: taken from
# KOKEBOKA_DEMO_PASSWORD when set, otherwise generated once per process and printed by
# load_demo (never stored in the repository).
_created: list[str] = []
_password: list[str] = []


def demo_password() -> str:
    """The password given to demo people created in this process."""
    import os
    import secrets

    if not _password:
        _password.append(os.environ.get("KOKEBOKA_DEMO_PASSWORD") or secrets.token_urlsafe(12))
    return _password[0]


def created_people() -> list[str]:
    """Emails of the demo people created in this process (for load_demo to print)."""
    return list(_created)


@transaction.atomic
def ensure_person(
    *,
    email: str,
    first_name: str,
    last_name: str,
    memberships: tuple[tuple[Organisation, str], ...] = (),
):
    """A demo person with a verified address and the given (organisation, role) memberships.
    Idempotent on email; an existing person keeps their password. Roles are given by the
    demo staff person, recorded like any grant (a power role needs a verified public-sector
    organisation, as everywhere)."""
    from django.utils import timezone

    from .models import User
    from .services import membership_grant_by_staff

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=demo_password(),
            first_name=first_name,
            last_name=last_name,
        )
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
        _created.append(email)
    if memberships:
        staff = demo_staff()
        for organisation, role in memberships:
            membership_grant_by_staff(organisation=organisation, user=user, role=role, staff=staff)
    return user


def demo_organisation(key: str) -> Organisation:
    """A demo organisation by its key: a kommunenummer (HOME, "9901") or an entrepreneur's
    name."""
    if key.isdigit():
        return Organisation.objects.get(municipality__code=key)
    return Organisation.objects.get(external_key=f"demo:se:{key}")


# Demo people with powers give a code from an authenticator app after their password (the
# fund manager, the reviewers, the broker, organisation admins, national staff, the editor).
# Their TOTP devices share one secret per run of load_demo, shown once with the password, so
# a tester gets codes with `oathtool --totp -b SECRET` or adds the secret to an app. Taken
# from KOKEBOKA_DEMO_TOTP_SECRET (base32) when set.
DEMO_EMAIL_DOMAIN = "@demo.kokeboka.no"
_totp_secret: list[str] = []
_devices_for: list[str] = []


def demo_totp_secret() -> str:
    """The base32 TOTP secret of the demo devices created in this process."""
    import base64
    import os
    import secrets

    if not _totp_secret:
        chosen = os.environ.get("KOKEBOKA_DEMO_TOTP_SECRET", "").strip().upper().replace(" ", "")
        if chosen:
            # Refuses (binascii.Error) a secret that is not base32.
            base64.b32decode(chosen + "=" * (-len(chosen) % 8))
        _totp_secret.append(chosen or base64.b32encode(secrets.token_bytes(20)).decode())
    return _totp_secret[0]


def ensure_demo_device(user) -> bool:
    """Gives the person a confirmed TOTP device with the demo secret unless they have a
    confirmed one; returns whether one was made."""
    import base64

    from django_otp.plugins.otp_totp.models import TOTPDevice

    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return False
    secret = demo_totp_secret()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8)).hex()
    TOTPDevice.objects.create(user=user, name="Demo", key=key, confirmed=True)
    _devices_for.append(user.email)
    return True


def give_power_holders_devices() -> list[str]:
    """A device for every demo person who holds a role with power over others' data, money or
    decisions (broker, fund manager, reviewer, organisation admin) or a site-wide group (staff,
    editors, moderators). Idempotent; returns the emails given one now."""
    from django.contrib.auth.models import Group
    from django.db.models import Q

    from .models import MembershipRole, User
    from .permissions import EDITORS_GROUP, MODERATORS_GROUP, PLATFORM_STAFF_GROUP

    roles = (
        MembershipRole.BROKER,
        MembershipRole.FUND_MANAGER,
        MembershipRole.REVIEWER,
        MembershipRole.ADMIN,
    )
    groups = Group.objects.filter(name__in=(EDITORS_GROUP, MODERATORS_GROUP, PLATFORM_STAFF_GROUP))
    people = (
        User.objects.filter(email__endswith=DEMO_EMAIL_DOMAIN, is_active=True)
        .filter(Q(memberships__role__in=roles) | Q(groups__in=groups))
        .distinct()
        .order_by("email")
    )
    given = []
    for user in people:
        if ensure_demo_device(user):
            given.append(user.email)
    return given


def devices_created() -> list[str]:
    """Emails of the people given a demo device in this process (for load_demo to print)."""
    return list(_devices_for)
