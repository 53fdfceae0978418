"""What brokers see of the register in their review queue:
`{% register_checks profiles "organisation.org_number" as checks %}` reads the kept answers
for a whole list in one query, and `{% register_flag checks number %}` shows a number that
needs a broker's eye (not found, deleted, bankrupt or being wound up)."""

from functools import reduce

from django import template

from ..selectors import checks_for

register = template.Library()


@register.simple_tag
def register_checks(items, path: str = ""):
    """`items`' organisation numbers (each item itself, or the dotted attribute `path`)."""

    def number(item):
        return reduce(lambda obj, name: getattr(obj, name, None), path.split("."), item)

    return checks_for(number(item) if path else item for item in items)


@register.inclusion_tag("registers/flag.html")
def register_flag(checks, number):
    check = checks.get(number) if number else None
    return {"check": check if check is not None and check.needs_broker else None}
