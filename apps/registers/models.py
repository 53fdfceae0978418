"""What Enhetsregisteret said about an organisation number the last time Kokeboka asked.

Keyed by the number, not by an organisation: the number is checked while a form is filled
in, before the organisation exists, and the same number may reach us through the import.
Brokers see a number that was not found (or that turned out deleted or bankrupt) beside the
organisation in their review queue (apps/registers/templatetags/registers.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CheckStatus(models.TextChoices):
    FOUND = "found", _("Found")
    NOT_FOUND = "not_found", _("Not found in Enhetsregisteret")
    DELETED = "deleted", _("Deleted from Enhetsregisteret")
    # The register could not be reached: the scheduled job asks again (retry_after).
    UNREACHABLE = "unreachable", _("Not checked yet: the register could not be reached")


class RegisterCheck(models.Model):
    org_number = models.CharField(_("organisation number"), max_length=9, unique=True)
    status = models.CharField(_("status"), max_length=20, choices=CheckStatus.choices)
    name = models.CharField(_("name in the register"), max_length=300, blank=True)
    org_form_code = models.CharField(_("organisation form code"), max_length=10, blank=True)
    org_form = models.CharField(_("organisation form"), max_length=200, blank=True)
    municipality_number = models.CharField(_("municipality number"), max_length=4, blank=True)
    municipality_name = models.CharField(_("municipality"), max_length=100, blank=True)
    bankrupt = models.BooleanField(_("bankrupt"), default=False)
    being_wound_up = models.BooleanField(_("being wound up"), default=False)
    forced_wind_up = models.BooleanField(
        _("being compulsorily wound up or dissolved"), default=False
    )
    deleted_on = models.DateField(_("deleted on"), null=True, blank=True)
    subunit = models.BooleanField(_("sub-unit"), default=False)
    checked_at = models.DateTimeField(_("checked at"))
    # Failed attempts in a row while the register could not be reached.
    attempts = models.PositiveIntegerField(_("failed attempts"), default=0)
    retry_after = models.DateTimeField(_("try again after"), null=True, blank=True)

    class Meta:
        verbose_name = _("register check")
        verbose_name_plural = _("register checks")
        ordering = ["org_number"]
        indexes = [models.Index(fields=["status", "retry_after"], name="registers_status_retry")]

    def __str__(self) -> str:
        return f"{self.org_number}: {self.get_status_display()}"

    @property
    def refused(self) -> bool:
        """Deleted, bankrupt or being wound up: cannot take part on Kokeboka."""
        return self.status == CheckStatus.DELETED or (
            self.status == CheckStatus.FOUND
            and (self.bankrupt or self.being_wound_up or self.forced_wind_up)
        )

    @property
    def needs_broker(self) -> bool:
        """Shown to brokers: a number the register does not know, or a refused one."""
        return self.status == CheckStatus.NOT_FOUND or self.refused
