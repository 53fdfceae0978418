from django.apps import AppConfig


class CookbookConfig(AppConfig):
    name = "apps.cookbook"
    label = "cookbook"
    verbose_name = "Kokeboka"
