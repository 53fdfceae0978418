"""URLs of the grants app (full Norwegian paths)."""

from django.urls import path

from . import views

app_name = "grants"
urlpatterns = [
    path("fond/forvaltning/", views.manage, name="manage"),
    path("fond/forvaltning/soknader/<int:pk>/", views.application_detail, name="application"),
    path("fond/forvaltning/soknader/<int:pk>/screening/", views.screen, name="screen"),
    path("fond/forvaltning/soknader/<int:pk>/fagvurderere/", views.assign, name="assign"),
    path("fond/forvaltning/soknader/<int:pk>/vedtak/", views.decide, name="decide"),
    path("fond/forvaltning/soknader/<int:pk>/utbetalinger/", views.payment_add, name="payment-add"),
    path(
        "fond/forvaltning/soknader/<int:pk>/utbetalingsplan/",
        views.payment_plan,
        name="payment-plan",
    ),
    path(
        "fond/forvaltning/soknader/<int:pk>/rapporter/", views.report_require, name="report-require"
    ),
    path("fond/forvaltning/utbetalinger/<int:pk>/betalt/", views.payment_paid, name="payment-paid"),
    path(
        "fond/forvaltning/rapporter/<int:pk>/godkjenn/", views.report_approve, name="report-approve"
    ),
    path("fond/forvaltning/utlysninger/<int:call_pk>/deling/", views.sharing, name="sharing"),
    path("fond/forvaltning/eksport/<slug:slug>/soknader.csv", views.export_csv, name="export-csv"),
    path(
        "fond/forvaltning/eksport/<slug:slug>/soknader.xlsx", views.export_xlsx, name="export-xlsx"
    ),
    path("fond/vurdering/", views.reviews, name="reviews"),
    path("fond/vurdering/<int:pk>/", views.review, name="review"),
    path("fond/vurdering/<int:pk>/inhabilitet/", views.conflict, name="conflict"),
    path("fond/prosjekter/<int:pk>/", views.project, name="project"),
    path("fond/prosjekter/<int:pk>/vedtaksbrev.pdf", views.letter, name="letter"),
    path("fond/prosjekter/<int:pk>/rapporter/<int:report_pk>/", views.report, name="report"),
    path("fond/tildelinger/", views.granted, name="granted"),
    path("fond/statistikk/", views.statistics, name="statistics"),
]
