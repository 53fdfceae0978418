"""The broker service: municipal needs (described as needs, not solutions), social
entrepreneurs' profiles and their offers."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import limits

NEED_LIFETIME_DAYS = 180
PROFILE_LIFETIME_DAYS = 365
EXPIRES_SOON_DAYS = 30


def need_default_expiry() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=NEED_LIFETIME_DAYS)


class NeedStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    IN_DIALOGUE = "in_dialogue", _("In dialogue")
    CLOSED = "closed", _("Closed")


class NeedVisibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members of verified organisations")


PUBLISHED_NEED_STATUSES = (NeedStatus.OPEN, NeedStatus.IN_DIALOGUE)


class NeedQuerySet(models.QuerySet):
    def not_expired(self, today: datetime.date | None = None) -> NeedQuerySet:
        return self.filter(expires_at__gte=today or timezone.localdate())

    def published(self, today: datetime.date | None = None) -> NeedQuerySet:
        """Open or in dialogue and not expired, whatever the visibility."""
        return self.filter(status__in=PUBLISHED_NEED_STATUSES).not_expired(today)

    def public(self, today: datetime.date | None = None) -> NeedQuerySet:
        """What anyone may see: open or in dialogue, public visibility, not expired."""
        return self.published(today).filter(visibility=NeedVisibility.PUBLIC)


class Need(models.Model):
    Status = NeedStatus
    Visibility = NeedVisibility

    key = models.CharField(_("import key"), max_length=100, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("the need"), max_length=limits.LONG_TEXT)
    affected = models.TextField(_("who is affected"), max_length=limits.TEXT, blank=True)
    tried = models.TextField(_("what has been tried"), max_length=limits.TEXT, blank=True)
    outcome = models.TextField(_("outcome wanted"), max_length=limits.TEXT, blank=True)
    sectors = models.ManyToManyField(
        "core.Sector", verbose_name=_("sectors"), blank=True, related_name="needs"
    )
    target_groups = models.ManyToManyField(
        "core.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="needs"
    )
    no_clear_owner = models.BooleanField(
        _("no clear owner"),
        default=False,
        help_text=_("No single service owns this need; it falls between sectors."),
    )
    budget_min = models.PositiveIntegerField(
        _("budget from (NOK excl. VAT)"), null=True, blank=True
    )
    budget_max = models.PositiveIntegerField(_("budget to (NOK excl. VAT)"), null=True, blank=True)
    timeframe = models.CharField(_("timeframe"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.DRAFT
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=NeedVisibility.choices,
        default=NeedVisibility.PUBLIC,
    )
    expires_at = models.DateField(_("expires"), default=need_default_expiry)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    objects = NeedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=~Q(key=""), name="broker_need_unique_key"
            ),
            models.CheckConstraint(
                condition=Q(budget_min__isnull=True)
                | Q(budget_max__isnull=True)
                | Q(budget_min__lte=models.F("budget_max")),
                name="broker_need_budget_range",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "visibility", "expires_at"]),
            # The needs list's order, so its newest page can be read from an index instead
            # of sorting every need (issue 13: 20,000 needs nationally).
            models.Index(fields=["-created_at", "-id"], name="broker_need_newest"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("broker:need-detail", kwargs={"pk": self.pk})

    @property
    def is_cross_sector(self) -> bool:
        """Two or more sectors. Uses the prefetch cache when there is one."""
        return len(self.sectors.all()) >= 2

    @property
    def is_expired(self) -> bool:
        return self.expires_at < timezone.localdate()

    @property
    def expires_soon(self) -> bool:
        today = timezone.localdate()
        return today <= self.expires_at <= today + datetime.timedelta(days=EXPIRES_SOON_DAYS)

    @property
    def is_public(self) -> bool:
        return (
            self.status in PUBLISHED_NEED_STATUSES
            and self.visibility == NeedVisibility.PUBLIC
            and not self.is_expired
        )


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class EntrepreneurProfileQuerySet(models.QuerySet):
    def public(self, today: datetime.date | None = None) -> EntrepreneurProfileQuerySet:
        today = today or timezone.localdate()
        return self.filter(review_status=ReviewStatus.APPROVED).filter(
            Q(renewal_due__isnull=True) | Q(renewal_due__gte=today)
        )


class EntrepreneurProfile(models.Model):
    ReviewStatus = ReviewStatus

    organisation = models.OneToOneField(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="entrepreneur_profile",
    )
    summary = models.TextField(_("summary"), max_length=limits.SUMMARY)
    evidence = models.TextField(_("evidence and results"), max_length=limits.LONG_TEXT, blank=True)
    area_national = models.BooleanField(_("serves the whole country"), default=False)
    areas = models.ManyToManyField(
        "core.Municipality",
        verbose_name=_("municipalities served"),
        blank=True,
        related_name="entrepreneur_profiles",
    )
    examples = models.ManyToManyField(
        "cases.CasePage",
        verbose_name=_("examples"),
        blank=True,
        related_name="entrepreneur_profiles",
    )
    review_status = models.CharField(
        _("review status"),
        max_length=10,
        choices=ReviewStatus.choices,
        default=ReviewStatus.PENDING,
    )
    review_note = models.TextField(_("review note"), max_length=limits.TEXT, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    renewal_due = models.DateField(_("renewal due"), null=True, blank=True)
    # An edit of an approved profile waits here while the approved fields stay public and
    # in matching: {"summary", "evidence", "area_national", "areas": [pk], "examples": [pk]}.
    pending_changes = models.JSONField(_("changes waiting for review"), default=dict, blank=True)
    # True while the profile or any of its offers has changes waiting (the review queue's
    # filter); cleared when a broker applies them.
    changes_pending = models.BooleanField(_("changes waiting"), default=False)
    changes_submitted_at = models.DateTimeField(_("changes submitted at"), null=True, blank=True)
    # A broker's comment when the changes are returned; empty while they wait for review.
    changes_returned_note = models.TextField(
        _("comment on returned changes"), max_length=limits.TEXT, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EntrepreneurProfileQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("entrepreneur profile")
        verbose_name_plural = _("entrepreneur profiles")

    def __str__(self) -> str:
        return str(self.organisation)

    def get_absolute_url(self) -> str:
        return reverse("broker:entrepreneur-detail", kwargs={"slug": self.organisation.slug})

    @property
    def is_public(self) -> bool:
        return self.review_status == ReviewStatus.APPROVED and (
            self.renewal_due is None or self.renewal_due >= timezone.localdate()
        )

    @property
    def renewal_soon(self) -> bool:
        if self.renewal_due is None:
            return False
        return self.renewal_due <= timezone.localdate() + datetime.timedelta(days=EXPIRES_SOON_DAYS)


class Maturity(models.TextChoices):
    IDEA = "idea", _("Idea")
    STARTUP = "startup", _("Start-up")
    TESTED = "tested", _("Tested")
    ESTABLISHED = "established", _("Established")
    SCALED = "scaled", _("Scaled")


class OfferQuerySet(models.QuerySet):
    def public(self, today: datetime.date | None = None) -> OfferQuerySet:
        today = today or timezone.localdate()
        return self.filter(
            active=True,
            profile__review_status=ReviewStatus.APPROVED,
        ).filter(Q(profile__renewal_due__isnull=True) | Q(profile__renewal_due__gte=today))


class Offer(models.Model):
    Maturity = Maturity

    key = models.CharField(_("import key"), max_length=100, blank=True)
    profile = models.ForeignKey(
        EntrepreneurProfile,
        verbose_name=_("profile"),
        on_delete=models.CASCADE,
        related_name="offers",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=limits.LONG_TEXT)
    sectors = models.ManyToManyField(
        "core.Sector", verbose_name=_("sectors"), blank=True, related_name="offers"
    )
    target_groups = models.ManyToManyField(
        "core.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="offers"
    )
    maturity = models.CharField(
        _("maturity"), max_length=20, choices=Maturity.choices, default=Maturity.IDEA
    )
    area_national = models.BooleanField(_("offered in the whole country"), default=False)
    areas = models.ManyToManyField(
        "core.Municipality",
        verbose_name=_("municipalities"),
        blank=True,
        related_name="offers",
    )
    active = models.BooleanField(_("active"), default=True)
    # An edit of an offer of an approved profile waits here; the fields above (what is
    # public and matched) stay as approved: {"title", "description", "maturity",
    # "area_national", "active", "sectors": [pk], "target_groups": [pk], "areas": [pk]}.
    pending_changes = models.JSONField(_("changes waiting for review"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=~Q(key=""), name="broker_offer_unique_key"
            ),
        ]
        # The offers list's order (15,000 offers nationally), read from the index.
        indexes = [models.Index(fields=["title", "id"], name="broker_offer_title")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("broker:offer-detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.active and self.profile.is_public
