from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborationsConfig(AppConfig):
    name = "apps.collaborations"
    label = "collaborations"
    verbose_name = _("Collaborations")

    def ready(self) -> None:
        from apps.accounts.privacy import register_exporter

        from .privacy import personal_data

        register_exporter("collaborations", personal_data)
