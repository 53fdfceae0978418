"""Picking candidates reads a bounded number of index rows, also when the rarest terms
leave too few candidates (issue 13: the unbounded second pick ran into PostgreSQL's
statement timeout at 10,000 needs)."""

from apps.matching import selectors


def test_the_second_pick_stays_within_its_row_budget(monkeypatch):
    monkeypatch.setattr(selectors, "ROW_BUDGET", 100)
    monkeypatch.setattr(selectors, "FALLBACK_ROW_BUDGET", 400)
    asked: list[set[str]] = []

    def candidate_query(kind, weights, allowed, excluded, limit):
        asked.append(set(weights))
        return [1]  # too few: the second pick is made

    monkeypatch.setattr(selectors, "_candidate_query", candidate_query)
    weights = {"w:sjelden": 3.0, "w:middels": 2.0, "w:vanlig": 1.0, "s:helse": 0.5}
    counts = {"w:sjelden": 50, "w:middels": 200, "w:vanlig": 5_000, "s:helse": 90_000}
    selectors._candidates(
        kind="need", weights=weights, counts=counts, allowed=None, excluded=(), limit=10
    )
    assert asked == [{"w:sjelden"}, {"w:sjelden", "w:middels"}]


def test_no_second_pick_when_the_budget_already_took_every_term(monkeypatch):
    asked: list[set[str]] = []

    def candidate_query(kind, weights, allowed, excluded, limit):
        asked.append(set(weights))
        return []

    monkeypatch.setattr(selectors, "_candidate_query", candidate_query)
    weights = {"w:a": 1.0, "w:b": 1.0}
    selectors._candidates(
        kind="need",
        weights=weights,
        counts={"w:a": 1, "w:b": 2},
        allowed=None,
        excluded=(),
        limit=10,
    )
    assert asked == [{"w:a", "w:b"}]
