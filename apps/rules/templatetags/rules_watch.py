"""The notice on a recipe whose cited rules changed after an editor last reviewed it."""

from django import template

from apps.rules.selectors import changed_rule_codes_for_recipe

register = template.Library()


@register.inclusion_tag("rules/_rules_changed_notice.html")
def rules_changed_notice(page):
    codes = [link.rule.code for link in page.legal_rule_links.all()]
    changed = changed_rule_codes_for_recipe(page=page, codes=codes) if codes else []
    return {"changed": changed}
