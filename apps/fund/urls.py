"""URLs of the fund app (full Norwegian paths). The fund slug never takes the first path
segments that apps.grants uses under /fond/."""

from django.urls import path, register_converter

from . import views
from .models import RESERVED_FUND_SLUGS


class FundSlugConverter:
    regex = r"(?!(?:" + "|".join(sorted(RESERVED_FUND_SLUGS)) + r")/)[-a-zA-Z0-9_]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FundSlugConverter, "fundslug")

app_name = "fund"
urlpatterns = [
    path("fond/", views.index, name="index"),
    path("fond/soknader/", views.application_list, name="application-list"),
    path("fond/soknader/<int:pk>/", views.application_edit, name="application-edit"),
    path("fond/soknader/<int:pk>/send/", views.application_submit, name="application-submit"),
    path("fond/soknader/<int:pk>/trekk/", views.application_withdraw, name="application-withdraw"),
    path(
        "fond/soknader/<int:pk>/kvittering.pdf",
        views.application_receipt,
        name="application-receipt",
    ),
    path("fond/soknader/<int:pk>/vedlegg/", views.attachment_upload, name="attachment-upload"),
    path(
        "fond/soknader/<int:pk>/vedlegg/<int:attachment>/",
        views.attachment_download,
        name="attachment-download",
    ),
    path(
        "fond/soknader/<int:pk>/vedlegg/<int:attachment>/slett/",
        views.attachment_delete,
        name="attachment-delete",
    ),
    path("fond/<fundslug:fund>/", views.fund_detail, name="fund-detail"),
    path("fond/<fundslug:fund>/ny-utlysning/", views.call_create, name="call-create"),
    path("fond/<fundslug:fund>/<slug:call>/", views.call_detail, name="call-detail"),
    path("fond/<fundslug:fund>/<slug:call>/rediger/", views.call_edit, name="call-edit"),
    path(
        "fond/<fundslug:fund>/<slug:call>/sok/", views.application_start, name="application-start"
    ),
]
