"""URLs of the broker app (full Norwegian paths)."""

from django.urls import path  # noqa: F401

app_name = "broker"
urlpatterns: list = []
