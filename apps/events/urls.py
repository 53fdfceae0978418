from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("kalender.ics", views.calendar_feed, name="calendar"),
    path("pamelding/<str:token>/", views.receipt, name="receipt"),
    path("avmelding/<str:token>/", views.cancel, name="cancel"),
    path("<slug:slug>.ics", views.event_ical, name="ical"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/pamelding/", views.register, name="register"),
    path("<slug:slug>/pamelding/sendt/", views.registration_sent, name="registration-sent"),
    path("<slug:slug>/innspill/", views.submit_input, name="input"),
    path("<slug:slug>/deltakere/", views.attendees, name="attendees"),
    path("<slug:slug>/deltakere.csv", views.attendees_csv, name="attendees-csv"),
    path("<slug:slug>/melding/", views.message_attendees, name="message"),
    path("<slug:slug>/innspill/behandle/", views.review_inputs, name="review-inputs"),
    path(
        "<slug:slug>/innspill/<int:pk>/eksempel/",
        views.convert_input_to_case,
        name="input-to-case",
    ),
    path("<slug:slug>/innspill/<int:pk>/tips/", views.convert_input_to_tip, name="input-to-tip"),
    path("<slug:slug>/innspill/<int:pk>/vurdering/", views.review_input, name="input-review"),
]
