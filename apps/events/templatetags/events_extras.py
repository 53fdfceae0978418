from django import template

from apps.events import formatting

register = template.Library()


@register.simple_tag
def event_when(event) -> str:
    """«tirsdag 14. juni 2016, 10.00–15.00» in Norwegian time."""
    return formatting.event_when(event)


@register.filter
def oslo_datetime(value) -> str:
    return formatting.format_datetime(value) if value else ""
