import importlib

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from . import privacy

        # Apps that keep personal data by email address (dialogue-meeting sign-ups) join
        # "download my data" and "delete my account" here when they offer the functions.
        try:
            events = importlib.import_module("apps.events.services")
        except ImportError:
            events = None
        export = getattr(events, "personal_data_for_email", None)
        delete = getattr(events, "personal_data_delete_for_email", None)
        if callable(export):
            privacy.register_exporter("events", lambda user: export(email=user.email))
        if callable(delete):
            privacy.register_deleter("events", lambda user: delete(email=user.email))
