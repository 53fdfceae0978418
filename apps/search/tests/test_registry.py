import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy

from apps.core.models import StandardPage
from apps.rules.models import LegalRule
from apps.search import registry
from apps.search.registry import register_result_type, result_type_label


def test_known_models_have_their_labels():
    with translation.override("en"):
        assert result_type_label(LegalRule) == "Legal rule"
        assert result_type_label(StandardPage) == "Page"


@pytest.mark.django_db
def test_registering_a_type_is_one_line(monkeypatch):
    monkeypatch.setattr(registry, "RESULT_TYPE_LABELS", dict(registry.RESULT_TYPE_LABELS))
    register_result_type("core.StandardPage", gettext_lazy("Example"))
    with translation.override("en"):
        assert result_type_label(StandardPage()) == "Example"


def test_the_examples_bank_is_named_by_search_itself():
    """The examples app below search registers nothing into it (docs/decisions/0022)."""
    from apps.cases.models import CaseIndexPage, CasePage

    with translation.override("en"):
        assert result_type_label(CasePage) == "Example"
        assert result_type_label(CaseIndexPage) == "Examples bank"
