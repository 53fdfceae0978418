"""What the one form-field component (templates/components/field.html) needs from Python: which
layout a field takes, the ids that describe its control, and the control itself when the
form's own widget draws it. Kept here so that no app needs a field template of its own."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms, template
from django.utils.safestring import SafeString

register = template.Library()


@dataclass(frozen=True)
class FieldParts:
    layout: str  # the type asked for, or (type="widget") a layout chosen by _layout
    describedby: str  # space-separated ids for aria-describedby ("" when none)
    bound_field: forms.BoundField

    @property
    def control(self) -> SafeString:
        """The form's own widget, with Designsystemet's class and the ARIA links added to
        whatever attributes the form gave it (autocomplete, rows, inputmode …)."""
        field = self.bound_field
        if self.layout == "hidden":
            return field.as_widget()
        classes = field.field.widget.attrs.get("class", "").split()
        if "ds-input" not in classes:
            classes.append("ds-input")
        attrs: dict[str, str] = {"class": " ".join(classes)}
        if self.describedby:
            attrs["aria-describedby"] = self.describedby
        if field.errors:
            attrs["aria-invalid"] = "true"
        return field.as_widget(attrs=attrs)


def _layout(field: forms.BoundField) -> str:
    widget = field.field.widget
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if getattr(widget, "draws_group", False):
        return "group"
    # Django's CheckboxSelectMultiple is a RadioSelect subclass: ask for it first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radio"
    return "widget"


@register.simple_tag
def field_parts(field: forms.BoundField, type: str | None = None) -> FieldParts:  # noqa: A002
    """The layout is the `type` the template asked for (text without one), or, with
    type="widget", follows the form's widget: a single checkbox, a radio or checkbox list
    (drawn one input per choice), a widget that draws its own group of inputs
    (`draws_group = True`; put in a fieldset and described also by the ids its
    `describedby_suffixes` name), a hidden input, or any other control drawn by the widget."""
    layout = _layout(field) if type == "widget" else (type or "text")
    ids = []
    if layout == "group":
        suffixes = getattr(field.field.widget, "describedby_suffixes", ())
        ids += [f"{field.auto_id}{suffix}" for suffix in suffixes]
    if field.help_text:
        ids.append(f"{field.auto_id}_help")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return FieldParts(layout=layout, describedby=" ".join(ids), bound_field=field)
