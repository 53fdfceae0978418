"""Introductions made by a broker and the collaborations they start, followed through their
stages with a log, the recipes and route-guide answers used, and the outcome."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.cases.models import CollaborationForm
from apps.core import limits

from .stages import Stage


class CollaborationQuerySet(models.QuerySet):
    def for_organisations(self, org_ids) -> CollaborationQuerySet:
        """Collaborations where one of the organisations is a party."""
        return self.filter(
            models.Q(municipality_org_id__in=org_ids) | models.Q(entrepreneur_org_id__in=org_ids)
        )

    def for_board(self) -> CollaborationQuerySet:
        return self.select_related(
            "municipality_org__municipality",
            "entrepreneur_org__municipality",
            "need",
            "offer",
        )


class OutcomeKind(models.TextChoices):
    """How a collaboration ended, given when it is ended."""

    AGREEMENT = "avtale", _("Agreement or continued operation")
    NOT_CONTINUED = "ikke_videre", _("Not taken further")
    OTHER = "annet", _("Other")


class Collaboration(models.Model):
    Stage = Stage
    OutcomeKind = OutcomeKind

    need = models.ForeignKey(
        "broker.Need",
        verbose_name=_("need"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collaborations",
    )
    offer = models.ForeignKey(
        "broker.Offer",
        verbose_name=_("offer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collaborations",
    )
    municipality_org = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="municipality_collaborations",
    )
    entrepreneur_org = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("social entrepreneur"),
        on_delete=models.PROTECT,
        related_name="entrepreneur_collaborations",
    )
    title = models.CharField(_("title"), max_length=200)
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.DIALOG, db_index=True
    )
    stage_changed_at = models.DateTimeField(_("in this stage since"), default=timezone.now)
    summary = models.TextField(
        _("summary"),
        max_length=limits.SUMMARY,
        blank=True,
        help_text=_("One to three sentences on what the parties do together."),
    )
    outcome = models.TextField(_("outcome"), max_length=limits.LONG_TEXT, blank=True)
    lessons = models.TextField(_("lessons learned"), max_length=limits.LONG_TEXT, blank=True)
    outcome_kind = models.CharField(
        _("how it ended"), max_length=20, choices=OutcomeKind.choices, blank=True
    )
    # The entrepreneur's consent to publishing the collaboration as an example: who gave it,
    # when, and for which version of the texts (an edit afterwards needs a new consent).
    example_consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("example consent given by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    example_consent_at = models.DateTimeField(_("example consent given at"), null=True, blank=True)
    example_consent_version = models.PositiveIntegerField(
        _("version consented to"), null=True, blank=True
    )
    collaboration_form = models.CharField(
        _("form of collaboration"),
        max_length=30,
        choices=CollaborationForm.choices,
        blank=True,
    )
    sectors = models.ManyToManyField(
        "core.Sector", verbose_name=_("sectors"), blank=True, related_name="collaborations"
    )
    target_groups = models.ManyToManyField(
        "core.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="collaborations",
    )
    recipes = models.ManyToManyField(
        "cookbook.RecipePage",
        verbose_name=_("recipes used"),
        blank=True,
        related_name="collaborations",
    )
    # [{"query": canonical route-guide query, "regime": code, "added_by": user id,
    #   "added_at": ISO time}]: the query is the answer (one situation, one URL).
    routeguide_answers = models.JSONField(_("route-guide answers used"), default=list, blank=True)
    case = models.ForeignKey(
        "cases.CasePage",
        verbose_name=_("published example"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collaborations",
    )
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

    objects = CollaborationQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("collaborations:detail", kwargs={"pk": self.pk})

    @property
    def time_in_stage(self):
        return timezone.now() - self.stage_changed_at

    @property
    def days_in_stage(self) -> int:
        return max(self.time_in_stage.days, 0)


class Introduction(models.Model):
    need = models.ForeignKey(
        "broker.Need",
        verbose_name=_("need"),
        on_delete=models.CASCADE,
        related_name="introductions",
    )
    offer = models.ForeignKey(
        "broker.Offer",
        verbose_name=_("offer"),
        on_delete=models.CASCADE,
        related_name="introductions",
    )
    collaboration = models.OneToOneField(
        Collaboration,
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        related_name="introduction",
    )
    introduced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("introduced by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"), max_length=limits.TEXT)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            models.UniqueConstraint(
                fields=["need", "offer"], name="collaborations_one_introduction_per_match"
            )
        ]

    def __str__(self) -> str:
        return f"{self.need_id} ↔ {self.offer_id}"


class StageChange(models.Model):
    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        related_name="stage_changes",
    )
    from_stage = models.CharField(_("from stage"), max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to stage"), max_length=20, choices=Stage.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    note = models.TextField(_("note"), max_length=limits.TEXT, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self) -> str:
        return f"{self.from_stage} → {self.to_stage}"


class LogKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    NOTE = "note", _("Note")
    OUTCOME = "outcome", _("Outcome")
    ENDED = "ended", _("Ended")
    REOPENED = "reopened", _("Reopened")


class LogEntry(models.Model):
    Kind = LogKind

    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        related_name="log_entries",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=LogKind.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("text"), max_length=limits.LONG_TEXT)
    # An outcome may carry a figure ("12 participants"); it becomes an indicator when the
    # collaboration is published as an example.
    value = models.DecimalField(_("figure"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"
