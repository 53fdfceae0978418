from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "apps.insights"
    label = "insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        from apps.routeguide.signals import answer_shown

        from .signals import count_route_guide_answer

        answer_shown.connect(count_route_guide_answer, dispatch_uid="insights-route-guide-tally")
