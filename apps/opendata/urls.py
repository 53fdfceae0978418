from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("catalog", views.catalog_view, name="catalog"),
    path("<slug:slug>.csv", views.dataset_csv, name="csv"),
]
