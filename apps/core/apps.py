from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = "Kokeboka core"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import signals

        signals.connect()
        post_migrate.connect(_sync_site_address, sender=self)


def _sync_site_address(**kwargs) -> None:
    # After every migrate the default Wagtail Site follows the configured public address, so
    # a deployment that changes WAGTAILADMIN_BASE_URL gets correct absolute links at once.
    from django.db import DEFAULT_DB_ALIAS

    from .siteaddress import sync_default_site

    if kwargs.get("using", DEFAULT_DB_ALIAS) == DEFAULT_DB_ALIAS:
        sync_default_site()
