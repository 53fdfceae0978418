"""URLs of the insights app (full Norwegian paths)."""

from django.urls import path

from . import views

app_name = "insights"
urlpatterns = [
    path("innsikt/", views.dashboard, name="dashboard"),
    path("innsikt/<slug:slug>.csv", views.chart_csv, name="chart-csv"),
    path("innsikt/kommune/<str:code>/", views.municipality_dashboard, name="municipality"),
    path(
        "innsikt/kommune/<str:code>/<slug:slug>.csv",
        views.municipality_chart_csv,
        name="municipality-chart-csv",
    ),
]
