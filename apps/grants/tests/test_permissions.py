"""The permission matrix: every role against every page and action, denials included.
POSTs carry no data, so an allowed manager gets the form back (400) and nothing changes
that later rows depend on. Everyone logs in with a verified second factor here; what a
password-only session gets is test_second_factor.py's matrix."""

import pytest
from django.urls import reverse

ROLES = [
    "anonymous",
    "applicant",
    "other_member",
    "manager",
    "other_manager",
    "reviewer",
    "conflicted",
    "unassigned",
    "superuser",
]


def views(world):
    app, granted = world.application.pk, world.granted.pk
    return {
        "manage": ("get", reverse("grants:manage")),
        "application": ("get", reverse("grants:application", args=[app])),
        "screen": ("post", reverse("grants:screen", args=[app])),
        "assign": ("post", reverse("grants:assign", args=[app])),
        "decide": ("post", reverse("grants:decide", args=[app])),
        "payment_add": ("post", reverse("grants:payment-add", args=[granted])),
        "payment_plan": ("post", reverse("grants:payment-plan", args=[granted])),
        "report_require": ("post", reverse("grants:report-require", args=[granted])),
        "report_approve": ("post", reverse("grants:report-approve", args=[world.report.pk])),
        "export_csv": ("get", reverse("grants:export-csv", args=[world.fund.slug])),
        "export_xlsx": ("get", reverse("grants:export-xlsx", args=[world.fund.slug])),
        "reviews": ("get", reverse("grants:reviews")),
        "review": ("get", reverse("grants:review", args=[world.assignment.pk])),
        "review_conflicted": (
            "get",
            reverse("grants:review", args=[world.conflicted_assignment.pk]),
        ),
        "conflict": ("get", reverse("grants:conflict", args=[world.assignment.pk])),
        "project": ("get", reverse("grants:project", args=[granted])),
        "project_undecided": ("get", reverse("grants:project", args=[app])),
        "report": ("get", reverse("grants:report", args=[granted, world.report.pk])),
        "report_post": ("post", reverse("grants:report", args=[granted, world.report.pk])),
        "granted": ("get", reverse("grants:granted")),
        "statistics": ("get", reverse("grants:statistics")),
        # Last, since they change state when allowed.
        "sharing": ("post", reverse("grants:sharing", args=[world.call.pk])),
        "payment_paid": ("post", reverse("grants:payment-paid", args=[world.payment.pk])),
        "review_post": ("post", reverse("grants:review", args=[world.assignment.pk])),
    }


PUBLIC = {"granted": 200, "statistics": 200}
DENIED = dict.fromkeys(
    [
        "manage",
        "application",
        "screen",
        "assign",
        "decide",
        "payment_add",
        "payment_plan",
        "report_require",
        "report_approve",
        "export_csv",
        "export_xlsx",
        "review",
        "review_conflicted",
        "conflict",
        "project",
        "project_undecided",
        "report",
        "report_post",
        "sharing",
        "payment_paid",
        "review_post",
    ],
    403,
)
MANAGER = {
    **DENIED,
    "manage": 200,
    "application": 200,
    "screen": 400,
    "assign": 400,
    "decide": 400,
    "payment_add": 400,
    "payment_plan": 400,
    "report_require": 400,
    "report_approve": 400,  # not submitted yet: refused with the page and a message
    "export_csv": 200,
    "export_xlsx": 200,
    "project": 200,
    "report": 200,
    "sharing": 302,
    "payment_paid": 302,
}

EXPECTED = {
    "anonymous": {**dict.fromkeys(DENIED, 302), "reviews": 302, **PUBLIC},
    "applicant": {
        **DENIED,
        "reviews": 200,
        "project": 200,
        "report": 200,
        "report_post": 400,
        **PUBLIC,
    },
    "other_member": {**DENIED, "reviews": 200, **PUBLIC},
    "manager": {**MANAGER, "reviews": 200, **PUBLIC},
    # Manages a fund, so the queue opens, but nothing of this fund.
    "other_manager": {**DENIED, "manage": 200, "reviews": 200, **PUBLIC},
    "reviewer": {
        **DENIED,
        "reviews": 200,
        "review": 200,
        "conflict": 200,
        "review_post": 302,
        **PUBLIC,
    },
    "conflicted": {**DENIED, "reviews": 200, **PUBLIC},
    "unassigned": {**DENIED, "reviews": 200, **PUBLIC},
    # Being a superuser counts for nothing in the fund: no role, no access.
    "superuser": {**DENIED, "reviews": 200, **PUBLIC},
}


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, verified_login, world, role):
    if role != "anonymous":
        verified_login(client, world.people[role])
    seen = {}
    for name, (method, url) in views(world).items():
        response = getattr(client, method)(url)
        seen[name] = response.status_code
        if response.status_code == 302 and role == "anonymous":
            assert response["Location"].startswith("/konto/") or "login" in response["Location"]
    assert seen == EXPECTED[role]


def test_other_manager_sees_nothing_of_this_fund(client, verified_login, world):
    verified_login(client, world.people["other_manager"])
    body = client.get(reverse("grants:manage")).content.decode()
    assert world.application.title not in body
    assert world.fund.slug not in body


def test_manager_sees_own_fund_in_the_queue(client, verified_login, world):
    verified_login(client, world.people["manager"])
    body = client.get(reverse("grants:manage")).content.decode()
    assert world.application.title in body
    assert reverse("grants:export-xlsx", args=[world.fund.slug]) in body


def test_reviewer_list_shows_only_own_assignments(client, world):
    client.force_login(world.people["unassigned"])
    body = client.get(reverse("grants:reviews")).content.decode()
    assert world.application.title not in body
    client.force_login(world.people["reviewer"])
    body = client.get(reverse("grants:reviews")).content.decode()
    assert reverse("grants:review", args=[world.assignment.pk]) in body


def test_conflicted_reviewer_sees_the_title_but_no_link(client, world):
    client.force_login(world.people["conflicted"])
    body = client.get(reverse("grants:reviews")).content.decode()
    assert world.application.title in body
    assert reverse("grants:review", args=[world.conflicted_assignment.pk]) not in body


def test_drafts_are_hidden_from_managers(client, verified_login, world):
    from .factories import ApplicationFactory

    draft = ApplicationFactory(call=world.call, status="draft", title="Et utkast")
    verified_login(client, world.people["manager"])
    assert client.get(reverse("grants:application", args=[draft.pk])).status_code == 403
    assert "Et utkast" not in client.get(reverse("grants:manage")).content.decode()


def test_missing_rows_are_404(client, world):
    client.force_login(world.people["superuser"])
    assert client.get(reverse("grants:application", args=[99999])).status_code == 404
    assert client.get(reverse("grants:project", args=[99999])).status_code == 404
    assert client.get(reverse("grants:review", args=[99999])).status_code == 404
    assert client.get(reverse("grants:export-csv", args=["finnes-ikke"])).status_code == 404
