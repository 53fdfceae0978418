"""Issue 12, item 1: deciding before the reviews are complete, or when the reviewers' weighted
totals are LARGE_SPREAD or more apart, asks the manager to confirm with a checkbox (no
JavaScript), with the reason stated."""

from django.urls import reverse
from django.utils import timezone

from apps.grants.models import Decision
from apps.grants.scoring import LARGE_SPREAD

from .factories import AssignmentFactory, ScoreFactory

GRANT = {"decision-outcome": "granted", "decision-amount": "250000"}


def _complete(world, assignment, first: int, second: int):
    ScoreFactory(assignment=assignment, criterion=world.criteria[0], score=first)
    ScoreFactory(assignment=assignment, criterion=world.criteria[1], score=second)
    assignment.completed_at = timezone.now()
    assignment.save(update_fields=["completed_at"])


def _all_done(world, *, second_reviewer: tuple[int, int]):
    """Rita completes her review (4 and 4: total 4.0); a second reviewer gives the scores."""
    ScoreFactory(assignment=world.assignment, criterion=world.criteria[1], score=4)
    world.assignment.completed_at = timezone.now()
    world.assignment.save(update_fields=["completed_at"])
    other = AssignmentFactory(application=world.application, reviewer=world.people["unassigned"])
    _complete(world, other, *second_reviewer)


def test_large_spread_is_one_constant_on_the_score_scale():
    assert LARGE_SPREAD == 1.5


def test_incomplete_reviews_ask_for_confirmation_with_the_reason(as_user, world):
    client = as_user(world.people["manager"])
    page = client.get(reverse("grants:application", args=[world.application.pk])).content.decode()
    assert "Before you decide" in page
    assert "Only 0 of 1 reviews are done." in page
    assert 'name="decision-confirm"' in page

    url = reverse("grants:decide", args=[world.application.pk])
    response = client.post(url, GRANT)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Tick the box to confirm that you decide now: Only 0 of 1 reviews are done." in body
    assert 'value="250000"' in body  # what was typed is kept
    assert not Decision.objects.filter(application=world.application).exists()

    response = client.post(url, {**GRANT, "decision-confirm": "on"})
    assert response.status_code == 302
    assert Decision.objects.get(application=world.application).amount == 250_000


def test_no_reviewer_at_all_is_a_reason(as_user, world):
    world.assignment.delete()
    client = as_user(world.people["manager"])
    page = client.get(reverse("grants:application", args=[world.application.pk])).content.decode()
    assert "No reviewer has assessed this application." in page


def test_complete_and_agreeing_reviews_decide_without_confirmation(as_user, world):
    _all_done(world, second_reviewer=(3, 4))  # totals 4.0 and 3.25: 0.75 apart
    client = as_user(world.people["manager"])
    page = client.get(reverse("grants:application", args=[world.application.pk])).content.decode()
    assert "Before you decide" not in page
    assert 'name="decision-confirm"' not in page
    response = client.post(reverse("grants:decide", args=[world.application.pk]), GRANT)
    assert response.status_code == 302


def test_large_spread_asks_for_confirmation(as_user, world):
    _all_done(world, second_reviewer=(2, 4))  # totals 4.0 and 2.5: exactly 1.5 apart
    client = as_user(world.people["manager"])
    url = reverse("grants:decide", args=[world.application.pk])
    response = client.post(url, GRANT)
    assert response.status_code == 400
    body = response.content.decode()
    assert "reviews are done" not in body
    assert "weighted totals are 1.5 apart (1.5 or more on the scale 0–5" in body
    response = client.post(url, {**GRANT, "decision-confirm": "on"})
    assert response.status_code == 302


def test_conflicted_reviewer_does_not_count_as_missing(as_user, world):
    _all_done(world, second_reviewer=(4, 4))
    assert world.conflicted_assignment.completed_at is None
    client = as_user(world.people["manager"])
    response = client.post(reverse("grants:decide", args=[world.application.pk]), GRANT)
    assert response.status_code == 302
