from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "apps.events"
    label = "events"
    verbose_name = "Dialogmøter"

    def ready(self) -> None:
        # Sign-ups are kept by email address: they join "download my data" and "delete my
        # account" (apps/accounts/privacy.py) with the account's address. The events app
        # registers itself; accounts, below it, does not look it up.
        from apps.accounts.privacy import register_deleter, register_exporter

        from .privacy import personal_data_delete_for_email, personal_data_for_email

        register_exporter("events", lambda user: personal_data_for_email(user.email))
        register_deleter("events", lambda user: personal_data_delete_for_email(user.email))
