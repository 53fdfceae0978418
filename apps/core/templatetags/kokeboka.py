from django import template
from django.utils.safestring import SafeString

from apps.core.sanitize import clean_html

register = template.Library()


@register.filter(name="sanitize")
def sanitize(value: str) -> SafeString:
    return clean_html(value)


@register.filter(name="nok")
def nok(value) -> str:
    """NOK amounts with a space as thousands separator, as Norwegians write them."""
    if value is None or value == "":
        return ""
    return f"{int(value):,}".replace(",", "\u00a0")
