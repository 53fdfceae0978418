"""URLs of the collaborations app (full Norwegian paths)."""

from django.urls import path  # noqa: F401

app_name = "collaborations"
urlpatterns: list = []
