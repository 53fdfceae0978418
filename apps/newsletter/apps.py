from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "apps.newsletter"
    label = "newsletter"
    verbose_name = "Newsletter"

    def ready(self) -> None:
        # The consent and the subscription join "download my data" and "delete my account".
        from apps.accounts import privacy

        from .services import personal_data, personal_data_delete

        privacy.register_exporter("newsletter", personal_data)
        privacy.register_deleter("newsletter", personal_data_delete)
