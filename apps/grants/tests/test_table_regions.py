"""Wide tables scroll sideways inside a `table-wrap` on a phone. A keyboard user can only
scroll such a box if it takes focus, and a screen reader announces the focused box by its
name; so every wrapper on the grants pages is a focusable, named region (WCAG 2.1.1 and
4.1.2, axe-core's scrollable-region-focusable)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.grants.models import OutcomeIndicator

from .factories import AssignmentFactory, ScoreFactory


class _Regions(HTMLParser):
    """Collects every `table-wrap` div's attributes and the text of every element with an id
    (the targets of aria-labelledby)."""

    def __init__(self):
        super().__init__()
        self.wraps: list[dict] = []
        self.texts: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div" and "table-wrap" in (attributes.get("class") or "").split():
            self.wraps.append(attributes)
        if tag in {"br", "img", "input", "meta", "link", "hr", "col", "source", "wbr"}:
            return
        element_id = attributes.get("id")
        if element_id:
            self.texts.setdefault(element_id, "")
        self._open.append((tag, element_id))

    def handle_endtag(self, tag):
        while self._open:
            opened, _ = self._open.pop()
            if opened == tag:
                break

    def handle_data(self, data):
        for _tag, element_id in self._open:
            if element_id:
                self.texts[element_id] += data


def _problems(body: str) -> tuple[int, list[str]]:
    parser = _Regions()
    parser.feed(body)
    problems = []
    for wrap in parser.wraps:
        if wrap.get("tabindex") != "0":
            problems.append(f"no tabindex=0: {wrap}")
        if wrap.get("role") != "region":
            problems.append(f"no role=region: {wrap}")
        label = (wrap.get("aria-label") or "").strip()
        labelled_by = wrap.get("aria-labelledby")
        named_by = parser.texts.get(labelled_by, "").strip() if labelled_by else ""
        if not label and not named_by:
            problems.append(f"no accessible name: {wrap}")
    return len(parser.wraps), problems


def _share_scores_with_a_second_review(client, world):
    other = AssignmentFactory(
        application=world.application,
        reviewer=world.people["unassigned"],
        completed_at=timezone.now(),
    )
    ScoreFactory(assignment=other, criterion=world.criteria[0], score=2)
    response = client.post(reverse("grants:sharing", args=[world.call.pk]), {"shared": "1"})
    assert response.status_code == 302


def _approved_report_with_an_indicator(world):
    OutcomeIndicator.objects.create(
        report=world.report, name="Deltakere", target=20, value=18, unit="personer"
    )
    world.report.submitted_at = timezone.now()
    world.report.approved_at = timezone.now()
    world.report.save(update_fields=["submitted_at", "approved_at"])


PAGES = [
    # (role, url, how many table-wrap boxes the page must show)
    ("manager", lambda w: reverse("grants:manage"), 2),
    ("manager", lambda w: reverse("grants:application", args=[w.application.pk]), 1),
    ("manager", lambda w: reverse("grants:application", args=[w.granted.pk]), 2),
    ("reviewer", lambda w: reverse("grants:reviews"), 1),
    ("reviewer", lambda w: reverse("grants:review", args=[w.assignment.pk]), 2),
    ("applicant", lambda w: reverse("grants:project", args=[w.granted.pk]), 1),
    ("applicant", lambda w: reverse("grants:report", args=[w.granted.pk, w.report.pk]), 1),
    (None, lambda w: reverse("grants:statistics"), 1),
]


@pytest.mark.parametrize(
    ("role", "url", "expected"),
    PAGES,
    ids=[
        "manage",
        "assessment",
        "assessment-granted",
        "reviews",
        "review",
        "project",
        "report",
        "statistics",
    ],
)
def test_every_scrolling_table_is_a_focusable_named_region(
    as_user, client, world, role, url, expected
):
    _share_scores_with_a_second_review(as_user(world.people["manager"]), world)
    _approved_report_with_an_indicator(world)
    client.logout()
    if role:
        client = as_user(world.people[role])
    response = client.get(url(world))
    assert response.status_code == 200
    count, problems = _problems(response.content.decode())
    assert count >= expected, f"expected at least {expected} table-wrap boxes, found {count}"
    assert problems == []


def test_the_check_catches_an_unnamed_or_unfocusable_wrapper():
    """The parser must see the faults it guards against, or the page test proves nothing."""
    count, problems = _problems(
        '<h2 id="empty"></h2>'
        '<div class="table-wrap"><table></table></div>'
        '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="empty"></div>'
        '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="missing"></div>'
        '<h2 id="named">Betalinger</h2>'
        '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="named"></div>'
        '<div class="table-wrap" tabindex="0" role="region" aria-label="Søknader"></div>'
    )
    assert count == 5
    assert len(problems) == 5  # the first: three faults; the next two: no name each
