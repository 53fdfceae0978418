from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.contributions"
    label = "contributions"
    verbose_name = _("Contributions")

    def ready(self) -> None:
        from . import privacy, signals  # noqa: F401 - registers exporters, deleters, receivers
