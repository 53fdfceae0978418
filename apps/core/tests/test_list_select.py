"""The filters' native select (apps.core.widgets.ListSelect) draws what Django's Select
draws, without a template per option (issue 13: 357 municipalities took about 40 ms)."""

import re

from django import forms

from apps.core.widgets import ListSelect

CHOICES = [
    ("", "All municipalities"),
    ("3201", "Bærum"),
    ("0301", "Oslo <by>"),
    ("3201", "Bærum again"),
    ("Vestland", [("4601", "Bergen"), ("4602", "Kinn & co")]),
]


def _tags(html: str) -> str:
    """The markup without the whitespace between tags (the two differ only there)."""
    return re.sub(r">\s+<", "><", html.strip())


def _both(value, attrs=None):
    django = forms.Select(choices=CHOICES).render("municipality", value, attrs=attrs)
    ours = ListSelect(choices=CHOICES).render("municipality", value, attrs=attrs)
    return _tags(django), _tags(ours)


def test_the_same_markup_as_djangos_select_for_every_value():
    attrs = {"id": "filter_municipality", "class": "ds-input", "aria-describedby": "x_help"}
    for value in (None, "", "3201", "0301", "4602", "9999"):
        django, ours = _both(value, attrs)
        assert ours == django, value


def test_only_the_first_option_with_the_value_is_selected_and_text_is_escaped():
    html = ListSelect(choices=CHOICES).render("municipality", "3201")
    assert html.count(" selected") == 1
    assert '<option value="3201" selected>Bærum</option>' in html
    assert "Oslo &lt;by&gt;" in html
    assert "Kinn &amp; co" in html
    assert '<optgroup label="Vestland">' in html


def test_the_filters_of_the_needs_entrepreneurs_examples_and_insights_use_it(db):
    from apps.broker.forms import NeedFilterForm, ProfileFilterForm
    from apps.cases.forms import CaseFilterForm
    from apps.insights.filters import InsightFilterForm

    need_form = NeedFilterForm(municipalities=[])
    profile_form = ProfileFilterForm()
    for form, names in (
        (need_form, ("sector", "target_group", "county", "municipality", "status")),
        (profile_form, ("sector", "target_group", "municipality", "maturity")),
        (CaseFilterForm(), ("sector", "form", "county", "municipality")),
        (InsightFilterForm(), ("county", "municipality", "year_from", "year_to")),
    ):
        for name in names:
            assert isinstance(form.fields[name].widget, ListSelect), name
