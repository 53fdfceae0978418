from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "apps.search"
    label = "sitesearch"
    verbose_name = "Site search"

    def ready(self) -> None:
        from . import signals

        signals.connect()
