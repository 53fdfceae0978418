"""Every free text people write has a length limit (apps/core/limits.py), in the model and in
the forms that are not built from one (issue 19, finding 1)."""

import pytest
from django.apps import apps
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import translation
from wagtail.fields import RichTextField

from apps.core import limits

# Apps whose rows people write through the site; every text column of theirs is limited.
WRITTEN_APPS = [
    "broker",
    "collaborations",
    "events",
    "contributions",
    "grants",
    "cases",
    "blog",
    "insights",
    "routeguide",
]
# Text that nobody types: rich text composed by editors in Wagtail from limited parts, and
# the digest's own notification text.
NOT_TYPED = {("cases", "casepage", "story"), ("cases", "casepage", "lessons_learned")}
NOT_TYPED |= {("contributions", "notification", "text")}


def _text_fields():
    for label in WRITTEN_APPS:
        for model in apps.get_app_config(label).get_models():
            # Their own columns: a page's Wagtail columns (url_path, search_description) are
            # Wagtail's, written by editors.
            for field in model._meta.local_fields:
                if isinstance(field, models.CharField | models.TextField):
                    yield label, model._meta.model_name, field


@pytest.mark.parametrize(
    "label,model,field",
    [pytest.param(*item, id=f"{item[0]}.{item[1]}.{item[2].name}") for item in _text_fields()],
)
def test_every_text_column_people_write_has_a_limit(label, model, field):
    if (label, model, field.name) in NOT_TYPED or isinstance(field, RichTextField):
        return
    assert field.max_length is not None
    assert field.max_length <= limits.TRANSCRIPT


def _field(path: str, name: str):
    module, _, cls = path.rpartition(".")
    form_class = getattr(__import__(module, fromlist=[cls]), cls)
    return form_class.base_fields[name]


FORM_FIELDS = [
    ("apps.broker.forms.NeedForm", "description", limits.LONG_TEXT),
    ("apps.broker.forms.NeedForm", "affected", limits.TEXT),
    ("apps.broker.forms.NeedForm", "tried", limits.TEXT),
    ("apps.broker.forms.NeedForm", "outcome", limits.TEXT),
    ("apps.broker.forms.ProfileForm", "summary", limits.SUMMARY),
    ("apps.broker.forms.ProfileForm", "evidence", limits.LONG_TEXT),
    ("apps.broker.forms.OfferForm", "description", limits.LONG_TEXT),
    ("apps.broker.forms.ReviewForm", "note", limits.TEXT),
    ("apps.collaborations.forms.IntroductionForm", "message", limits.TEXT),
    ("apps.collaborations.forms.LogEntryForm", "text", limits.LONG_TEXT),
    ("apps.collaborations.forms.CollaborationEditForm", "outcome", limits.LONG_TEXT),
    ("apps.events.forms.InputForm", "text", limits.TEXT),
    ("apps.events.forms.RegistrationForm", "dietary_needs", limits.SHORT_TEXT),
    ("apps.grants.forms.ReportForm", "text", limits.DOCUMENT),
    ("apps.grants.forms.DecisionForm", "reasons", limits.LONG_TEXT),
    ("apps.fund.forms.ApplicationForm", "description", limits.DOCUMENT),
    ("apps.fund.forms.ApplicationForm", "need_text", limits.LONG_TEXT),
    ("apps.fund.forms.MilestoneForm", "description", limits.TEXT),
    ("apps.accounts.forms.OrganisationForm", "description", limits.LONG_TEXT),
]


@pytest.mark.parametrize("path,name,limit", FORM_FIELDS)
def test_form_fields_refuse_text_over_the_limit_in_bokmal(path, name, limit):
    field = _field(path, name)
    assert field.max_length == limit
    assert any(
        isinstance(v, MaxLengthValidator) and v.limit_value == limit for v in field.validators
    )
    assert field.widget_attrs(field.widget)["maxlength"] == str(limit)
    with translation.override("nb"):
        with pytest.raises(Exception) as refused:
            field.clean("a" * (limit + 1))
        # The message is lazy: read it while bokmål is active, not in whatever language an
        # earlier test in this process left behind.
        message = str(refused.value)
    assert f"Sørg for at denne verdien har {limit} eller færre tegn" in message


def test_limit_form_field_gives_a_model_form_field_the_same_limit():
    from django import forms

    field = forms.CharField(widget=forms.Textarea)
    limits.limit_form_field(field, limits.TEXT)
    assert field.widget.attrs["maxlength"] == str(limits.TEXT)
    field.clean("a" * limits.TEXT)
    with pytest.raises(forms.ValidationError):
        field.clean("a" * (limits.TEXT + 1))


@pytest.mark.django_db
def test_fund_criteria_and_required_attachments_have_limited_descriptions():
    from apps.fund.forms import CriterionFormSet, RequiredAttachmentFormSet

    for formset_class in (CriterionFormSet, RequiredAttachmentFormSet):
        description = formset_class().forms[0].fields["description"]
        assert description.max_length == limits.TEXT
