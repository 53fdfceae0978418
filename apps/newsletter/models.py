"""The newsletter: subscribers who confirmed by mail (double opt-in), issues editors compose,
and one delivery row per issue and subscriber (the claim that makes sending resumable)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.limits import TITLE

LANGUAGES = [("nb", _("Norwegian Bokmål")), ("nn", _("Norwegian Nynorsk")), ("en", _("English"))]


class Subscriber(models.Model):
    """One address. Nothing is sent to it but the confirmation mail until `confirmed_at` is set;
    the consent (its wording, when, from which address and browser) is kept for the data
    export and as proof of consent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_subscriptions",
    )
    # Sector codes from apps.core.vocabulary; empty means every topic.
    topics = models.JSONField(_("topics"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGES, default="nb")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent at"), null=True, blank=True)
    consent_text = models.TextField(_("consent given"), blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_ip = models.CharField(_("consent given from address"), max_length=64, blank=True)
    consent_user_agent = models.CharField(
        _("consent given from browser"), max_length=200, blank=True
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.CONFIRMED

    def wants(self, topics: list[str]) -> bool:
        """An item tagged with no topic is for everyone; a subscriber with no topics wants all."""
        return not topics or not self.topics or bool(set(topics) & set(self.topics))


class Issue(models.Model):
    """One newsletter issue. Its items (title, url, summary, kind, topics) are prefilled from
    what was published since the last sent issue and then edited; the subject and intro have
    a version per language, the Bokmål one being the fallback."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    title = models.CharField(_("internal title"), max_length=TITLE)
    subject_nb = models.CharField(_("subject (Bokmål)"), max_length=200)
    intro_nb = models.TextField(_("introduction (Bokmål)"), max_length=4000, blank=True)
    subject_nn = models.CharField(_("subject (Nynorsk)"), max_length=200, blank=True)
    intro_nn = models.TextField(_("introduction (Nynorsk)"), max_length=4000, blank=True)
    subject_en = models.CharField(_("subject (English)"), max_length=200, blank=True)
    intro_en = models.TextField(_("introduction (English)"), max_length=4000, blank=True)
    items = models.JSONField(_("items"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    scheduled_at = models.DateTimeField(_("send at"), null=True, blank=True)
    started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def __str__(self) -> str:
        return self.title

    def version(self, language: str) -> tuple[str, str, str]:
        """(language, subject, intro) in `language` where that version exists, else Bokmål."""
        subject = getattr(self, f"subject_{language}", "") if language in ("nn", "en") else ""
        if subject:
            return language, subject, getattr(self, f"intro_{language}", "")
        return "nb", self.subject_nb, self.intro_nb


class Delivery(models.Model):
    """One issue to one subscriber. A worker claims the row (PENDING -> SENDING) in the
    database before it talks to the mail server and marks it SENT after; a row found SENDING
    after a crash may have left, so it is marked INTERRUPTED and never sent again by itself."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        RETRY = "retry", _("Will be retried")
        FAILED = "failed", _("Failed")
        INTERRUPTED = "interrupted", _("Interrupted (may have been delivered)")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_delivery_once")
        ]
        indexes = [models.Index(fields=["issue", "status"], name="newsletter_delivery_status")]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}: {self.status}"
