from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.signup, name="signup"),
    path("sjekk-e-posten/", views.check_email, name="check-email"),
    path("bekreft/<str:token>/", views.confirm, name="confirm"),
    path("avmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("min-side/avmeld/", views.unsubscribe_mine, name="unsubscribe-mine"),
]
