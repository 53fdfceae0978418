import pytest
from django.core.exceptions import ValidationError

from apps.cases import selectors
from apps.cases.models import CasePage
from apps.cases.services import CaseIndexMissing, UnknownMunicipality, case_create_draft
from apps.core.models import AuditEvent

from .factories import CasePageFactory

pytestmark = pytest.mark.django_db


def test_draft_is_created_unpublished_under_the_index_with_credit(case_index, user):
    case = case_create_draft(
        title="Matglede i Bodø",
        summary="En idé fra dialogmøtet.",
        municipality_code="1804",
        author=user,
        source_note="Innspill fra Kari Nordmann på dialogmøtet 14. juni.",
    )

    case = CasePage.objects.get(pk=case.pk)
    assert case.get_parent().pk == case_index.pk
    assert case.live is False
    assert case.has_unpublished_changes is True
    assert case.slug == "matglede-i-bodo"
    assert case.municipality.name == "Bodø"
    assert case.origin_note == "Innspill fra Kari Nordmann på dialogmøtet 14. juni."
    assert case.owner == user
    assert case.latest_revision.user == user
    assert list(selectors.case_list()) == []
    event = AuditEvent.objects.get(action="cases.case_create_draft")
    assert event.actor == user
    assert event.object_id == str(case.pk)


def test_draft_without_municipality_or_author_is_allowed(case_index):
    case = case_create_draft(title="Ukjent sted", summary="Vi vet ikke hvor.", municipality_code="")

    assert case.municipality is None
    assert case.owner is None


def test_draft_titles_get_free_slugs(case_index):
    CasePageFactory(parent=case_index, title="Samme tittel", slug="samme-tittel")

    first = case_create_draft(title="Samme tittel", summary="a", municipality_code="0301")
    second = case_create_draft(title="Samme tittel", summary="b", municipality_code="0301")

    assert [first.slug, second.slug] == ["samme-tittel-2", "samme-tittel-3"]


def test_three_digit_oslo_number_is_understood(case_index):
    case = case_create_draft(title="Oslo", summary="a", municipality_code="301")

    assert case.municipality.code == "0301"


def test_unknown_municipality_is_refused_and_nothing_is_created(case_index):
    with pytest.raises(UnknownMunicipality):
        case_create_draft(title="Feil", summary="a", municipality_code="9999")

    assert not CasePage.objects.exists()


def test_draft_needs_an_examples_bank(home_page):
    with pytest.raises(CaseIndexMissing):
        case_create_draft(title="Ingen bank", summary="a", municipality_code="0301")


def test_end_year_before_start_year_is_refused(case_index):
    case = CasePageFactory(parent=case_index, start_year=2020, end_year=2021)
    case.end_year = 2019
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "end_year" in error.value.message_dict


def test_period_label(case_index):
    case = CasePageFactory.build(start_year=2017, end_year=2019)
    assert case.period_label == "2017–2019"
    case.end_year = None
    assert case.is_ongoing
    assert "2017" in case.period_label
    case.start_year = None
    assert not case.is_ongoing
