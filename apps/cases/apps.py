from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "apps.cases"
    label = "cases"
    verbose_name = "Eksempelbanken"

    def ready(self) -> None:
        from apps.search.registry import register_result_type

        register_result_type("cases.casepage", _("Example"))
        register_result_type("cases.caseindexpage", _("Examples bank"))
