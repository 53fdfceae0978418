"""Accessible form fields with Designsystemet classes: label, help text and validation
message linked with aria-describedby, aria-invalid on errors."""

from django import forms, template

register = template.Library()


@register.simple_tag
def field_widget(bound_field):
    widget = bound_field.field.widget
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}-help")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}-error")
    attrs = {"class": "ds-input"}
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    if bound_field.field.required and not isinstance(widget, forms.CheckboxInput):
        attrs["required"] = True
    return bound_field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(bound_field) -> bool:
    return isinstance(bound_field.field.widget, forms.CheckboxInput)
