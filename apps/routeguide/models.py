"""Feedback on the route guide's answers, read by editors in the Wagtail admin."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .vocabulary import Regime


class RouteGuideFeedback(models.Model):
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    query_string = models.CharField(
        _("answers given"),
        max_length=1000,
        help_text=_("The query string of the answer page, which reproduces the answer."),
    )
    # A code of vocabulary.Regime; no choices here, so a new label needs no migration.
    regime = models.CharField(_("regime"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("route guide feedback")
        verbose_name_plural = _("route guide feedback")

    def __str__(self) -> str:
        answer = _("helpful") if self.helpful else _("not helpful")
        return f"{timezone.localtime(self.created_at):%Y-%m-%d %H:%M} – {answer}"

    @property
    def regime_label(self) -> str:
        return Regime(self.regime).label if self.regime in Regime.values else self.regime

    @property
    def answer_url(self) -> str:
        return f"{reverse('routeguide:answer')}?{self.query_string}"
