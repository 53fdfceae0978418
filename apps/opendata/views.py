"""Open data: the DCAT catalogue, bulk CSV files, sitemap-adjacent robots.txt."""

import json

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from apps.core.csvsafe import csv_response

from .catalog import catalog
from .datasets import DATASETS_BY_SLUG


def _root(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_GET
def catalog_view(request: HttpRequest) -> HttpResponse:
    body = json.dumps(catalog(root=_root(request)), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def dataset_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    dataset = DATASETS_BY_SLUG.get(slug)
    if dataset is None:
        raise Http404
    # Texts written by visitors cannot run as spreadsheet formulas (apps.core.csvsafe).
    response = csv_response(
        dataset.iter_rows(chunk_size=500),
        header=[column.name for column in dataset.columns],
        filename=f"kokeboka-{slug}.csv",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /konto/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
