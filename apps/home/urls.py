from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("om-kokeboka/", views.about, name="about"),
]
