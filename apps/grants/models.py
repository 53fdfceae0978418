"""Assessment and follow-up of fund applications: reviewers and their scores, decisions,
payments against milestones, and progress and final reports with outcome indicators.
Applications, calls and criteria live in apps.fund."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core import limits

from .scoring import SCORE_MAX, SCORE_MIN


class AssessmentSettings(models.Model):
    """Per call: whether reviewers may see each other's scores (off until a manager allows)."""

    call = models.OneToOneField(
        "fund.Call",
        verbose_name=_("call"),
        on_delete=models.CASCADE,
        related_name="assessment_settings",
    )
    scores_shared = models.BooleanField(
        _("reviewers see each other's scores"),
        default=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("assessment settings")
        verbose_name_plural = _("assessment settings")

    def __str__(self) -> str:
        return str(self.call)


class ReviewerAssignment(models.Model):
    application = models.ForeignKey(
        "fund.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="reviewer_assignments",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="grant_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    conflict_declared = models.BooleanField(_("conflict of interest declared"), default=False)
    conflict_note = models.TextField(_("conflict of interest"), max_length=limits.TEXT, blank=True)
    conflict_declared_at = models.DateTimeField(_("conflict declared at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        ordering = ["assigned_at", "pk"]
        verbose_name = _("reviewer assignment")
        verbose_name_plural = _("reviewer assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="grants_assignment_unique_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} – {self.application}"

    def get_absolute_url(self) -> str:
        return reverse("grants:review", args=[self.pk])


class Score(models.Model):
    assignment = models.ForeignKey(
        ReviewerAssignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    criterion = models.ForeignKey(
        "fund.Criterion",
        verbose_name=_("criterion"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )
    comment = models.TextField(_("comment"), max_length=limits.TEXT, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["criterion__order", "criterion_id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="grants_score_unique_criterion"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=SCORE_MIN, score__lte=SCORE_MAX),
                name="grants_score_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class Outcome(models.TextChoices):
    GRANTED = "granted", _("Granted")
    REJECTED = "rejected", _("Rejected")


class Decision(models.Model):
    Outcome = Outcome

    application = models.OneToOneField(
        "fund.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="decision",
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    amount = models.PositiveBigIntegerField(_("amount granted (NOK)"), default=0)
    conditions = models.TextField(_("conditions"), max_length=limits.LONG_TEXT, blank=True)
    reasons = models.TextField(_("reasons"), max_length=limits.LONG_TEXT, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [
            # The public list of grants reads the newest granted decisions a page at a time:
            # walked in this order, a page costs its 25 rows instead of sorting every grant.
            models.Index(
                fields=["-decided_at", "-id"],
                condition=Q(outcome="granted"),
                name="grants_decision_granted_new",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="rejected") | Q(amount__gt=0),
                name="grants_decision_granted_has_amount",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_outcome_display()}"

    @property
    def is_granted(self) -> bool:
        return self.outcome == Outcome.GRANTED


class Payment(models.Model):
    application = models.ForeignKey(
        "fund.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="payments",
    )
    milestone = models.ForeignKey(
        "fund.Milestone",
        verbose_name=_("milestone"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="payments",
    )
    amount = models.PositiveBigIntegerField(_("amount (NOK)"))
    due_date = models.DateField(_("due date"))
    project_account = models.CharField(_("project number"), max_length=60)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("paid by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="grants_payment_positive")
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.amount}"

    @property
    def is_paid(self) -> bool:
        return self.paid_at is not None


class ReportKind(models.TextChoices):
    PROGRESS = "progress", _("Progress report")
    FINAL = "final", _("Final report")


class Report(models.Model):
    Kind = ReportKind

    application = models.ForeignKey(
        "fund.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    due_date = models.DateField(_("due date"))
    text = models.TextField(_("report"), max_length=limits.DOCUMENT, blank=True)
    results_summary = models.TextField(
        _("results (public summary)"),
        max_length=limits.TEXT,
        blank=True,
        help_text=_("Shown on the public list of granted projects once the report is approved."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(kind="final"),
                name="grants_report_one_final",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.application}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class OutcomeIndicator(models.Model):
    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("indicator"), max_length=200)
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    value = models.DecimalField(
        _("achieved"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("outcome indicator")
        verbose_name_plural = _("outcome indicators")

    def __str__(self) -> str:
        return self.name


class ReminderSent(models.Model):
    """One row per report and day a reminder went out: the command's idempotency key."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="reminders"
    )
    sent_on = models.DateField(_("sent on"))
    kind = models.CharField(_("kind"), max_length=20)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["sent_on", "pk"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["report", "sent_on"], name="grants_reminder_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.report} {self.sent_on}"
