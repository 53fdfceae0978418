"""URLs of the matching app (full Norwegian paths)."""

from django.urls import path  # noqa: F401

app_name = "matching"
urlpatterns: list = []
