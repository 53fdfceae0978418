"""URLs of the broker app (full Norwegian paths)."""

from django.urls import path

from . import views

app_name = "broker"
urlpatterns = [
    path("behov/", views.need_list, name="need-list"),
    path("behov/ny/", views.need_create, name="need-create"),
    path("behov/<int:pk>/", views.need_detail, name="need-detail"),
    path("behov/<int:pk>/rediger/", views.need_edit, name="need-edit"),
    path("behov/<int:pk>/forny/", views.need_renew, name="need-renew"),
    path("entreprenorer/", views.entrepreneur_list, name="entrepreneur-list"),
    path("entreprenorer/vurdering/", views.review_queue, name="review-queue"),
    path("entreprenorer/tilbud/<int:pk>/", views.offer_detail, name="offer-detail"),
    path("entreprenorer/tilbud/<int:pk>/rediger/", views.offer_edit, name="offer-edit"),
    path("entreprenorer/<slug:slug>/", views.entrepreneur_detail, name="entrepreneur-detail"),
    path("entreprenorer/<slug:slug>/profil/", views.profile_edit, name="profile-edit"),
    path("entreprenorer/<slug:slug>/forny/", views.profile_renew, name="profile-renew"),
    path("entreprenorer/<slug:slug>/vurder/", views.profile_review, name="profile-review"),
    path("entreprenorer/<slug:slug>/tilbud/ny/", views.offer_create, name="offer-create"),
]
