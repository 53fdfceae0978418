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
    path(
        "behov/<int:need_pk>/apen-invitasjon/",
        views.invitation_create,
        name="invitation-create",
    ),
    path(
        "apne-invitasjoner/<int:pk>/",
        views.invitation_responses,
        name="invitation-responses",
    ),
    path("apne-invitasjoner/<int:pk>/lukk/", views.invitation_close, name="invitation-close"),
    path(
        "apne-invitasjoner/svar/<int:recipient_pk>/",
        views.invitation_answer,
        name="invitation-answer",
    ),
]
