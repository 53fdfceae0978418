"""The innovation fund: funds, calls and applications (assessment lives in apps.grants)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.privatefiles import private_storage, random_name

# First path segments under /fond/ that belong to pages, not to funds (apps.grants uses most).
RESERVED_FUND_SLUGS = frozenset(
    {"soknader", "forvaltning", "vurdering", "prosjekter", "tildelinger", "statistikk"}
)


class Fund(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="funds",
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("fund")
        verbose_name_plural = _("funds")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("fund:fund-detail", kwargs={"fund": self.slug})

    def clean(self) -> None:
        if self.slug in RESERVED_FUND_SLUGS:
            raise ValidationError({"slug": _("This address is reserved. Choose another.")})


class EligibleApplicant(models.TextChoices):
    OWN_SERVICES = "own_services", _("The organisation's own services")
    SOCIAL_ENTREPRENEURS = "social_entrepreneurs", _("Social entrepreneurs")
    RESEARCH = "research", _("Research institutions")


class PartnerRequirement(models.TextChoices):
    NONE = "none", _("No partner requirement")
    MUNICIPAL_AND_ENTREPRENEUR = (
        "municipal_and_entrepreneur",
        _("A municipal service and a social entrepreneur together"),
    )


class CallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def open_at(self, now):
        """Published, opened, and not yet closed (a deadline's whole minute counts)."""
        last_minute = now.replace(second=0, microsecond=0)
        return self.filter(published=True, opens_at__lte=now).filter(
            Q(deadline__isnull=True) | Q(deadline__gte=last_minute)
        )


class Call(models.Model):
    EligibleApplicant = EligibleApplicant
    PartnerRequirement = PartnerRequirement

    fund = models.ForeignKey(
        Fund, verbose_name=_("fund"), on_delete=models.CASCADE, related_name="calls"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120)
    text = models.TextField(_("text"), blank=True)
    eligible_applicants = models.JSONField(_("who may apply"), default=list, blank=True)
    partner_requirement = models.CharField(
        _("partner requirement"),
        max_length=40,
        choices=PartnerRequirement.choices,
        default=PartnerRequirement.NONE,
    )
    budget = models.PositiveBigIntegerField(_("budget (NOK)"), default=0)
    min_amount = models.PositiveBigIntegerField(_("minimum amount (NOK)"), default=0)
    max_amount = models.PositiveBigIntegerField(_("maximum amount (NOK)"), default=0)
    cofunding_percent = models.PositiveSmallIntegerField(
        _("co-funding required (per cent)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    opens_at = models.DateTimeField(_("opens at"))
    deadline = models.DateTimeField(
        _("deadline"), null=True, blank=True, help_text=_("Empty for a rolling call.")
    )
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at", "title"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.UniqueConstraint(fields=["fund", "slug"], name="fund_call_unique_slug"),
            models.CheckConstraint(
                condition=Q(cofunding_percent__lte=100), name="fund_call_cofunding_le_100"
            ),
            models.CheckConstraint(
                condition=Q(max_amount=0) | Q(max_amount__gte=models.F("min_amount")),
                name="fund_call_max_ge_min",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("fund:call-detail", kwargs={"fund": self.fund.slug, "call": self.slug})

    @property
    def is_rolling(self) -> bool:
        return self.deadline is None

    @property
    def closes_at(self):
        """The first moment the call is closed. Deadlines are given to the minute in
        Norwegian time and the whole minute counts: «31.03.2027 23:59» accepts a
        submission at 23:59:59 and refuses it at 00:00."""
        if self.deadline is None:
            return None
        return self.deadline.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)

    def is_open(self, now=None) -> bool:
        """Published, opened, and not yet closed (see closes_at)."""
        now = now or timezone.now()
        if not self.published or self.opens_at > now:
            return False
        return not self.is_closed(now)

    def is_closed(self, now=None) -> bool:
        now = now or timezone.now()
        return self.closes_at is not None and now >= self.closes_at


class Criterion(models.Model):
    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=1), name="fund_criterion_weight_pos")
        ]

    def __str__(self) -> str:
        return self.name


class RequiredAnswer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    ANY = "", _("Any answer")


class EligibilityQuestion(models.Model):
    RequiredAnswer = RequiredAnswer

    call = models.ForeignKey(
        Call,
        verbose_name=_("call"),
        on_delete=models.CASCADE,
        related_name="eligibility_questions",
    )
    text = models.CharField(_("question"), max_length=400)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    required_answer = models.CharField(
        _("required answer"), max_length=3, choices=RequiredAnswer.choices, blank=True, default=""
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("eligibility question")
        verbose_name_plural = _("eligibility questions")

    def __str__(self) -> str:
        return self.text


class RequiredAttachment(models.Model):
    call = models.ForeignKey(
        Call,
        verbose_name=_("call"),
        on_delete=models.CASCADE,
        related_name="required_attachments",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("required attachment")
        verbose_name_plural = _("required attachments")

    def __str__(self) -> str:
        return self.name


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Not eligible")
    IN_REVIEW = "in_review", _("In review")
    GRANTED = "granted", _("Granted")
    REJECTED = "rejected", _("Rejected")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Application(models.Model):
    Status = ApplicationStatus

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("applicant organisation"),
        on_delete=models.PROTECT,
        related_name="fund_applications",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="fund_applications_created",
    )
    title = models.CharField(_("project title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("project description"), blank=True)
    need_text = models.TextField(_("need addressed"), blank=True)
    need = models.ForeignKey(
        "broker.Need",
        verbose_name=_("need in the broker service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fund_applications",
    )
    collaboration = models.ForeignKey(
        "collaborations.Collaboration",
        verbose_name=_("collaboration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fund_applications",
    )
    sector = models.ForeignKey(
        "core.Sector",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fund_applications",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
        db_index=True,
    )
    amount_requested = models.PositiveBigIntegerField(_("amount requested (NOK)"), default=0)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    # What the applicant typed that did not pass its checks, exactly as typed, so that
    # leaving the page never loses it: {"fields": {name: text}, "partners": [row, ...],
    # "budget": [...], "milestones": [...]} (rows as dicts of the row's inputs). Written by
    # every save of the form (a field that has become valid leaves it); the form shows it
    # again, marked with its messages. Not part of the application until corrected.
    draft_input = models.JSONField(_("unsaved input"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("fund:application-edit", kwargs={"pk": self.pk})

    @property
    def is_draft(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    @property
    def reference(self) -> str:
        """The case reference quoted on every page, mail and PDF: the year the application
        was created (Oslo time) and its number, zero-padded, e.g. 2026-0007. Both parts never
        change, so the reference is stable without a stored field; the number runs across
        years (it is the row's id), which keeps it unique."""
        created = self.created_at or timezone.now()
        return f"{timezone.localtime(created).year}-{self.pk or 0:04d}"


class ApplicationPartner(models.Model):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="partners",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fund_partnerships",
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role in the project"), max_length=200, blank=True)
    org_number = models.CharField(_("organisation number"), max_length=9, blank=True)
    kind = models.CharField(
        _("kind of partner"),
        max_length=30,
        blank=True,
        choices=[
            ("municipal", _("Municipal service")),
            ("social_entrepreneur", _("Social entrepreneur")),
            ("research", _("Research institution")),
            ("other", _("Other")),
        ],
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


class CostType(models.TextChoices):
    PERSONNEL = "personnel", _("Personnel")
    EQUIPMENT = "equipment", _("Equipment")
    SERVICES = "services", _("Purchased services")
    TRAVEL = "travel", _("Travel")
    OTHER = "other", _("Other")


class FundingSource(models.TextChoices):
    FUND = "fund", _("Applied for from the fund")
    COFUNDING = "cofunding", _("Co-funding")


class BudgetLine(models.Model):
    CostType = CostType
    Source = FundingSource

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="budget_lines",
    )
    cost_type = models.CharField(_("cost type"), max_length=20, choices=CostType.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.PositiveBigIntegerField(_("amount (NOK)"))
    source = models.CharField(
        _("source"), max_length=10, choices=FundingSource.choices, default=FundingSource.FUND
    )

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self) -> str:
        return f"{self.year} {self.cost_type} {self.amount}"


class Milestone(models.Model):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_date = models.DateField(_("due date"))
    amount = models.PositiveBigIntegerField(_("payment (NOK)"), default=0)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


def attachment_path(instance, filename: str) -> str:
    """A random name in the private storage: the uploaded name says nothing about where the
    file is, and neither the application nor the upload time can be read from the path."""
    return random_name("fund/attachments", ".pdf")


class Attachment(models.Model):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    required = models.ForeignKey(
        RequiredAttachment,
        verbose_name=_("required attachment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attachments",
    )
    # Applicants' documents: private storage, never a MEDIA_URL; see attachment_download.
    file = models.FileField(
        _("file"), upload_to=attachment_path, storage=private_storage, max_length=300
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class EligibilityAnswer(models.Model):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="eligibility_answers",
    )
    question = models.ForeignKey(
        EligibilityQuestion,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    answer = models.CharField(
        _("answer"),
        max_length=3,
        choices=[("yes", _("Yes")), ("no", _("No"))],
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("eligibility answer")
        verbose_name_plural = _("eligibility answers")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="fund_answer_unique_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.answer}"


class StatusChange(models.Model):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(
        _("from status"), max_length=20, choices=ApplicationStatus.choices
    )
    to_status = models.CharField(_("to status"), max_length=20, choices=ApplicationStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"
