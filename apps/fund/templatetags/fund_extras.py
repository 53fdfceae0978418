"""Template helpers of the fund: Norwegian time and status colours."""

from __future__ import annotations

import datetime

from django import template
from django.utils import dateformat
from django.utils.translation import gettext as _

from apps.core.oslo import OSLO

register = template.Library()


@register.filter
def oslo_datetime(value: datetime.datetime | None) -> str:
    """«31. mars 2027 kl. 23.59», always in Norwegian time."""
    if value is None:
        return ""
    local = value.astimezone(OSLO)
    return _("%(date)s at %(time)s") % {
        "date": dateformat.format(local, "j. F Y"),
        "time": f"{local.hour:02d}.{local.minute:02d}",
    }


@register.filter
def oslo_iso(value: datetime.datetime | None) -> str:
    return value.astimezone(OSLO).isoformat() if value else ""


@register.filter
def status_color(status: str) -> str:
    return {
        "draft": "neutral",
        "submitted": "info",
        "eligible": "info",
        "in_review": "info",
        "granted": "success",
        "in_progress": "success",
        "completed": "success",
        "ineligible": "danger",
        "rejected": "danger",
        "withdrawn": "neutral",
    }.get(status, "neutral")
