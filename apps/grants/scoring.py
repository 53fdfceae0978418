"""Score aggregation for the manager's side-by-side view: plain functions over plain data.

Scores run from 0 to 5 per criterion. A reviewer's weighted total is the weighted mean of
their scores (weights from the call's criteria), so it stays on the same 0–5 scale. A
review counts only when every criterion has a score; reviewers who declared a conflict
of interest are left out of every figure."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

SCORE_MIN = 0
SCORE_MAX = 5
# Reviewers disagree enough that a decision deserves a second look: the highest and lowest
# weighted totals (0–5 scale) lie this far apart or more. The decision form then asks the
# manager to confirm, with the figures stated.
LARGE_SPREAD = 1.5


def large_spread(summary: Summary) -> bool:
    """Whether the complete reviews' weighted totals differ by LARGE_SPREAD or more."""
    return summary.total_spread is not None and summary.total_spread.range >= LARGE_SPREAD


@dataclass(frozen=True)
class CriterionInfo:
    id: int
    name: str
    weight: int


@dataclass(frozen=True)
class ReviewInfo:
    """One assignment: who, whether they are conflicted, and their scores by criterion id."""

    reviewer_id: int
    reviewer_name: str
    scores: Mapping[int, int] = field(default_factory=dict)
    conflicted: bool = False


@dataclass(frozen=True)
class Spread:
    """How far apart the values are: the range (max - min) and the population standard
    deviation. One value has no spread (both 0)."""

    range: float
    stdev: float


@dataclass(frozen=True)
class CriterionRow:
    criterion: CriterionInfo
    scores: list[int | None]  # in the order of Summary.reviewers
    mean: float | None
    spread: Spread | None


@dataclass(frozen=True)
class Summary:
    criteria: list[CriterionInfo]
    reviewers: list[ReviewInfo]  # non-conflicted, in the given order
    conflicted: list[ReviewInfo]
    rows: list[CriterionRow]
    totals: list[float | None]  # weighted total per reviewer (None while incomplete)
    mean_total: float | None
    total_spread: Spread | None
    missing: list[ReviewInfo]  # non-conflicted reviewers without a complete review
    missing_cells: int  # criterion scores still missing among non-conflicted reviewers


def _round(value: float) -> float:
    return round(value + 0.0, 2)


def weighted_mean(product_sum: int, weight_sum: int) -> float:
    """Σ score × weight over Σ weight, rounded as every figure here: the one formula of a
    complete review's total, whether the sums come from Python or from the database."""
    return _round(product_sum / weight_sum)


def weighted_total(
    *, scores: Mapping[int, int | None], criteria: Sequence[CriterionInfo]
) -> float | None:
    """The weighted mean (0–5) of one reviewer's scores, or None unless every criterion
    is scored. No criteria, or weights that sum to zero, give None."""
    weight_sum = sum(criterion.weight for criterion in criteria)
    if not criteria or weight_sum <= 0:
        return None
    total = 0
    for criterion in criteria:
        score = scores.get(criterion.id)
        if score is None:
            return None
        total += score * criterion.weight
    return weighted_mean(total, weight_sum)


def spread(values: Sequence[float]) -> Spread | None:
    """Range and population standard deviation of the values; None for no values."""
    if not values:
        return None
    mean = sum(values) / len(values)
    variance = sum((value - mean) ** 2 for value in values) / len(values)
    return Spread(range=_round(max(values) - min(values)), stdev=_round(math.sqrt(variance)))


def mean(values: Sequence[float]) -> float | None:
    return _round(sum(values) / len(values)) if values else None


def summarise(*, criteria: Sequence[CriterionInfo], reviews: Sequence[ReviewInfo]) -> Summary:
    """Everything the side-by-side view shows, from the criteria and the assignments."""
    criteria = list(criteria)
    active = [review for review in reviews if not review.conflicted]
    conflicted = [review for review in reviews if review.conflicted]
    rows = []
    missing_cells = 0
    for criterion in criteria:
        cells = [review.scores.get(criterion.id) for review in active]
        given = [score for score in cells if score is not None]
        missing_cells += len(cells) - len(given)
        rows.append(
            CriterionRow(criterion=criterion, scores=cells, mean=mean(given), spread=spread(given))
        )
    totals = [weighted_total(scores=review.scores, criteria=criteria) for review in active]
    complete = [total for total in totals if total is not None]
    missing = [review for review, total in zip(active, totals, strict=True) if total is None]
    return Summary(
        criteria=criteria,
        reviewers=active,
        conflicted=conflicted,
        rows=rows,
        totals=totals,
        mean_total=mean(complete),
        total_spread=spread(complete),
        missing=missing,
        missing_cells=missing_cells,
    )
