"""The shared filter form (templates/components/filter_form.html): its optional fragment,
clear_label and summary_alert serve a filter inside a long page (the rules page's date),
and leave out, a list page's form is drawn as before: it submits to the page itself, its
clear link is "?", and its summary has no role."""

from bs4 import BeautifulSoup
from django import forms
from django.template.loader import render_to_string
from django.utils import translation


class KindFilter(forms.Form):
    kind = forms.ChoiceField(label="Kind", required=False, choices=[("", "All"), ("a", "Alpha")])


def _render(data, **options) -> BeautifulSoup:
    context = {
        "form": KindFilter(data),
        "heading": "Filter",
        "ignored_note": "That value was ignored.",
        "submit_label": "Show",
        "section_class": "sample-filters",
        **options,
    }
    with translation.override("en"):
        return BeautifulSoup(
            render_to_string("components/filter_form.html", context), "html.parser"
        )


def test_without_options_the_form_submits_to_the_page_and_clears_to_a_bare_query():
    soup = _render({"kind": "zz"})
    assert soup.form["action"] == ""
    clear = soup.select_one(".filters__actions a")
    assert clear["href"] == "?" and clear.get_text() == "Clear filters"
    summary = soup.select_one(".ds-error-summary")
    assert summary is not None and not summary.has_attr("role")


def test_fragment_label_and_alert_are_used_when_given():
    soup = _render(
        {"kind": "zz"}, fragment="terskelverdier", clear_label="Show today", summary_alert=True
    )
    assert soup.form["action"] == "#terskelverdier"
    clear = soup.select_one(".filters__actions a")
    assert clear["href"] == "?#terskelverdier" and clear.get_text() == "Show today"
    assert soup.select_one(".ds-error-summary")["role"] == "alert"
    assert soup.select_one('.ds-error-summary a[href="#id_kind"]') is not None


def test_an_unbound_form_offers_no_clear_link_and_no_summary():
    soup = _render(None, fragment="terskelverdier", clear_label="Show today", summary_alert=True)
    assert soup.select_one(".filters__actions a") is None
    assert soup.select_one(".ds-error-summary") is None
