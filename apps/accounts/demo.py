"""Demo organisations: three invented municipalities, invented entrepreneurs, and the real
social entrepreneurs named in the checked facts (legal-facts.md A5). The names and texts are
data, in content/demo/accounts/ (read by apps.accounts.demo_files); this module makes the rows.

Honest content (docs/decisions/0021-honest-demo-content.md): everything the demo invents –
needs, budgets, collaborations, grant decisions, meetings – belongs to an invented
organisation whose name ends in «(fiktiv)», in an invented county («Eksempelfylket
(fiktivt)», code 99, which SSB does not use). Real bodies appear only with facts from a
source. No org numbers are invented: they stay empty unless known. No personal accounts are
created here."""

import datetime

from django.db import transaction

from .demo_files import FICTIONAL_MARK as FICTIONAL_MARK  # the honesty tests use it
from .demo_files import read_demo_content
from .models import Organisation, OrganisationType

# The demo's home municipality (a kommunenummer of content/demo/accounts/organisations.yaml):
# its broker, adviser and fund people work here.
HOME = "9901"


def ensure_fictional_geography() -> None:
    """The invented county and municipalities of the demo (idempotent). They are dated from
    2024 so that choosers and filters list them like any municipality, marked «(fiktiv)»."""
    from apps.core.models import County, Municipality

    organisations = read_demo_content().organisations
    valid_from = datetime.date(2024, 1, 1)
    county, _ = County.objects.get_or_create(
        code=organisations.county.code,
        defaults={"name": organisations.county.name, "valid_from": valid_from},
    )
    for municipality in organisations.municipalities:
        Municipality.objects.get_or_create(
            code=municipality.code,
            defaults={"name": municipality.name, "county": county, "valid_from": valid_from},
        )


STAFF_EMAIL = "stab@demo.kokeboka.no"


def demo_staff():
    """The demo's national staff person (group "Kokeboka-stab"): verifies the demo
    organisations and gives the demo roles, so every verification and grant is recorded as
    someone's act. Signing in as them, the staff pages ask for the second factor."""
    from django.contrib.auth.models import Group

    from .permissions import PLATFORM_STAFF_GROUP

    staff = demo_person(STAFF_EMAIL)
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

    organisations = read_demo_content().organisations
    if not Municipality.objects.filter(code="0301").exists():
        geography_ensure()
    ensure_fictional_geography()
    for item in organisations.municipalities:
        municipality = Municipality.objects.get(code=item.code)
        if Organisation.objects.filter(municipality=municipality).exists():
            continue
        organisation_create(
            actor=None,
            name=item.organisation,
            type=OrganisationType.KOMMUNE,
            municipality=municipality,
            description=f"<p>{item.description}</p>",
            external_key=f"demo:kommune:{item.code}",
        )
    # The invented entrepreneurs that the fund and collaboration demos need come after the
    # real ones (the broker demo makes its own invented entrepreneurs).
    for item in [*organisations.entrepreneurs, *organisations.fictional_entrepreneurs]:
        key = f"demo:se:{item.name}"
        if Organisation.objects.filter(external_key=key).exists():
            continue
        organisation_create(
            actor=None,
            name=item.name,
            type=OrganisationType.SOSIAL_ENTREPRENOR,
            legal_form=item.legal_form,
            work_integration=item.work_integration,
            description=f"<p>{item.description}</p>",
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


def demo_person(email: str, memberships: tuple[tuple[Organisation, str], ...] = ()):
    """`ensure_person` for a demo person of content/demo/accounts/people.yaml, named there."""
    person = read_demo_content().person(email)
    return ensure_person(
        email=email,
        first_name=person.first_name,
        last_name=person.last_name,
        memberships=memberships,
    )


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
