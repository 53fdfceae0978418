"""URLs of the collaborations app (full Norwegian paths)."""

from django.urls import path

from . import views

app_name = "collaborations"
urlpatterns = [
    path("samarbeid/", views.mine, name="mine"),
    path("samarbeid/tavle/", views.board, name="board"),
    path("samarbeid/tabell/", views.table, name="table"),
    path("samarbeid/introduser/", views.introduce, name="introduce"),
    path("samarbeid/lagre-svar/", views.save_answer, name="save-answer"),
    path("samarbeid/<int:pk>/", views.detail, name="detail"),
    path("samarbeid/<int:pk>/rediger/", views.edit, name="edit"),
    path("samarbeid/<int:pk>/fase/", views.change_stage, name="stage"),
    path("samarbeid/<int:pk>/logg/", views.add_log_entry, name="log-add"),
    path("samarbeid/<int:pk>/oppskrifter/", views.add_recipe, name="recipe-add"),
    path(
        "samarbeid/<int:pk>/oppskrifter/<int:recipe_pk>/fjern/",
        views.remove_recipe,
        name="recipe-remove",
    ),
    path("samarbeid/<int:pk>/veiviser/", views.add_routeguide_answer, name="routeguide-add"),
    path(
        "samarbeid/<int:pk>/veiviser/fjern/",
        views.remove_routeguide_answer,
        name="routeguide-remove",
    ),
    path("samarbeid/<int:pk>/avslutt/", views.end, name="end"),
    path("samarbeid/<int:pk>/gjenapne/", views.reopen, name="reopen"),
    path("samarbeid/<int:pk>/samtykke/", views.consent, name="consent"),
    path("samarbeid/<int:pk>/samtykke/trekk/", views.consent_withdraw, name="consent-withdraw"),
    path("samarbeid/<int:pk>/be-om-samtykke/", views.consent_request, name="consent-request"),
    path("samarbeid/<int:pk>/publiser/", views.publish_example, name="publish"),
]
