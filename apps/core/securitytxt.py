"""/.well-known/security.txt (RFC 9116): where to report a vulnerability.

The contact is the deployment's own (KOKEBOKA_SECURITY_CONTACT: one or more mailto: or https:
addresses, comma-separated), so each municipality or operator that runs Kokeboka points
reporters at its own people. Expires is required by the RFC; unless the deployment sets a date
(KOKEBOKA_SECURITY_TXT_EXPIRES, ISO 8601), it is KOKEBOKA_SECURITY_TXT_DAYS ahead of today, as
the file is written from live settings and so is as current as the running configuration."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe


def expires(*, today: datetime.date | None = None) -> datetime.datetime:
    configured = settings.KOKEBOKA_SECURITY_TXT_EXPIRES
    if configured:
        moment = datetime.datetime.fromisoformat(configured)
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=datetime.UTC)
        return moment.astimezone(datetime.UTC)
    today = today or timezone.now().astimezone(datetime.UTC).date()
    day = today + datetime.timedelta(days=settings.KOKEBOKA_SECURITY_TXT_DAYS)
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)


def security_txt_body(*, canonical: str) -> str:
    contacts = settings.KOKEBOKA_SECURITY_CONTACT
    lines = [f"Contact: {contact}" for contact in contacts]
    lines.append(f"Expires: {expires():%Y-%m-%dT%H:%M:%SZ}")
    if settings.KOKEBOKA_SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.KOKEBOKA_SECURITY_POLICY_URL}")
    lines.append("Preferred-Languages: no, nb, en")
    lines.append(f"Canonical: {canonical}")
    return "\n".join(lines) + "\n"


@require_safe
def security_txt(request: HttpRequest) -> HttpResponse:
    if not settings.KOKEBOKA_SECURITY_CONTACT:
        raise Http404
    canonical = request.build_absolute_uri("/.well-known/security.txt")
    response = HttpResponse(
        security_txt_body(canonical=canonical), content_type="text/plain; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response
