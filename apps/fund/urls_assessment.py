"""URLs of the fund assessment side (full Norwegian paths)."""

from django.urls import path  # noqa: F401

app_name = "fund-assessment"
urlpatterns: list = []
