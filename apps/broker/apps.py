from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrokerConfig(AppConfig):
    name = "apps.broker"
    label = "broker"
    verbose_name = _("Broker service")
