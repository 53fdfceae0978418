"""apps.core.cache.stored_under_generations: a value is served only while every token it
was stored under is current, and moving a token on commit covers a read made before it."""

import pytest
from django.db import transaction

from apps.core.cache import (
    generation_bump,
    generation_bump_now_and_on_commit,
    stored_under_generations,
)

A, B = "test:generation:a", "test:generation:b"


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.calls


def test_a_value_is_computed_once_while_its_tokens_stay():
    compute = Counter()
    assert stored_under_generations("test:key", (A, B), compute, timeout=60) == 1
    assert stored_under_generations("test:key", (A, B), compute, timeout=60) == 1
    assert compute.calls == 1


@pytest.mark.parametrize("moved", [A, B])
def test_moving_any_of_its_tokens_makes_it_stale(moved):
    compute = Counter()
    stored_under_generations("test:key", (A, B), compute, timeout=60)
    generation_bump(moved)
    assert stored_under_generations("test:key", (A, B), compute, timeout=60) == 2


@pytest.mark.django_db(transaction=True)
def test_a_bump_now_and_on_commit_moves_the_token_again_at_the_commit():
    compute = Counter()
    with transaction.atomic():
        generation_bump_now_and_on_commit(A)
        # Stored inside the transaction, under the token moved now...
        stored_under_generations("test:key", (A,), compute, timeout=60)
        assert stored_under_generations("test:key", (A,), compute, timeout=60) == 1
    # ...and stale once the transaction has committed.
    assert stored_under_generations("test:key", (A,), compute, timeout=60) == 2
