"""Editions of the printed cookbook: one PDF per edition, kept so an old one can be found again."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class EditionStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RENDERING = "rendering", _("Rendering")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class Edition(models.Model):
    number = models.PositiveIntegerField(_("edition number"), unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    edition_date = models.DateField(
        _("edition date"), help_text=_("The thresholds in the appendix are those in force on it.")
    )
    file = models.FileField(_("PDF file"), upload_to="kokeboka/utgaver/", blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    render_seconds = models.FloatField(_("render time (seconds)"), null=True, blank=True)
    recipe_revisions = models.JSONField(
        _("recipe revisions"),
        default=dict,
        blank=True,
        help_text=_(
            "The published revision of each recipe in the edition: {recipe id: revision id}."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EditionStatus.choices,
        default=EditionStatus.QUEUED,
        db_index=True,
    )
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self) -> str:
        return f"{self.number} ({self.edition_date.isoformat()})"

    def get_absolute_url(self) -> str:
        return reverse("printbook:edition-pdf", kwargs={"number": self.number})

    @property
    def filename(self) -> str:
        return f"kokeboka-{self.edition_date.isoformat()}.pdf"
