from django.urls import path

app_name = "rules"
urlpatterns: list = []
