"""The shared form-field component (templates/components/field.html): every control keeps its
label, the optional marker, help text and error message linked by aria-describedby,
aria-invalid on errors and the value that was typed, so forms built on it stay accessible and
never lose what the user wrote."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.template.loader import render_to_string
from django.utils import translation


class SampleForm(forms.Form):
    name = forms.CharField(label="Name", max_length=50, help_text="As on your ID")
    nickname = forms.CharField(label="Nickname", required=False, max_length=20)
    count = forms.IntegerField(label="Count", min_value=1, max_value=9, required=False)
    due = forms.DateField(label="Due", required=False)
    story = forms.CharField(label="Story", widget=forms.Textarea, max_length=500)
    kind = forms.ChoiceField(
        label="Kind", choices=[("", "Choose"), ("a", "Alpha"), ("b", "Beta")], help_text="Pick one"
    )
    agree = forms.BooleanField(label="I agree", help_text="Required to go on")
    answer = forms.ChoiceField(
        label="Interested?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        help_text="Answer honestly",
    )
    topics = forms.MultipleChoiceField(
        label="Topics",
        choices=[("x", "X-ray"), ("y", "Yarn")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


INVALID = {"name": "", "nickname": "Bo <b>", "count": "0", "due": "soon", "story": "", "kind": "zz"}
VALID = {
    "name": "Ann <script>",
    "count": "3",
    "due": "2026-05-01",
    "story": "Once\nupon",
    "kind": "b",
    "agree": "on",
    "answer": "no",
    "topics": ["y"],
}


def render(field, **params) -> BeautifulSoup:
    with translation.override("en"):
        html = render_to_string("components/field.html", {"field": field, **params})
    return BeautifulSoup(html, "html.parser")


def bound(data) -> SampleForm:
    form = SampleForm(data=data)
    form.is_valid()
    return form


def described_by(element) -> list[str]:
    return (element.get("aria-describedby") or "").split()


def test_text_input_with_help_and_no_errors():
    form = bound(VALID)
    soup = render(form["name"], **{"class": "x-field"})
    wrapper = soup.find("div")
    assert wrapper["class"] == ["ds-field", "x-field"]
    control = soup.find("input")
    assert soup.find("label")["for"] == control["id"] == "id_name"
    assert soup.find("label").get_text(strip=True) == "Name"  # required: no marker
    assert control["type"] == "text"
    assert control["value"] == "Ann <script>"
    assert "<script>" not in str(soup).replace("&lt;script&gt;", "")
    assert control["maxlength"] == "50"
    assert described_by(control) == ["id_name_help"]
    assert soup.find(id="id_name_help").get_text() == "As on your ID"
    assert not control.has_attr("aria-invalid")
    assert soup.find(class_="ds-validation-message") is None


def test_text_input_with_errors_links_the_message_and_keeps_the_value():
    form = bound(INVALID)
    soup = render(form["name"])
    control = soup.find("input")
    assert described_by(control) == ["id_name_help", "id_name_error"]
    assert control["aria-invalid"] == "true"
    assert soup.find(id="id_name_error").get_text() == "This field is required."

    soup = render(form["nickname"], optional_class="x-optional")
    control = soup.find("input")
    assert control["value"] == "Bo <b>"
    marker = soup.find("label").find("span")
    assert marker["class"] == ["x-optional"]
    assert marker.get_text() == "(optional)"
    assert not control.has_attr("aria-describedby")


def test_optional_marker_defaults_to_meta_and_input_options():
    soup = render(
        SampleForm()["nickname"], type="email", autocomplete="nickname", inputmode="email"
    )
    control = soup.find("input")
    assert soup.find("label").find("span")["class"] == ["meta"]
    assert (control["type"], control["autocomplete"], control["inputmode"]) == (
        "email",
        "nickname",
        "email",
    )


def test_number_bounds_only_when_asked_and_errors_keep_the_typed_number():
    form = bound(INVALID)
    plain = render(form["count"], type="number").find("input")
    assert not plain.has_attr("min") and not plain.has_attr("max")
    soup = render(form["count"], type="number", bounds=True)
    control = soup.find("input")
    assert (control["min"], control["max"], control["value"]) == ("1", "9", "0")
    assert described_by(control) == ["id_count_error"]
    assert "greater than or equal to 1" in soup.find(id="id_count_error").get_text()


def test_date_value_is_iso_whether_initial_or_typed():
    initial = SampleForm(initial={"due": datetime.date(2026, 3, 1)})
    assert render(initial["due"], type="date").find("input")["value"] == "2026-03-01"
    typed = render(bound(INVALID)["due"], type="date").find("input")
    assert typed["value"] == "soon"
    assert typed["aria-invalid"] == "true"


def test_textarea_keeps_text_rows_and_errors():
    soup = render(bound(VALID)["story"], type="textarea", rows=7)
    area = soup.find("textarea")
    assert (area["rows"], area["maxlength"], area.get_text()) == ("7", "500", "Once\nupon")
    assert not area.has_attr("aria-describedby")
    assert render(SampleForm()["story"], type="textarea").find("textarea")["rows"] == "4"

    soup = render(bound(INVALID)["story"], type="textarea")
    area = soup.find("textarea")
    assert described_by(area) == ["id_story_error"]
    assert area["aria-invalid"] == "true"
    assert soup.find(id="id_story_error").get_text() == "This field is required."


def test_select_marks_the_chosen_option_and_links_help_and_error():
    soup = render(bound(VALID)["kind"], type="select")
    select = soup.find("select")
    assert [o["value"] for o in select.find_all("option")] == ["", "a", "b"]
    assert [o["value"] for o in select.find_all("option", selected=True)] == ["b"]
    assert described_by(select) == ["id_kind_help"]

    soup = render(bound(INVALID)["kind"], type="select")
    select = soup.find("select")
    assert select.find("option", selected=True) is None
    assert described_by(select) == ["id_kind_help", "id_kind_error"]
    assert "Select a valid choice" in soup.find(id="id_kind_error").get_text()


def test_single_checkbox_has_its_label_after_it_and_keeps_its_state():
    soup = render(bound(VALID)["agree"], type="checkbox")
    box = soup.find("input")
    assert box["type"] == "checkbox"
    assert box.has_attr("checked")
    assert box.find_next_sibling("label")["for"] == "id_agree"
    assert described_by(box) == ["id_agree_help"]

    soup = render(bound(INVALID)["agree"], type="checkbox")
    box = soup.find("input")
    assert not box.has_attr("checked")
    assert box["aria-invalid"] == "true"
    assert described_by(box) == ["id_agree_help", "id_agree_error"]
    assert soup.find(id="id_agree_error").get_text() == "This field is required."


def test_radio_group_is_a_fieldset_described_by_help_and_error():
    soup = render(bound(VALID)["answer"], type="radio", **{"class": "x-field"})
    fieldset = soup.find("fieldset")
    assert fieldset["class"] == ["ds-fieldset", "x-field"]
    assert fieldset["id"] == "id_answer"
    assert fieldset.find("legend").get_text() == "Interested?"
    assert described_by(fieldset) == ["id_answer_help"]
    radios = fieldset.find_all("input")
    assert [(r["type"], r["value"], r.has_attr("checked")) for r in radios] == [
        ("radio", "yes", False),
        ("radio", "no", True),
    ]
    for radio in radios:
        assert soup.find("label", attrs={"for": radio["id"]}) is not None

    soup = render(bound(INVALID)["answer"], type="radio")
    fieldset = soup.find("fieldset")
    assert described_by(fieldset) == ["id_answer_help", "id_answer_error"]
    assert all(r["aria-invalid"] == "true" for r in fieldset.find_all("input"))
    assert fieldset.find(id="id_answer_error").get_text() == "This field is required."


def test_checkbox_group_keeps_every_ticked_choice():
    soup = render(bound(VALID)["topics"], type="checkboxes")
    boxes = soup.find("fieldset").find_all("input")
    assert [(b["type"], b["name"], b.has_attr("checked")) for b in boxes] == [
        ("checkbox", "topics", False),
        ("checkbox", "topics", True),
    ]
    assert not soup.find("fieldset").has_attr("aria-describedby")


@pytest.mark.parametrize("language,marker", [("nb", "(valgfritt)"), ("nn", "(valfritt)")])
def test_optional_marker_is_translated(language, marker):
    with translation.override(language):
        html = render_to_string("components/field.html", {"field": SampleForm()["nickname"]})
    assert marker in html


# type="widget": the form's own widget draws the control --------------------------------


class WidgetForm(forms.Form):
    email = forms.EmailField(
        label="Email",
        help_text="We write to it",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "class": "wide"}),
    )
    note = forms.CharField(
        label="Note", required=False, max_length=80, widget=forms.Textarea(attrs={"rows": 2})
    )
    sent = forms.CharField(label="Sent", required=False)
    agree = forms.BooleanField(label="I agree")
    frequency = forms.ChoiceField(
        label="How often", choices=[("day", "Daily"), ("week", "Weekly")], widget=forms.RadioSelect
    )
    topics = forms.MultipleChoiceField(
        label="Topics",
        choices=[("x", "X-ray"), ("y", "Yarn")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Any number",
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sent"].label_note = "must be filled in before submission"


class GroupWidget(forms.CheckboxSelectMultiple):
    """Stands for a widget that draws its own group of inputs (like broker's area chooser)."""

    template_name = "django/forms/widgets/checkbox_select.html"
    draws_group = True
    describedby_suffixes = ("_chosen",)


class GroupForm(forms.Form):
    areas = forms.MultipleChoiceField(
        label="Areas", choices=[("1", "Oslo")], widget=GroupWidget, help_text="Where"
    )


def widget_render(field, **params) -> BeautifulSoup:
    return render(field, type="widget", **params)


def test_widget_control_keeps_its_own_attributes_and_gets_the_aria_links():
    form = WidgetForm(data={"email": "not-an-address"})
    form.is_valid()
    soup = widget_render(form["email"])
    control = soup.find("input")
    assert (control["type"], control["autocomplete"]) == ("email", "email")
    assert control["class"] == ["wide", "ds-input"]
    assert control["value"] == "not-an-address"
    assert control.has_attr("required")
    assert described_by(control) == ["id_email_help", "id_email_error"]
    assert control["aria-invalid"] == "true"
    assert soup.find("label")["for"] == "id_email"
    assert soup.find(id="id_email_help").get_text() == "We write to it"
    assert "valid email" in soup.find(id="id_email_error").get_text()


def test_widget_textarea_keeps_rows_and_typed_text_and_shows_the_optional_marker():
    form = WidgetForm(data={"note": "Hei <b>der</b>"})
    form.is_valid()
    soup = widget_render(form["note"], optional_class="x-optional")
    area = soup.find("textarea")
    # Django's textarea starts with a newline, which browsers drop.
    text = area.get_text().removeprefix("\n")
    assert (area["rows"], area["maxlength"], text) == ("2", "80", "Hei <b>der</b>")
    assert not area.has_attr("aria-describedby") and not area.has_attr("aria-invalid")
    assert soup.find("label").find("span", class_="x-optional").get_text() == "(optional)"


def test_a_label_note_replaces_the_optional_marker_and_hide_optional_drops_it():
    soup = widget_render(WidgetForm()["sent"])
    assert soup.find("label").get_text(" ", strip=True) == (
        "Sent (must be filled in before submission)"
    )
    assert (
        widget_render(WidgetForm()["note"], hide_optional=True).find("label").find("span") is None
    )


def test_widget_checkbox_puts_its_label_after_the_box():
    form = WidgetForm(data={})
    form.is_valid()
    soup = widget_render(form["agree"])
    box = soup.find("input")
    assert box["type"] == "checkbox" and box["class"] == ["ds-input"]
    assert box.find_next_sibling("label")["for"] == "id_agree"
    assert described_by(box) == ["id_agree_error"]
    assert box["aria-invalid"] == "true"


def test_widget_radio_and_checkbox_lists_become_fieldsets_with_one_input_per_choice():
    form = WidgetForm(data={"frequency": "week", "topics": ["y"]})
    form.is_valid()
    soup = widget_render(form["frequency"], choices_class="x-choices")
    fieldset = soup.find("fieldset")
    assert fieldset["id"] == "id_frequency"
    assert fieldset.find("legend").get_text(strip=True) == "How often"
    assert [(r["type"], r.has_attr("checked")) for r in fieldset.find_all("input")] == [
        ("radio", False),
        ("radio", True),
    ]
    assert fieldset.find("div", class_="x-choices") is not None

    soup = widget_render(form["topics"])
    fieldset = soup.find("fieldset")
    assert described_by(fieldset) == ["id_topics_help"]
    assert fieldset.find("legend").get_text(" ", strip=True) == "Topics (optional)"
    assert [(b["type"], b.has_attr("checked")) for b in fieldset.find_all("input")] == [
        ("checkbox", False),
        ("checkbox", True),
    ]


def test_a_widget_with_its_own_group_is_wrapped_in_a_described_fieldset():
    form = GroupForm(data={})
    form.is_valid()
    soup = widget_render(form["areas"], **{"class": "x-field"})
    fieldset = soup.find("fieldset")
    assert fieldset["class"] == ["ds-fieldset", "x-field"]
    assert described_by(fieldset) == ["id_areas_chosen", "id_areas_help", "id_areas_error"]
    assert fieldset.find("input", attrs={"name": "areas", "value": "1"}) is not None
    assert fieldset.find(id="id_areas_error").get_text() == "This field is required."


def test_a_hidden_field_is_only_its_input():
    soup = widget_render(WidgetForm(initial={"token": "abc"})["token"])
    assert soup.find("label") is None and soup.find("div") is None
    assert soup.find("input")["type"] == "hidden"
    assert soup.find("input")["value"] == "abc"


def test_help_text_may_hold_a_list():
    """Password help from Django's validators is an HTML list: it must stay inside the
    element the control is described by."""
    from django.contrib.auth.forms import SetPasswordForm
    from django.contrib.auth.models import AnonymousUser

    soup = widget_render(SetPasswordForm(AnonymousUser())["new_password1"])
    help_element = soup.find(id="id_new_password1_help")
    assert help_element.name == "div"
    assert help_element.find("ul") is not None
