"""URLs of the fund app (full Norwegian paths)."""

from django.urls import path  # noqa: F401

app_name = "fund"
urlpatterns: list = []
