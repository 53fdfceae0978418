"""Aggregate-only counters for Innsikt. Nothing here can be traced to a person: a row is a
day, a question and an answer, and how many times that answer was given."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RouteGuideTally(models.Model):
    """How often the route guide's answer page was shown for each answer to each question,
    per day (Europe/Oslo). Incremented with an F() update; no visitor data is stored."""

    day = models.DateField(_("day"))
    question = models.CharField(_("question"), max_length=30)
    answer = models.CharField(_("answer"), max_length=40)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        ordering = ["-day", "question", "answer"]
        verbose_name = _("route guide tally")
        verbose_name_plural = _("route guide tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "question", "answer"], name="insights_tally_unique_day_answer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.question}={self.answer}: {self.count}"
