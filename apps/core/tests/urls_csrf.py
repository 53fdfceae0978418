from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.urls import path


def form_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f'<form method="post"><input name="t" value="{get_token(request)}"></form>')


def plain_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("<p>Hei</p>")


urlpatterns = [path("skjema/", form_page), path("side/", plain_page)]
