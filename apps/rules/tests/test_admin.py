import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from apps.accounts.tests.factories import UserFactory
from apps.rules.models import LegalRule, Threshold
from apps.rules.services import EDITORS_GROUP_NAME

from .factories import LegalRuleFactory, ThresholdFactory

pytestmark = pytest.mark.django_db

RULE_NS = "wagtailsnippets_rules_legalrule"
THRESHOLD_NS = "wagtailsnippets_rules_threshold"


@pytest.fixture
def redaktor():
    user = UserFactory()
    user.groups.add(Group.objects.get(name=EDITORS_GROUP_NAME))
    return user


def _threshold_form(**overrides) -> dict:
    data = {
        "key": "national",
        "amount": "1500000",
        "valid_from": "2026-01-01",
        "valid_to": "",
        "citation": "FOA § 5-1",
        "source_url": "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974",
        "verification_note": "",
    }
    data.update(overrides)
    return data


def test_migration_gives_editors_group_the_snippet_permissions():
    group = Group.objects.get(name=EDITORS_GROUP_NAME)
    codenames = set(group.permissions.values_list("codename", flat=True))
    for model in ("legalrule", "threshold"):
        for action in ("add", "change", "delete", "view"):
            assert f"{action}_{model}" in codenames
    assert "access_admin" in codenames


def test_group_member_sees_the_regelverk_menu(client, redaktor):
    client.force_login(redaktor)
    html = client.get("/admin/").content.decode()
    assert "Regelverk" in html
    assert reverse(f"{THRESHOLD_NS}:list") in html


def test_group_member_can_list_filter_and_search(client, redaktor):
    LegalRuleFactory(code="foa-8-8", title="Reserverte kontrakter", verified=True)
    LegalRuleFactory(code="markedsdialog", title="Dialog med markedet", verified=False)
    client.force_login(redaktor)
    url = reverse(f"{RULE_NS}:list")
    assert client.get(url).status_code == 200
    filtered = client.get(url, {"verified": "false"}).content.decode()
    assert "Dialog med markedet" in filtered and "Reserverte kontrakter" not in filtered
    searched = client.get(url, {"q": "reserverte"}).content.decode()
    assert "Reserverte kontrakter" in searched and "Dialog med markedet" not in searched
    thresholds = client.get(reverse(f"{THRESHOLD_NS}:list"), {"key": "national"})
    assert thresholds.status_code == 200


def test_a_staff_user_outside_the_group_cannot_edit(client):
    rule = LegalRuleFactory()
    outsider = UserFactory(is_staff=True)
    outsider.groups.add(Group.objects.get_or_create(name="Andre")[0])
    client.force_login(outsider)
    for url in (reverse(f"{RULE_NS}:list"), reverse(f"{RULE_NS}:edit", args=[rule.pk])):
        response = client.get(url)
        # Without admin access Wagtail sends the person to the login page.
        assert response.status_code == 302
        assert response["Location"] == f"/konto/logg-inn/?next={url}"


def test_overlap_error_is_shown_in_the_form(client, redaktor):
    ThresholdFactory(key="national", valid_from="2018-04-06")
    client.force_login(redaktor)
    response = client.post(reverse(f"{THRESHOLD_NS}:add"), _threshold_form())
    assert response.status_code == 200
    # The clashing row is named in the error, in whichever language the editor uses.
    assert "2018-04-06" in response.content.decode()
    assert Threshold.objects.count() == 1


def test_editing_creates_history_that_the_history_view_shows(client, redaktor):
    row = ThresholdFactory(key="national", valid_from="2018-04-06")
    client.force_login(redaktor)
    response = client.post(
        reverse(f"{THRESHOLD_NS}:edit", args=[row.pk]),
        _threshold_form(valid_from="2018-04-06", valid_to="2025-12-31", verified="on"),
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert str(row.valid_to) == "2025-12-31"
    assert row.revisions.count() == 1
    assert ModelLogEntry.objects.filter(object_id=str(row.pk), action="wagtail.edit").exists()
    history = client.get(reverse(f"{THRESHOLD_NS}:history", args=[row.pk]))
    assert history.status_code == 200
    assert redaktor.get_full_name() in history.content.decode()


def test_rule_can_be_created_and_its_history_viewed(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse(f"{RULE_NS}:add"),
        {
            "title": "Ny regel",
            "code": "ny-regel",
            "law": "Anskaffelsesloven",
            "summary": "Et sammendrag.",
            "valid_from": "2026-01-01",
            "valid_to": "",
            "citation": "LOA § 99",
            "source_url": "https://lovdata.no/dokument/NL/lov/2016-06-17-73",
            "verification_note": "",
        },
    )
    assert response.status_code == 302
    rule = LegalRule.objects.get(code="ny-regel")
    assert rule.revisions.count() == 1
    assert ModelLogEntry.objects.filter(object_id=str(rule.pk), action="wagtail.create").exists()
    history = client.get(reverse(f"{RULE_NS}:history", args=[rule.pk]))
    assert history.status_code == 200
    assert editor.get_full_name() in history.content.decode()
