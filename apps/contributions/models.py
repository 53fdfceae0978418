"""Contributions from members: tips, "we tried this" reports and suggested changes on
recipes, comments on blog posts, reports of unwanted content, follows and notifications."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core import limits


class Status(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden")


class ContributionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def pending(self):
        return self.filter(status=Status.PENDING)


class Contribution(models.Model):
    """Fields shared by every moderated contribution."""

    Status = Status

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class Tip(Contribution):
    """A "Godt råd" on a recipe."""

    recipe = models.ForeignKey(
        "cookbook.RecipePage",
        verbose_name=_("recipe"),
        on_delete=models.CASCADE,
        related_name="tips",
    )
    text = models.TextField(_("tip"), max_length=2000)
    # Who said it, when the tip came from elsewhere (e.g. input at a dialogue meeting).
    credited_to = models.CharField(_("credited to"), max_length=200, blank=True)

    class Meta(Contribution.Meta):
        verbose_name = _("tip")
        verbose_name_plural = _("tips")

    def __str__(self) -> str:
        return self.text[:60]


class TipUseful(models.Model):
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="useful_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tip", "user"], name="contributions_tipuseful_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.tip_id}"


class Outcome(models.TextChoices):
    WORKED = "worked", _("It worked")
    PARTLY = "partly", _("It partly worked")
    DID_NOT_WORK = "did_not_work", _("It did not work")


class TriedReport(Contribution):
    """ "Vi har prøvd dette": a municipality reports having tried a recipe."""

    Outcome = Outcome

    recipe = models.ForeignKey(
        "cookbook.RecipePage",
        verbose_name=_("recipe"),
        on_delete=models.CASCADE,
        related_name="tried_reports",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    what_we_would_do_differently = models.TextField(
        _("what we would do differently"), max_length=3000, blank=True
    )
    example = models.ForeignKey(
        "cases.CasePage",
        verbose_name=_("example"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(Contribution.Meta):
        verbose_name = _("tried report")
        verbose_name_plural = _("tried reports")

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.year}"


class Comment(Contribution):
    post = models.ForeignKey(
        "blog.BlogPostPage",
        verbose_name=_("blog post"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    text = models.TextField(_("comment"), max_length=3000)

    class Meta(Contribution.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class SuggestionField(models.TextChoices):
    SUMMARY = "summary", _("Summary")
    SITUATION = "situation", _("When it fits")
    STEP = "step", _("A step")


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an editor")
    IN_REVIEW = "in_review", _("In review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class SuggestedChange(models.Model):
    Field = SuggestionField
    Status = SuggestionStatus

    recipe = models.ForeignKey(
        "cookbook.RecipePage",
        verbose_name=_("recipe"),
        on_delete=models.CASCADE,
        related_name="suggested_changes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    field = models.CharField(
        _("part of the recipe"), max_length=20, choices=SuggestionField.choices
    )
    step_number = models.PositiveSmallIntegerField(_("step number"), null=True, blank=True)
    text = models.TextField(_("suggested text"), max_length=5000)
    reason = models.TextField(_("reason"), max_length=2000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.PENDING,
        db_index=True,
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editor_comment = models.TextField(_("editor's comment"), max_length=limits.TEXT, blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("draft revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("suggested change")
        verbose_name_plural = _("suggested changes")

    def __str__(self) -> str:
        return f"{self.get_field_display()}: {self.text[:50]}"


class Report(models.Model):
    """Anyone may report a contribution as unwanted; moderators resolve it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    resolved = models.BooleanField(_("resolved"), default=False, db_index=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"


class ContributorStanding(models.Model):
    """Trust for a person's contributions: trusted members publish directly, blocked
    people cannot contribute."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contributor_standing"
    )
    trusted = models.BooleanField(_("trusted"), default=False)
    blocked = models.BooleanField(_("blocked"), default=False)
    blocked_reason = models.TextField(_("reason for blocking"), max_length=limits.TEXT, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contributor standing")
        verbose_name_plural = _("contributor standings")

    def __str__(self) -> str:
        return str(self.user_id)


class Follow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recipe = models.ForeignKey(
        "cookbook.RecipePage", on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "recipe"], name="contributions_follow_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.recipe_id}"


class TopicFollow(models.Model):
    """A person follows a topic (a sector tag on recipes): new versions of and new tips on
    every recipe tagged with it come in their summary email."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sector = models.ForeignKey("core.Sector", on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "sector"], name="contributions_topicfollow_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → sector {self.sector_id}"


class DigestFrequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    NEVER = "never", _("Never")


class NotificationPreference(models.Model):
    Frequency = DigestFrequency

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    frequency = models.CharField(
        _("digest"), max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.DAILY
    )

    def __str__(self) -> str:
        return f"{self.user_id}: {self.frequency}"


class NotificationKind(models.TextChoices):
    NEW_VERSION = "new_version", _("New version")
    NEW_TIP = "new_tip", _("New tip")


class Notification(models.Model):
    """Something to tell a person in the next digest; sent_at is set when it went out."""

    Kind = NotificationKind

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    recipe = models.ForeignKey("cookbook.RecipePage", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.recipe_id} → {self.user_id}"
