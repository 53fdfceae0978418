from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "apps.insights"
    label = "insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from apps.broker.models import Need
        from apps.collaborations.models import Collaboration, StageChange
        from apps.contributions.models import TriedReport
        from apps.fund.models import Application
        from apps.grants.models import Decision
        from apps.routeguide.signals import answer_shown

        from .signals import (
            application_written,
            count_route_guide_answer,
            need_sectors_changed,
            row_written,
        )

        answer_shown.connect(count_route_guide_answer, dispatch_uid="insights-route-guide-tally")
        # The rows the stored charts count (apps.insights.figures). Pages (examples, recipes)
        # and bulk loads purge the page cache, whose generation is part of the stamp too.
        signals = (("save", post_save), ("delete", post_delete))
        for model in (Need, Collaboration, StageChange, Decision, TriedReport):
            for name, signal in signals:
                signal.connect(
                    row_written, sender=model, dispatch_uid=f"insights-{name}-{model.__name__}"
                )
        for name, signal in signals:
            signal.connect(
                application_written, sender=Application, dispatch_uid=f"insights-{name}-app"
            )
        m2m_changed.connect(
            need_sectors_changed, sender=Need.sectors.through, dispatch_uid="insights-need-sectors"
        )
