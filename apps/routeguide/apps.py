from django.apps import AppConfig


class RouteguideConfig(AppConfig):
    name = "apps.routeguide"
    label = "routeguide"
    verbose_name = "Veiviseren"
