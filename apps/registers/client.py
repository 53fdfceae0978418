"""The Enhetsregisteret client: one organisation number in, one Lookup out.

GET {ENHETSREGISTERET_URL}/enheter/{orgnr}; a 404 there is asked again at /underenheter/
(a sub-unit, such as a department, has its own number). 410 Gone is a deleted unit (the body
gives its `slettedato`). A timeout, a refused connection, a 5xx or a body that is not the
documented JSON is "unreachable": never a verdict on the number. Answers are cached in
Django's cache; "unreachable" only for a minute, so a person who goes on without the check
does not wait for the timeout twice, and the scheduled retry asks with fresh=True."""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import asdict, dataclass

import requests
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

FOUND = "found"
NOT_FOUND = "not_found"
DELETED = "deleted"
UNREACHABLE = "unreachable"
OFF = "off"  # ENHETSREGISTERET_URL is empty: no lookup was made

UNREACHABLE_CACHE_SECONDS = 60
CACHE_PREFIX = "registers:enhet:v1:"
_NUMBER = re.compile(r"^\d{9}$")


@dataclass(frozen=True)
class Lookup:
    org_number: str
    status: str
    name: str = ""
    org_form_code: str = ""
    org_form: str = ""
    municipality_number: str = ""
    municipality_name: str = ""
    bankrupt: bool = False
    being_wound_up: bool = False
    forced_wind_up: bool = False
    deleted_on: str = ""  # ISO date
    subunit: bool = False

    @property
    def refused(self) -> bool:
        return self.status == DELETED or (
            self.status == FOUND and (self.bankrupt or self.being_wound_up or self.forced_wind_up)
        )

    @property
    def deleted_date(self) -> datetime.date | None:
        try:
            return datetime.date.fromisoformat(self.deleted_on) if self.deleted_on else None
        except ValueError:
            return None


class _Unreachable(Exception):
    pass


def _from_unit(org_number: str, body: dict, *, subunit: bool) -> Lookup:
    if not isinstance(body, dict):
        raise _Unreachable("not a JSON object")
    form = body.get("organisasjonsform") or {}
    # A sub-unit has a beliggenhetsadresse (where it is) instead of a forretningsadresse.
    address = body.get("forretningsadresse") or body.get("beliggenhetsadresse") or {}
    deleted_on = str(body.get("slettedato") or "")
    return Lookup(
        org_number=str(body.get("organisasjonsnummer") or org_number),
        status=DELETED if deleted_on else FOUND,
        name=str(body.get("navn") or "")[:300],
        org_form_code=str(form.get("kode") or "")[:10],
        org_form=str(form.get("beskrivelse") or "")[:200],
        municipality_number=str(address.get("kommunenummer") or "")[:4],
        municipality_name=str(address.get("kommune") or "")[:100],
        bankrupt=body.get("konkurs") is True,
        being_wound_up=body.get("underAvvikling") is True,
        forced_wind_up=body.get("underTvangsavviklingEllerTvangsopplosning") is True,
        deleted_on=deleted_on[:10],
        subunit=subunit,
    )


def _ask(base: str, kind: str, org_number: str) -> Lookup | None:
    """One request; None on 404."""
    try:
        response = requests.get(
            f"{base}/{kind}/{org_number}",
            headers={"Accept": "application/json"},
            timeout=settings.ENHETSREGISTERET_TIMEOUT,
            allow_redirects=False,
        )
    except requests.RequestException as error:
        raise _Unreachable(type(error).__name__) from error
    if response.status_code == 404:
        return None
    if response.status_code not in (200, 410):
        raise _Unreachable(f"HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError as error:
        raise _Unreachable("not JSON") from error
    lookup = _from_unit(org_number, body, subunit=kind == "underenheter")
    if response.status_code == 410 and lookup.status != DELETED:
        # Gone without a date in the body: still deleted.
        lookup = Lookup(**{**asdict(lookup), "status": DELETED})
    return lookup


def lookup(org_number: str, *, fresh: bool = False) -> Lookup:
    """What the register says about `org_number` (nine digits; anything else is not asked).
    `fresh` skips the cache (the scheduled retry)."""
    base = (settings.ENHETSREGISTERET_URL or "").rstrip("/")
    if not base or not _NUMBER.match(org_number or ""):
        return Lookup(org_number=org_number, status=OFF)
    key = CACHE_PREFIX + org_number
    if not fresh:
        cached = cache.get(key)
        if isinstance(cached, dict):
            return Lookup(**cached)
    try:
        result = _ask(base, "enheter", org_number) or _ask(base, "underenheter", org_number)
    except _Unreachable as error:
        logger.warning("Enhetsregisteret unreachable for %s: %s", org_number, error)
        result = Lookup(org_number=org_number, status=UNREACHABLE)
    if result is None:
        result = Lookup(org_number=org_number, status=NOT_FOUND)
    seconds = {
        FOUND: settings.ENHETSREGISTERET_CACHE_SECONDS,
        DELETED: settings.ENHETSREGISTERET_CACHE_SECONDS,
        NOT_FOUND: settings.ENHETSREGISTERET_NOT_FOUND_CACHE_SECONDS,
        UNREACHABLE: UNREACHABLE_CACHE_SECONDS,
    }[result.status]
    cache.set(key, asdict(result), seconds)
    return result
