"""The table of stage moves, written out here as the specification: every pair of stages is
checked, the allowed ones and the refused ones."""

import itertools

import pytest

from apps.collaborations.stages import ORDER, Stage, can_move, is_final, next_stages

D, U, P, A, R, X = (
    Stage.DIALOG,
    Stage.UTFORSKING,
    Stage.UTPROVING,
    Stage.AVTALE,
    Stage.DRIFT,
    Stage.AVSLUTTET,
)
SPEC = {
    (D, U), (D, X),
    (U, D), (U, P), (U, A), (U, X),
    (P, U), (P, A), (P, X),
    (A, P), (A, R), (A, X),
    (R, A), (R, X),
}  # fmt: skip


@pytest.mark.parametrize("from_stage,to_stage", list(itertools.product(ORDER, ORDER)))
def test_every_move_is_allowed_or_refused_as_specified(from_stage, to_stage):
    assert can_move(from_stage, to_stage) is ((from_stage, to_stage) in SPEC)


def test_no_stage_moves_to_itself():
    assert not any(can_move(stage, stage) for stage in ORDER)


def test_unknown_stages_never_move():
    assert not can_move("nonsense", D)
    assert not can_move(D, "nonsense")


def test_next_stages_come_in_pipeline_order():
    assert next_stages(U) == [D, P, A, X]
    assert next_stages(X) == []


def test_only_finished_is_final():
    assert [stage for stage in ORDER if is_final(stage)] == [X]


def test_stages_are_the_six_of_the_issue_in_order():
    assert ORDER == ("dialog", "utforsking", "utproving", "avtale", "drift", "avsluttet")
