import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .validators import validate_org_number


class EmailUserManager(UserManager):
    """People log in with their email address; there is no separate username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        # Every way in (sign-up, ID-porten, an invitation) starts in the language the person
        # is using, so the first mail (the verification link) is already in it.
        from apps.core.mail import current_language

        extra_fields.setdefault("language", current_language())
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("email_verified_at", timezone.now())
        return self._create_user(email, password, **extra_fields)


class Language(models.TextChoices):
    """The interface languages, each named in itself (as in the header's language choice)."""

    NB = "nb", "Norsk bokmål"
    NN = "nn", "Norsk nynorsk"
    EN = "en", "English"


class User(AbstractUser):
    Language = Language

    username = None
    email = models.EmailField(_("email address"), unique=True)
    email_verified_at = models.DateTimeField(_("email verified at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    # Mail sent outside a request (scheduled jobs, the task worker, or another person's
    # action) has no request language to follow: it is written in this one
    # (apps.core.mail.in_language_of). Set by the header's language choice and on My page.
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=Language.choices,
        default=Language.NB,
        help_text=_("The language of the mail we send you."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        if self.anonymised_at is not None:
            return self.display_name
        return self.get_full_name() or self.email

    @property
    def is_email_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    @property
    def display_name(self) -> str:
        if self.anonymised_at is not None:
            return gettext("Former member")
        return self.get_full_name() or self.email.split("@")[0]


class OrganisationType(models.TextChoices):
    KOMMUNE = "kommune", _("Municipality")
    FYLKESKOMMUNE = "fylkeskommune", _("County authority")
    STATLIG = "statlig", _("Government agency")
    SOSIAL_ENTREPRENOR = "sosial_entreprenor", _("Social entrepreneur")
    IDEELL = "ideell", _("Voluntary or non-profit organisation")
    FORSKNING = "forskning", _("Research or education")
    ANNEN = "annen", _("Other")


# Only verification can make an organisation of these types speak for the public sector: a
# first comer registering one gets a pending claim, not a municipality.
PUBLIC_SECTOR_TYPES = frozenset(
    {OrganisationType.KOMMUNE, OrganisationType.FYLKESKOMMUNE, OrganisationType.STATLIG}
)


class VerificationSource(models.TextChoices):
    """How an organisation's identity (and its admin's right to act for it) was checked."""

    STAFF = "staff", _("Kokeboka's staff")
    # A lookup of the organisation number in Enhetsregisteret, and of the person's right to
    # act for it where a trustworthy source says so. Not built yet: nothing sets it today.
    REGISTER = "register", _("The Central Coordinating Register (Enhetsregisteret)")


class LegalForm(models.TextChoices):
    AS = "AS", _("Limited company (AS)")
    SA = "SA", _("Cooperative (SA)")
    STI = "STI", _("Foundation (STI)")
    FLI = "FLI", _("Association (FLI)")
    ENK = "ENK", _("Sole proprietorship (ENK)")
    ANS = "ANS", _("General partnership (ANS)")
    OTHER = "other", _("Other")


class Organisation(models.Model):
    """A municipality, county authority, agency, social entrepreneur or other organisation.
    A kommune is identified by its municipality (one organisation per kommunenummer)."""

    Type = OrganisationType
    LegalForm = LegalForm

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    type = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)
    municipality = models.ForeignKey(
        "core.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    county = models.ForeignKey(
        "core.County",
        verbose_name=_("county"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    # Org numbers stay strings: leading zeros matter.
    org_number = models.CharField(
        _("organisation number"),
        max_length=9,
        blank=True,
        validators=[validate_org_number],
        help_text=_("Nine digits from the Central Coordinating Register (Enhetsregisteret)."),
    )
    legal_form = models.CharField(
        _("legal form"), max_length=10, choices=LegalForm.choices, blank=True
    )
    work_integration = models.BooleanField(
        _("work integration"),
        default=False,
        help_text=_("At least 30 % of staff in the target groups."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    external_key = models.CharField(_("external key"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Unverified until Kokeboka's staff (or, later, the register) vouch for it; roles with
    # power over others exist only in verified public-sector organisations.
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_via = models.CharField(
        _("verified via"), max_length=10, choices=VerificationSource.choices, blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(municipality__isnull=False),
                name="accounts_org_one_per_municipality",
            ),
            models.UniqueConstraint(
                fields=["org_number"],
                condition=~Q(org_number=""),
                name="accounts_org_unique_org_number",
            ),
            models.UniqueConstraint(
                fields=["external_key"],
                condition=~Q(external_key=""),
                name="accounts_org_unique_external_key",
            ),
            models.CheckConstraint(
                condition=~Q(type="kommune") | Q(municipality__isnull=False),
                name="accounts_org_kommune_has_municipality",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("accounts:organisation-detail", kwargs={"slug": self.slug})

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def is_public_sector(self) -> bool:
        return self.type in PUBLIC_SECTOR_TYPES

    @property
    def is_pending_claim(self) -> bool:
        """A municipality, county authority or agency registered by someone and not yet
        verified: it has no power until staff verify it."""
        return self.is_public_sector and not self.is_verified


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    ADMIN = "admin", _("Administrator")
    BROKER = "broker", _("Broker")
    FUND_MANAGER = "fund_manager", _("Fund manager")
    REVIEWER = "reviewer", _("Reviewer")


# Roles with power over other people's work: they exist only in verified public-sector
# organisations and are granted by a verified admin of that organisation or by staff.
POWER_ROLES = frozenset(
    {MembershipRole.BROKER, MembershipRole.FUND_MANAGER, MembershipRole.REVIEWER}
)


class Membership(models.Model):
    Role = MembershipRole

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="accounts_membership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.organisation_id} {self.role}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An invitation from an organisation admin. Only the SHA-256 of the token is stored;
    the token itself travels in the email."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class JoinRequest(models.Model):
    Status = JoinRequestStatus

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=JoinRequestStatus.choices,
        default=JoinRequestStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(status="pending"),
                name="accounts_joinrequest_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.organisation_id} ({self.status})"


class ExternalIdentity(models.Model):
    """A login at an OpenID provider (ID-porten, Ansattporten) linked to an account: the
    provider's issuer and its `sub` for our client. Digdir's `sub` is a pairwise pseudonym
    (another service gets another `sub` for the same person), so it identifies the person only
    here; the national identity number (`pid`) is never stored. The issuer is part of the key,
    so one provider's `sub` can never open an account linked at another provider.

    Linked when a provider vouches for the account's email, or when the person confirms the
    link from a session that already proves the account (docs/decisions/0016-ansattporten.md);
    never from an email the provider does not say it has verified."""

    class Provider(models.TextChoices):
        IDPORTEN = "idporten", "ID-porten"
        ANSATTPORTEN = "ansattporten", "Ansattporten"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="external_identities",
    )
    provider = models.CharField(_("provider"), max_length=20, choices=Provider.choices)
    issuer = models.CharField(_("issuer"), max_length=255)
    subject = models.CharField(_("subject (sub)"), max_length=255)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("last login at"), null=True, blank=True)

    class Meta:
        ordering = ["provider", "created_at"]
        verbose_name = _("linked login")
        verbose_name_plural = _("linked logins")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="accounts_external_identity_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_provider_display()} → {self.user_id}"
