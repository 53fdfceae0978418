from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrintbookConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.printbook"
    label = "printbook"
    verbose_name = _("Printed cookbook")

    def ready(self) -> None:
        from . import signals  # noqa: F401
