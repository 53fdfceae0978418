"""The matching index, brokers' feedback on suggestions and entrepreneurs' subscriptions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TermKind(models.TextChoices):
    NEED = "need", _("Need")
    OFFER = "offer", _("Offer")


class MatchTerm(models.Model):
    """One row of the inverted index: a term (see apps.matching.engine for the prefixes) of
    a need or an offer, with its weight and the words as they appear in the text. Kept up
    to date by apps.matching.signals; rebuilt by `manage.py matching_reindex`."""

    kind = models.CharField(_("kind"), max_length=5, choices=TermKind.choices)
    object_id = models.PositiveIntegerField(_("object id"))
    term = models.CharField(_("term"), max_length=100)
    weight = models.FloatField(_("weight"))
    surface = models.CharField(_("as written"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("match term")
        verbose_name_plural = _("match terms")
        indexes = [
            # Candidate pre-selection reads (kind, term) -> object ids and weights only.
            models.Index(
                fields=["kind", "term", "object_id", "weight"], name="matching_term_lookup"
            ),
            models.Index(fields=["object_id", "kind"], name="matching_term_by_object"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.term}"


class Decision(models.TextChoices):
    PINNED = "pinned", _("Pinned")
    DISMISSED = "dismissed", _("Dismissed")


class MatchDecision(models.Model):
    """A broker's verdict on one suggested offer for one need."""

    Decision = Decision

    need = models.ForeignKey(
        "broker.Need",
        verbose_name=_("need"),
        on_delete=models.CASCADE,
        related_name="match_decisions",
    )
    offer = models.ForeignKey(
        "broker.Offer",
        verbose_name=_("offer"),
        on_delete=models.CASCADE,
        related_name="match_decisions",
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now=True)

    class Meta:
        verbose_name = _("match decision")
        verbose_name_plural = _("match decisions")
        constraints = [
            models.UniqueConstraint(fields=["need", "offer"], name="matching_one_decision"),
        ]

    def __str__(self) -> str:
        return f"{self.need_id} / {self.offer_id}: {self.decision}"


class MatchSubscription(models.Model):
    """A member of an entrepreneur organisation wants email about new needs matching an
    offer."""

    offer = models.ForeignKey(
        "broker.Offer",
        verbose_name=_("offer"),
        on_delete=models.CASCADE,
        related_name="match_subscriptions",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="match_subscriptions",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("match subscription")
        verbose_name_plural = _("match subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["offer", "user"], name="matching_one_subscription"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} -> {self.offer_id}"


class MatchNotification(models.Model):
    """One email sent about one need to one subscription, so a need that is re-opened or
    edited is not announced twice."""

    subscription = models.ForeignKey(
        MatchSubscription,
        verbose_name=_("subscription"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    need = models.ForeignKey(
        "broker.Need",
        verbose_name=_("need"),
        on_delete=models.CASCADE,
        related_name="match_notifications",
    )
    score = models.FloatField(_("score"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("match notification")
        verbose_name_plural = _("match notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "need"], name="matching_one_notification"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subscription_id}: {self.need_id}"
