"""Audit action names have one form, checked where the row is written (apps.core.services)."""

import ast
import pathlib

import pytest

from apps.core.services import audit_action_check

APPS = pathlib.Path(__file__).resolve().parents[2]


def _literal_actions() -> list[tuple[str, str]]:
    """Every action named as a plain string in an audit_record(...) call of the apps."""
    found = []
    for path in APPS.glob("*/**/*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "audit_record"):
                continue
            for keyword in node.keywords:
                if keyword.arg == "action" and isinstance(keyword.value, ast.Constant):
                    found.append((str(path.relative_to(APPS)), keyword.value.value))
    return found


def test_every_literal_audit_action_in_the_apps_has_the_one_form():
    actions = _literal_actions()
    assert len(actions) > 50  # the scan finds the calls
    for where, action in actions:
        assert audit_action_check(action) == action, where


@pytest.mark.parametrize(
    "name", ["submitted", "Fund.submitted", "fund.", "fund.need.was.updated", "fund.sent to x"]
)
def test_a_name_without_the_form_or_a_project_app_is_refused(name):
    with pytest.raises(ValueError):
        audit_action_check(name)
