"""Law as data: every rule and threshold is a dated row with its citation and source."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import RevisionMixin
from wagtail.search import index

from apps.core.models import in_language

# An open-ended threshold row older than this may have been replaced (EEA thresholds are
# adjusted every second year).
STALE_AFTER_YEARS = 2


def years_before(on: datetime.date, years: int) -> datetime.date:
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February
        return on.replace(year=on.year - years, day=28)


class InForceQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date) -> "InForceQuerySet":
        """Rows whose validity covers the date. Pending rows (no valid_from) never are."""
        return self.filter(valid_from__isnull=False, valid_from__lte=on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )

    def pending(self) -> "InForceQuerySet":
        return self.filter(pending=True)

    def verified(self) -> "InForceQuerySet":
        return self.filter(verified=True)


class DatedSourcedRow(models.Model):
    citation = models.CharField(
        _("citation"), max_length=200, help_text=_("For example «FOA § 8-8» or «LOA § 2».")
    )
    source_url = models.URLField(
        _("source URL"),
        max_length=500,
        blank=True,
        help_text=_(
            "Link to the official text (e.g. the section on Lovdata) or to the page the value "
            "was taken from. Readers follow this link to check the rule themselves."
        ),
    )
    valid_from = models.DateField(
        _("valid from"),
        null=True,
        blank=True,
        help_text=_("Empty for a proposed rule not yet in force."),
    )
    valid_to = models.DateField(
        _("valid to"),
        null=True,
        blank=True,
        help_text=_("Last day in force. Leave empty while the row is still in force."),
    )
    verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Checked against the source by an editor.")
    )
    pending = models.BooleanField(
        _("pending"),
        default=False,
        help_text=_("Proposed but not in force: shown as proposed, never used for today's answer."),
    )
    verification_note = models.TextField(
        _("note for editors"),
        blank=True,
        help_text=_(
            "Not shown on the public site. For a row that is not verified: what must be "
            "checked, and where, before it can be marked as verified."
        ),
    )
    checked_on = models.DateField(
        _("checked against the source on"),
        null=True,
        blank=True,
        help_text=_(
            "The day an editor last read the source and found the row correct. Shown to "
            "readers as «kontrollert mot kilden»."
        ),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_(
            "The day by which the row should be checked again. The law watch lists rows past "
            "this date."
        ),
    )
    content_changed_at = models.DateTimeField(
        _("legal content changed at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the amount, dates, citation or text last changed. Recipes citing the row "
            "and reviewed before this show readers that the rules have changed."
        ),
    )
    data_ref = models.CharField(
        _("reference in the shipped data"),
        max_length=80,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("The row's identifier in apps/rules/data; empty for rows added by editors."),
    )
    data_checksum = models.CharField(
        _("checksum of the shipped values"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_(
            "Checksum of the values last loaded from the shipped data. When the row no longer "
            "matches it, an editor has changed the row and loading the data leaves it alone."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = InForceQuerySet.as_manager()

    # Fields whose change alters what the row says in law (not its verification state).
    CONTENT_FIELDS: tuple[str, ...] = ("citation", "valid_from", "valid_to", "pending")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        """Stamps content_changed_at when the legal content differs from the stored row, so
        that recipes citing the row can tell readers the rules changed after their review."""
        if self.pk is None:
            self.content_changed_at = self.content_changed_at or timezone.now()
        else:
            stored = type(self).objects.filter(pk=self.pk).values(*self.CONTENT_FIELDS).first()
            if stored is None or any(
                stored[name] != getattr(self, name) for name in self.CONTENT_FIELDS
            ):
                self.content_changed_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError(
                {"valid_to": _("The end date must be on or after the start date.")}
            )
        if self.pending and self.valid_from:
            raise ValidationError(
                {
                    "pending": _(
                        "A pending row has no start date; remove the date or the pending mark."
                    )
                }
            )
        if not self.pending and not self.valid_from:
            raise ValidationError({"valid_from": _("A row in force needs a start date.")})

    def review_overdue(self, on: datetime.date) -> bool:
        return self.review_by is not None and self.review_by < on

    def is_in_force(self, on: datetime.date) -> bool:
        return bool(
            self.valid_from
            and self.valid_from <= on
            and (self.valid_to is None or self.valid_to >= on)
        )


class LegalRule(RevisionMixin, index.Indexed, DatedSourcedRow):
    code = models.SlugField(
        _("code"),
        max_length=80,
        unique=True,
        help_text=_(
            "Stable identifier, e.g. foa-8-8. Recipes, the route guide and links "
            "(/regelverk/#code) use it, so do not change it once the rule is in use."
        ),
    )
    title = models.CharField(
        _("title"), max_length=255, help_text=_("A short title in plain language.")
    )
    summary = models.TextField(
        _("plain-language summary"),
        help_text=_(
            "What the rule means in practice, in two to four plain sentences, written in "
            "your own words. Do not copy the legal text; link to it in the source URL."
        ),
    )
    law = models.CharField(
        _("law or regulation"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Anskaffelsesforskriften."),
    )
    title_nn = models.CharField(
        _("title in nynorsk"),
        max_length=255,
        blank=True,
        help_text=_("Shown to readers who chose nynorsk. Empty: they read the bokmål title."),
    )
    summary_nn = models.TextField(
        _("plain-language summary in nynorsk"),
        blank=True,
        help_text=_("Shown to readers who chose nynorsk. Empty: they read the bokmål summary."),
    )
    title_en = models.CharField(
        _("title in English"),
        max_length=255,
        blank=True,
        help_text=_("Shown to readers who chose English. Empty: they read the bokmål title."),
    )
    summary_en = models.TextField(
        _("plain-language summary in English"),
        blank=True,
        help_text=_("Shown to readers who chose English. Empty: they read the bokmål summary."),
    )

    # A translation is not a change in law: editing one does not flag citing recipes.
    CONTENT_FIELDS = (*DatedSourcedRow.CONTENT_FIELDS, "title", "summary")

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("citation", boost=2),
        index.SearchField("summary"),
        index.FilterField("pending"),
        index.AutocompleteField("title"),
    ]

    class Meta:
        ordering = ["citation"]
        verbose_name = _("legal rule")
        verbose_name_plural = _("legal rules")

    def __str__(self) -> str:
        return f"{self.citation} – {self.title}"

    def get_absolute_url(self) -> str:
        return f"/regelverk/#{self.code}"

    def _text(self, name: str) -> tuple[str, str]:
        """(text, its language) of a field in the active language (apps.core.models)."""
        return in_language(
            getattr(self, name), getattr(self, f"{name}_nn"), getattr(self, f"{name}_en")
        )

    @property
    def display_title(self) -> str:
        """The title in the active language, else bokmål (docs/decisions/0019)."""
        return self._text("title")[0]

    @property
    def display_title_language(self) -> str:
        return self._text("title")[1]

    @property
    def display_summary(self) -> str:
        """The plain-language summary in the active language, else bokmål."""
        return self._text("summary")[0]

    @property
    def display_summary_language(self) -> str:
        return self._text("summary")[1]


class Threshold(RevisionMixin, DatedSourcedRow):
    class Key(models.TextChoices):
        LOWER_LIMIT = "lower_limit", _("Lower limit for the procurement rules")
        PROTOCOL = "protocol", _("Duty to keep a procurement protocol")
        NATIONAL = "national", _("National threshold (Part II, Doffin notice)")
        EEA_GOODS_SERVICES_STATE = (
            "eea_goods_services_state",
            _("EEA threshold, goods and services, central government"),
        )
        EEA_GOODS_SERVICES_OTHER = (
            "eea_goods_services_other",
            _("EEA threshold, goods and services, municipalities and others"),
        )
        EEA_WORKS = "eea_works", _("EEA threshold, building and construction works")
        EEA_HEALTH_SOCIAL = (
            "eea_health_social",
            _("EEA threshold, health and social services"),
        )
        EEA_SPECIAL = (
            "eea_special",
            _("EEA threshold, other special services"),
        )

    key = models.CharField(
        _("threshold"),
        max_length=40,
        choices=Key.choices,
        db_index=True,
        help_text=_(
            "Which threshold this amount belongs to. A threshold has one row per period; "
            "only one row may be in force on any day."
        ),
    )
    amount = models.PositiveBigIntegerField(
        _("amount (NOK excl. VAT)"), help_text=_("In whole kroner, excluding VAT.")
    )

    CONTENT_FIELDS = (*DatedSourcedRow.CONTENT_FIELDS, "key", "amount")

    class Meta:
        ordering = ["key", "-valid_from"]
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")

    def __str__(self) -> str:
        start = self.valid_from.isoformat() if self.valid_from else _("proposed")
        return f"{self.get_key_display()}: {self.amount} NOK ({start})"

    def save(self, *args, **kwargs) -> None:
        """A new amount or period is also a change of the rule that states the amount, so
        that recipes citing that rule learn of it from the rule row alone."""
        before = self.content_changed_at
        super().save(*args, **kwargs)
        code = THRESHOLD_RULE_CODES.get(self.key)
        if code and self.content_changed_at and self.content_changed_at != before:
            LegalRule.objects.filter(code=code).update(content_changed_at=self.content_changed_at)

    def clean(self) -> None:
        super().clean()
        if self.pending or not self.valid_from:
            return
        overlapping = Threshold.objects.filter(key=self.key, pending=False).exclude(pk=self.pk)
        end = self.valid_to or datetime.date.max
        overlapping = overlapping.filter(valid_from__lte=end).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from)
        )
        clash = overlapping.order_by("valid_from").first()
        if clash is not None:
            raise ValidationError(
                {
                    "valid_from": _(
                        "Another row for this threshold is in force in the same period "
                        "(%(amount)s NOK from %(start)s). "
                        "End that row the day before this one starts."
                    )
                    % {
                        "amount": f"{clash.amount:,}".replace(",", "\u00a0"),
                        "start": clash.valid_from.isoformat(),
                    }
                }
            )

    @property
    def label(self) -> str:
        return str(self.get_key_display())

    def may_be_outdated(self, on: datetime.date) -> bool:
        """An open-ended row that started more than two years before the date: EEA
        thresholds are adjusted every second year, so its amount may have been replaced
        without our data knowing."""
        if self.pending or self.valid_from is None or self.valid_to is not None:
            return False
        return self.valid_from < years_before(on, STALE_AFTER_YEARS)


# The rule that states each threshold's amount (recipes cite rules, not thresholds).
THRESHOLD_RULE_CODES = {
    Threshold.Key.LOWER_LIMIT: "loa-2",
    Threshold.Key.PROTOCOL: "foa-7-1",
    Threshold.Key.NATIONAL: "foa-5-1",
    Threshold.Key.EEA_GOODS_SERVICES_STATE: "foa-5-3",
    Threshold.Key.EEA_GOODS_SERVICES_OTHER: "foa-5-3",
    Threshold.Key.EEA_WORKS: "foa-5-3",
    Threshold.Key.EEA_HEALTH_SOCIAL: "foa-5-3",
    Threshold.Key.EEA_SPECIAL: "foa-5-3",
}


class RecipeRulesReview(models.Model):
    """When an editor last confirmed that a recipe still matches the rules it cites.

    Kept in the rules app (not as a field on the recipe page) so that marking a recipe as
    reviewed neither creates a page revision nor touches the cookbook's schema. A recipe
    that has never been marked counts as reviewed when it was first published."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="rules_review",
        verbose_name=_("recipe"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    class Meta:
        verbose_name = _("review of a recipe against the rules")
        verbose_name_plural = _("reviews of recipes against the rules")

    def __str__(self) -> str:
        return f"{self.page_id} {self.reviewed_at:%Y-%m-%d}"
