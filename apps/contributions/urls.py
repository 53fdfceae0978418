from django.urls import path

from . import views

app_name = "contributions"

urlpatterns = [
    path("bidrag/oppskrift/<int:recipe_id>/tips/", views.tip_create, name="tip-create"),
    path("bidrag/oppskrift/<int:recipe_id>/provd/", views.tried_create, name="tried-create"),
    path(
        "bidrag/oppskrift/<int:recipe_id>/forslag/",
        views.suggestion_create,
        name="suggestion-create",
    ),
    path("bidrag/oppskrift/<int:recipe_id>/folg/", views.follow_toggle, name="follow-toggle"),
    path("bidrag/tema/<slug:code>/folg/", views.topic_follow_toggle, name="topic-follow-toggle"),
    path("bidrag/tips/<int:pk>/nyttig/", views.tip_useful, name="tip-useful"),
    path("bidrag/blogg/<int:post_id>/kommentar/", views.comment_create, name="comment-create"),
    path("bidrag/rapporter/<str:kind>/<int:pk>/", views.report_create, name="report-create"),
    path("bidrag/varsler/", views.notification_settings, name="notification-settings"),
    path("bidrag/avmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
