from django.urls import path

from . import views

app_name = "rules"
urlpatterns = [
    path("regelverk/", views.rules_index, name="index"),
]
