"""Which organisation is meant: its number and municipality beside its name, so that two
organisations with the same name (two "Pøbelprosjektet") can be told apart on need pages,
match cards, collaborations and introductions (issue 12, item 4)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def org_identity(organisation) -> str:
    """« · org. no. 923609016 · Bærum» after a name; nothing when neither is known. Reads
    `organisation.municipality` only when it is set, so callers select_related it."""
    if organisation is None:
        return ""
    parts = []
    if organisation.org_number:
        parts.append(_("org. no. %(number)s") % {"number": organisation.org_number})
    if organisation.municipality_id:
        parts.append(organisation.municipality.name)
    if not parts:
        return ""
    return format_html('<span class="org-identity"> · {}</span>', " · ".join(parts))
