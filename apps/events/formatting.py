"""Meeting times as Norwegians write them, always in Norwegian time, and absolute links."""

from __future__ import annotations

import datetime

from django.utils import dateformat
from django.utils.translation import gettext as _

from apps.core.oslo import OSLO, oslo
from apps.core.siteaddress import site_url

__all__ = [
    "OSLO",
    "absolute_url",
    "event_when",
    "format_date",
    "format_datetime",
    "format_time",
    "oslo",
]


def format_date(value: datetime.datetime) -> str:
    """«tirsdag 14. juni 2016»; day and month names follow the active language."""
    return dateformat.format(oslo(value), "l j. F Y")


def format_time(value: datetime.datetime | datetime.time) -> str:
    """«10.00»: Norwegian writes the time of day with a full stop."""
    if isinstance(value, datetime.datetime):
        value = oslo(value).time()
    return f"{value.hour:02d}.{value.minute:02d}"


def format_datetime(value: datetime.datetime) -> str:
    return _("%(date)s at %(time)s") % {"date": format_date(value), "time": format_time(value)}


def event_when(event) -> str:
    """«tirsdag 14. juni 2016, kl. 10.00–15.00», or both dates when it spans days."""
    start, end = oslo(event.start), oslo(event.end)
    if start.date() == end.date():
        return _("%(date)s, %(start)s–%(end)s") % {
            "date": format_date(start),
            "start": format_time(start),
            "end": format_time(end),
        }
    return f"{format_datetime(start)} – {format_datetime(end)}"


def absolute_url(path: str) -> str:
    """Links in mail, calendars and structured data point at the site's public address."""
    return site_url(path)
