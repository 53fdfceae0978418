"""URLs of the matching app (full Norwegian paths)."""

from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("behov/<int:need_pk>/treff/", views.need_matches, name="need-matches"),
    path("behov/<int:need_pk>/treff/<int:offer_pk>/fest/", views.pin, name="pin"),
    path("behov/<int:need_pk>/treff/<int:offer_pk>/avvis/", views.dismiss, name="dismiss"),
    path("behov/<int:need_pk>/treff/<int:offer_pk>/angre/", views.undo, name="undo"),
    path("tilbud/<int:offer_pk>/treff/", views.offer_matches, name="offer-matches"),
    path("tilbud/<int:offer_pk>/abonner/", views.subscribe, name="subscribe"),
    path("tilbud/<int:offer_pk>/avslutt-abonnement/", views.unsubscribe, name="unsubscribe"),
]
