"""The examples bank makes the example of a finished collaboration; other apps only ask."""

from decimal import Decimal

import pytest

from apps.accounts.tests.factories import OrganisationFactory
from apps.cases.models import CasePage
from apps.cases.services import (
    CaseIndexMissing,
    ExampleOutcome,
    example_submit_from_collaboration,
    paragraphs,
)
from apps.core.models import AuditEvent, Sector
from apps.core.selectors import municipality_by_code

pytestmark = pytest.mark.django_db


def _submit(**overrides):
    values = {
        "title": "Arbeidstrening i Bodø",
        "summary": "Ungdom i jobb.",
        "municipality": municipality_by_code("1804"),
        "entrepreneur": OrganisationFactory(name="Grønt Arbeid SA", website="https://gront.no"),
        "collaboration_form": "",
        "start_year": 2025,
        "end_year": 2026,
        "story": "Første avsnitt.\n\nAndre <b>avsnitt</b>\nmed linjeskift.",
        "lessons_learned": "",
        "origin_note": "Fulgt som samarbeid.",
        "sectors": Sector.objects.filter(code="arbeid"),
        "target_groups": [],
        "recipes": [],
        "outcomes": [ExampleOutcome(name="Deltakere i jobb", value=Decimal("12"), unit="personer")],
        "author": None,
    }
    return example_submit_from_collaboration(**(values | overrides))


def test_the_example_is_an_unpublished_draft_under_the_bank_with_its_parts(case_index, user):
    case = _submit(author=user)

    assert case.get_parent().pk == case_index.pk
    assert case.live is False
    assert case.slug == "arbeidstrening-i-bodo"
    assert case.entrepreneur_organisation.name == "Grønt Arbeid SA"
    assert case.entrepreneur_url == "https://gront.no"
    assert case.story == (
        "<p>Første avsnitt.</p><p>Andre &lt;b&gt;avsnitt&lt;/b&gt;<br>med linjeskift.</p>"
    )
    assert [(o.name, o.value, o.unit) for o in case.outcomes.all()] == [
        ("Deltakere i jobb", Decimal("12.00"), "personer")
    ]
    assert case.owner == user
    assert AuditEvent.objects.get(action="cases.case_submitted_from_collaboration").actor == user


def test_a_second_example_with_the_same_title_gets_the_next_free_slug(case_index):
    assert [_submit().slug, _submit().slug] == ["arbeidstrening-i-bodo", "arbeidstrening-i-bodo-2"]


def test_without_a_live_examples_bank_nothing_is_written(home_page):
    with pytest.raises(CaseIndexMissing):
        _submit()
    assert not CasePage.objects.exists()


def test_paragraphs_escape_and_skip_empty_blocks():
    assert (
        paragraphs("\r\n\r\n<script>x</script>\r\n\r\n\r\n")
        == "<p>&lt;script&gt;x&lt;/script&gt;</p>"
    )
