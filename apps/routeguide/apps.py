from django.apps import AppConfig


class RouteguideConfig(AppConfig):
    name = "apps.routeguide"
    label = "routeguide"
    verbose_name = "Veiviseren"

    def ready(self) -> None:
        from apps.core.cache import page_cache_hit

        from .tally import count_cached_answer

        page_cache_hit.connect(count_cached_answer, dispatch_uid="routeguide-answer-tally")
