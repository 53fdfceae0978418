"""Form helpers shared by every app's views."""

from __future__ import annotations

from django import forms


def error_links(*bound_forms: forms.Form | None) -> list[tuple[str, str]]:
    """(message, anchor) pairs for templates/components/error_summary.html, in field order.
    A field error links to its input (a radio group to its first option); an error on the
    whole form links to "<prefix>-form" ("form-form" without a prefix). Unbound or missing
    forms give nothing."""
    links: list[tuple[str, str]] = []
    for form in bound_forms:
        if form is None or not form.is_bound:
            continue
        for name, errors in form.errors.items():
            if name not in form.fields:
                links += [(message, f"{form.prefix or 'form'}-form") for message in errors]
                continue
            field = form[name]
            radio = getattr(field.field.widget, "input_type", "") == "radio"
            links += [(message, field.auto_id + ("_0" if radio else "")) for message in errors]
    return links
