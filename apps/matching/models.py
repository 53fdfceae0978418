"""The matching index, brokers' feedback on suggestions, entrepreneurs' subscriptions and
open invitations to express interest in a need."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import limits


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


class MatchTermCount(models.Model):
    """How many index rows (needs or offers) carry one term: the document frequency the
    rarity (idf) of a query's terms is computed from, and what picks the rarest terms for
    candidate pre-selection. Counting the index rows at every ranking read tens of thousands
    of rows per page at national volume (issue 13); this table answers the same number with
    one row per term.

    Freshness: it moves with the index, in the same transaction. apps.matching.services
    adds the rows it writes and subtracts the rows it deletes (the deleted terms are read
    back from the DELETE itself), so at every commit ``documents`` equals the number of
    MatchTerm rows of (kind, term). `manage.py matching_reindex` recounts it from the index.
    A term no row carries any more keeps a 0 (the same as no row)."""

    kind = models.CharField(_("kind"), max_length=5, choices=TermKind.choices)
    term = models.CharField(_("term"), max_length=100)
    documents = models.IntegerField(_("documents"), default=0)

    class Meta:
        verbose_name = _("term count")
        verbose_name_plural = _("term counts")
        constraints = [
            models.UniqueConstraint(fields=["kind", "term"], name="matching_one_term_count"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.term}: {self.documents}"


class MatchEmbedding(models.Model):
    """The sentence vectors of a need or an offer (apps.matching.embeddings), beside its
    index rows: the sentences as written, and their unit vectors as float16 bytes (a plain
    binary field, so SQLite and PostgreSQL store it alike; no vector extension is needed,
    because the engine compares only the few candidates the term index picked). Written
    with the index rows by apps.matching.services."""

    kind = models.CharField(_("kind"), max_length=5, choices=TermKind.choices)
    object_id = models.PositiveIntegerField(_("object id"))
    model = models.CharField(_("model"), max_length=40)
    sentences = models.JSONField(_("sentences"), default=list)
    vectors = models.BinaryField(_("vectors"))

    class Meta:
        verbose_name = _("match embedding")
        verbose_name_plural = _("match embeddings")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="matching_one_embedding"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} ({len(self.sentences)} sentences)"


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


class OpenInvitation(models.Model):
    """A broker's open call to every entrepreneur whose approved offer matches a need at
    least ``min_score``: each may say whether they are interested before ``deadline``.
    Beside the 1:1 introduction, so that no entrepreneur who fits is left out (equal
    treatment). Who was invited is a snapshot taken when the broker confirmed
    (InvitationRecipient), not recomputed later."""

    need = models.ForeignKey(
        "broker.Need",
        verbose_name=_("need"),
        on_delete=models.CASCADE,
        related_name="open_invitations",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    min_score = models.PositiveSmallIntegerField(_("lowest score"))
    deadline = models.DateField(_("answer by"))
    message = models.TextField(_("message"), max_length=limits.TEXT)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("open invitation")
        verbose_name_plural = _("open invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.need_id} ≥ {self.min_score} until {self.deadline}"

    def get_absolute_url(self) -> str:
        return reverse("matching:invitation-responses", args=[self.pk])

    def is_open(self, today: datetime.date | None = None) -> bool:
        """Answers are taken until the end of the deadline day, unless closed earlier."""
        today = today or timezone.localdate()
        return self.closed_at is None and today <= self.deadline


class InvitationRecipient(models.Model):
    """One entrepreneur organisation invited, with its best matching offer and the score it
    had when the invitation was sent."""

    invitation = models.ForeignKey(
        OpenInvitation,
        verbose_name=_("open invitation"),
        on_delete=models.CASCADE,
        related_name="recipients",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="open_invitations_received",
    )
    offer = models.ForeignKey(
        "broker.Offer",
        verbose_name=_("offer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    score = models.FloatField(_("score when invited"))
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invited entrepreneur")
        verbose_name_plural = _("invited entrepreneurs")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "organisation"], name="matching_invited_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invitation_id}: {self.organisation_id}"

    def get_absolute_url(self) -> str:
        return reverse("matching:invitation-answer", args=[self.pk])


class InterestResponse(models.Model):
    """An invited entrepreneur's answer; it may be changed until the deadline."""

    recipient = models.OneToOneField(
        InvitationRecipient,
        verbose_name=_("invited entrepreneur"),
        on_delete=models.CASCADE,
        related_name="response",
    )
    interested = models.BooleanField(_("interested"))
    comment = models.TextField(_("comment"), max_length=limits.TEXT, blank=True)
    responded_at = models.DateTimeField(_("answered at"), auto_now=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("answer to an open invitation")
        verbose_name_plural = _("answers to open invitations")

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.interested}"
