import importlib

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from . import privacy, signals, throttle  # noqa: F401 - cache purge, login counting

        # Apps that keep personal data by email address (dialogue-meeting sign-ups) join
        # "download my data" and "delete my account" here when they offer the functions.
        for module_name in ("apps.events.privacy", "apps.events.services"):
            try:
                module = importlib.import_module(module_name)
            except ImportError:
                continue
            export = getattr(module, "personal_data_for_email", None)
            delete = getattr(module, "personal_data_delete_for_email", None)
            if callable(export) and callable(delete):
                privacy.register_exporter("events", lambda user, fn=export: fn(user.email))
                privacy.register_deleter("events", lambda user, fn=delete: fn(user.email))
                break
