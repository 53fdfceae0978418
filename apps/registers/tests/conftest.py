"""A local Enhetsregisteret (pytest-httpserver) answering with the documented JSON shapes of
https://data.brreg.no/enhetsregisteret/api: /enheter/{orgnr} and /underenheter/{orgnr},
404 for an unknown number, 410 Gone with a `slettedato` for a deleted unit."""

from __future__ import annotations

import socket
import time

import pytest
from django.conf import settings as django_settings

from apps.registers.client import CACHE_PREFIX

API = "/enhetsregisteret/api"


# Valid organisation numbers (MOD11), one per case, none of them a real organisation's.
FOUND = "910000004"
BANKRUPT = "910000012"
DELETED = "910000020"
WOUND_UP = "910000039"
NOT_FOUND = "910000047"
DOWN = "910000055"
SUBUNIT = "910000063"
FORCED = "910000071"


def unit(number: str, name: str, **extra) -> dict:
    """An Enhet as the register returns it (fields we do not read included, as real)."""
    body = {
        "organisasjonsnummer": number,
        "navn": name,
        "organisasjonsform": {
            "kode": "AS",
            "beskrivelse": "Aksjeselskap",
            "_links": {"self": {"href": f"{API}/organisasjonsformer/AS"}},
        },
        "registreringsdatoEnhetsregisteret": "2016-03-01",
        "registrertIMvaregisteret": False,
        "naeringskode1": {"kode": "88.991", "beskrivelse": "Velferdstjenester uten botilbud"},
        "antallAnsatte": 12,
        "forretningsadresse": {
            "land": "Norge",
            "landkode": "NO",
            "postnummer": "1337",
            "poststed": "SANDVIKA",
            "adresse": ["Kinoveien 1"],
            "kommune": "BÆRUM",
            "kommunenummer": "3201",
        },
        "institusjonellSektorkode": {"kode": "2100", "beskrivelse": "Private aksjeselskaper mv."},
        "registrertIForetaksregisteret": True,
        "registrertIStiftelsesregisteret": False,
        "registrertIFrivillighetsregisteret": False,
        "konkurs": False,
        "underAvvikling": False,
        "underTvangsavviklingEllerTvangsopplosning": False,
        "maalform": "Bokmål",
        "_links": {"self": {"href": f"{API}/enheter/{number}"}},
    }
    body.update(extra)
    return body


class LocalRegister:
    def __init__(self, httpserver):
        self.server = httpserver
        self.numbers: set[str] = set()

    def _path(self, kind: str, number: str) -> str:
        self.numbers.add(number)
        return f"{API}/{kind}/{number}"

    def found(self, number: str, name: str, **extra) -> None:
        self.server.expect_request(self._path("enheter", number)).respond_with_json(
            unit(number, name, **extra)
        )

    def subunit(self, number: str, name: str) -> None:
        self.not_found(number, only_main=True)
        body = unit(number, name)
        body.pop("forretningsadresse")
        body["organisasjonsform"] = {
            "kode": "BEDR",
            "beskrivelse": "Underenhet til næringsdrivende",
        }
        body["beliggenhetsadresse"] = {"kommune": "OSLO", "kommunenummer": "0301", "land": "Norge"}
        self.server.expect_request(self._path("underenheter", number)).respond_with_json(body)

    def not_found(self, number: str, *, only_main: bool = False) -> None:
        error = {"timestamp": "2026-12-04T20:00:00.000+00:00", "status": 404, "error": "Not Found"}
        self.server.expect_request(self._path("enheter", number)).respond_with_json(
            error, status=404
        )
        if not only_main:
            self.server.expect_request(self._path("underenheter", number)).respond_with_json(
                error, status=404
            )

    def deleted(self, number: str, on: str = "2023-05-18") -> None:
        body = {
            "organisasjonsnummer": number,
            "slettedato": on,
            "_links": {"self": {"href": f"{API}/enheter/{number}"}},
        }
        self.server.expect_request(self._path("enheter", number)).respond_with_json(
            body, status=410
        )

    def failing(self, number: str, status: int = 500) -> None:
        self.server.expect_request(self._path("enheter", number)).respond_with_data(
            "Internal Server Error", status=status
        )

    def slow(self, number: str, seconds: float) -> None:
        def handler(request):
            from werkzeug import Response

            time.sleep(seconds)
            return Response("{}", content_type="application/json")

        self.server.expect_request(self._path("enheter", number)).respond_with_handler(handler)

    def reset(self) -> None:
        """Forget every answer (the register "comes back" with new ones), and the cache."""
        from django.core.cache import cache

        self.server.clear()
        for key in self.numbers:
            cache.delete(CACHE_PREFIX + key)

    @property
    def calls(self) -> list[str]:
        return [request.path for request, _response in self.server.log]


@pytest.fixture
def brreg(httpserver, settings):
    settings.ENHETSREGISTERET_URL = httpserver.url_for(API)
    settings.ENHETSREGISTERET_TIMEOUT = 0.5
    return LocalRegister(httpserver)


@pytest.fixture
def brreg_refused(settings):
    """A register URL nobody listens on: the connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.ENHETSREGISTERET_URL = f"http://127.0.0.1:{port}{API}"
    settings.ENHETSREGISTERET_TIMEOUT = 0.5


@pytest.fixture
def norwegian(client):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "nb"
    return client
