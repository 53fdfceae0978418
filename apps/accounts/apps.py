from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Cache purge, login counting. Apps that keep personal data (events, collaborations)
        # add it to "download my data" and "delete my account" from their own ready()
        # through apps.accounts.privacy; accounts imports none of them.
        from . import privacy, signals, throttle  # noqa: F401
