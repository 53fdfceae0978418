"""The table of stage moves, written out here as the specification: every pair of stages is
checked, the allowed ones and the refused ones, and each allowed move is exactly one of a
plain move (one button), an ending (confirmation and outcome) or a reopening (a broker)."""

import itertools

import pytest

from apps.collaborations.stages import (
    ORDER,
    Stage,
    can_move,
    is_ending,
    is_final,
    is_plain_move,
    is_reopening,
    next_stages,
)

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
    (X, D), (X, U), (X, P), (X, A), (X, R),
}  # fmt: skip
ENDINGS = {(D, X), (U, X), (P, X), (A, X), (R, X)}
REOPENINGS = {(X, D), (X, U), (X, P), (X, A), (X, R)}


@pytest.mark.parametrize("from_stage,to_stage", list(itertools.product(ORDER, ORDER)))
def test_every_move_is_allowed_or_refused_as_specified(from_stage, to_stage):
    assert can_move(from_stage, to_stage) is ((from_stage, to_stage) in SPEC)


@pytest.mark.parametrize("from_stage,to_stage", list(itertools.product(ORDER, ORDER)))
def test_every_move_is_of_exactly_the_specified_kind(from_stage, to_stage):
    move = (from_stage, to_stage)
    assert is_ending(from_stage, to_stage) is (move in ENDINGS)
    assert is_reopening(from_stage, to_stage) is (move in REOPENINGS)
    assert is_plain_move(from_stage, to_stage) is (move in SPEC - ENDINGS - REOPENINGS)


def test_no_stage_moves_to_itself():
    assert not any(can_move(stage, stage) for stage in ORDER)


def test_unknown_stages_never_move():
    assert not can_move("nonsense", D)
    assert not can_move(D, "nonsense")


def test_next_stages_come_in_pipeline_order():
    assert next_stages(U) == [D, P, A, X]
    assert next_stages(X) == []  # reopening has its own form, not a stage button


def test_only_finished_is_final():
    assert [stage for stage in ORDER if is_final(stage)] == [X]


def test_stages_are_the_six_of_the_issue_in_order():
    assert ORDER == ("dialog", "utforsking", "utproving", "avtale", "drift", "avsluttet")
