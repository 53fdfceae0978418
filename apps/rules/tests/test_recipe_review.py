"""A recipe whose cited rules changed after its review tells readers so, until an editor
marks it reviewed."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext

from apps.accounts.tests.factories import UserFactory
from apps.cookbook.selectors import recipes_to_review
from apps.cookbook.tests.factories import (
    ChapterPageFactory,
    CookbookIndexPageFactory,
    RecipePageFactory,
)
from apps.core.models import AuditEvent
from apps.rules.models import RecipeRulesReview
from apps.rules.services import EDITORS_GROUP_NAME

from .factories import LegalRuleFactory, ThresholdFactory

pytestmark = pytest.mark.django_db
NOTICE = "The rules have changed since this recipe was reviewed"


@pytest.fixture
def recipe(home_page):
    rule = LegalRuleFactory(code="foa-5-3", citation="FOA § 5-3")
    other = LegalRuleFactory(code="foa-8-8", citation="FOA § 8-8")
    book = CookbookIndexPageFactory(parent=home_page)
    chapter = ChapterPageFactory(parent=book)
    page = RecipePageFactory(parent=chapter, title="Over terskelen", legal_rules=[rule])
    RecipePageFactory(parent=chapter, title="Reservert", legal_rules=[other])
    return page


def _notice_shown(client, page) -> bool:
    html = client.get(page.url).content.decode()
    with translation.override("nb"):
        return gettext(NOTICE) in html


def test_the_bokmal_notice_says_what_the_issue_asks():
    with translation.override("nb"):
        assert gettext(NOTICE) == "Regelverket er endret etter at denne oppskriften ble gjennomgått"


def test_no_notice_while_the_rules_are_as_reviewed(client, recipe):
    assert not _notice_shown(client, recipe)
    assert recipes_to_review() == []


def test_a_changed_rule_shows_the_notice_until_an_editor_marks_the_recipe(client, recipe):
    rule = recipe.legal_rule_links.get().rule
    rule.summary = "Ny tekst etter endringen"
    rule.save()
    assert _notice_shown(client, recipe)
    assert [entry.page.pk for entry in recipes_to_review()] == [recipe.pk]

    editor = UserFactory()
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP_NAME))
    client.force_login(editor)
    response = client.post(f"/admin/lovvakt/gjennomgatt/{recipe.pk}/")
    assert response.status_code == 302
    assert RecipeRulesReview.objects.get(page=recipe).reviewed_by == editor
    assert AuditEvent.objects.filter(action="rules.recipe_reviewed").count() == 1
    client.logout()
    assert not _notice_shown(client, recipe)


def test_verifying_a_rule_is_not_a_change_of_the_law(client, recipe):
    rule = recipe.legal_rule_links.get().rule
    rule.verified = False
    rule.checked_on = datetime.date(2026, 12, 1)
    rule.save()
    assert not _notice_shown(client, recipe)


def test_a_new_threshold_row_changes_the_rule_that_states_it(client, recipe):
    ThresholdFactory(key="eea_works", amount=60_000_000, valid_from=datetime.date(2027, 1, 1))
    assert _notice_shown(client, recipe)
    assert [entry.changed_codes for entry in recipes_to_review()] == [["foa-5-3"]]


def test_only_editors_may_mark_a_recipe_reviewed(client, recipe):
    rule = recipe.legal_rule_links.get().rule
    rule.summary = "Endret"
    rule.save()
    client.force_login(UserFactory())
    response = client.post(f"/admin/lovvakt/gjennomgatt/{recipe.pk}/")
    assert response.status_code == 302
    assert not RecipeRulesReview.objects.exists()
