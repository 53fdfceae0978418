"""{% jsonld page %} and {% opengraph %}: machine-readable facts in a page's head."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from apps.opendata.structured import json_for_script, opengraph, structured_data

register = template.Library()


@register.inclusion_tag("opendata/jsonld.html", takes_context=True)
def jsonld(context, page=None) -> dict:
    request = context.get("request")
    data = structured_data(
        page=page or None, organisation=context.get("organisation"), request=request
    )
    return {"jsonld": mark_safe(json_for_script(data)) if data else ""}  # noqa: S308


@register.inclusion_tag("opendata/opengraph.html", takes_context=True)
def opengraph_tags(context, title: str = "", description: str = "") -> dict:
    """OpenGraph tags and the canonical link. A view without a Wagtail page can pass its own
    title and description."""
    facts = opengraph(page=context.get("page") or None, request=context.get("request"))
    return {
        "og": facts,
        "og_title": title or facts["title"],
        "og_description": description
        or facts["description"]
        or gettext(
            "How Norwegian municipalities and social entrepreneurs work together: "
            "recipes, law, examples."
        ),
        "SITE_NAME": context.get("SITE_NAME", "Kokeboka"),
    }
