"""The notice on a recipe whose cited rules changed after an editor last reviewed it."""

from django import template

from apps.rules.selectors import changed_rule_codes_for_page

register = template.Library()


@register.inclusion_tag("rules/_rules_changed_notice.html")
def rules_changed_notice(page, cited_rules):
    """`cited_rules`: the recipe page's cited rules (each with `.rule`), fetched by the view."""
    return {"changed": changed_rule_codes_for_page(page=page, cited_rules=cited_rules or [])}
