"""The grants demo's file (content/demo/grants/assessment.yaml) is valid, holds what the demo
shows, and a broken copy names its file and field."""

from decimal import Decimal

import pytest

from apps.core.content_files import ContentFileError
from apps.grants.demo_files import FOLDER, read_demo_content
from tests.content import broken_copy


def test_the_assessment_file_reads():
    plan = read_demo_content()
    assert [d.outcome for d in plan.decisions] == ["granted", "granted", "granted", "rejected"]
    assert plan.decisions[1].share == Decimal("0.8")
    assert len(plan.scores) == len(plan.decisions)
    assert all(len(reviewers) == 2 for reviewers in plan.scores)
    assert (plan.conflict.application, plan.conflict.reviewer) == (2, 2)
    assert len(plan.completed.final_report.indicators) == 3
    assert plan.running.progress_report.due_days == 14


def test_a_grant_without_a_share_names_file_and_field(tmp_path):
    folder, path = broken_copy(FOLDER, tmp_path, "assessment.yaml", "  share: 0.8\n", "")
    with pytest.raises(ContentFileError) as caught:
        read_demo_content(folder)
    assert caught.value.path == path
    assert caught.value.field == "decisions.2"
    assert "share" in caught.value.message
