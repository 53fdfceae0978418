from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = "Kokeboka core"

    def ready(self) -> None:
        from . import signals

        signals.connect()
