"""URLs of the grants app (full Norwegian paths)."""

from django.urls import path  # noqa: F401

app_name = "grants"
urlpatterns: list = []
