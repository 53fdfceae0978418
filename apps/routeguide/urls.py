from django.urls import path

from . import views

app_name = "routeguide"
urlpatterns = [
    path("", views.start, name="start"),
    path("steg-<int:step>/", views.step, name="step"),
    path("svar/", views.answer, name="answer"),
    path("tilbakemelding/", views.feedback, name="feedback"),
    path("maler/<slug:slug>/", views.template, name="template"),
]
