import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.accounts.tests.factories import UserFactory
from apps.accounts.tests.helpers import force_login_verified
from apps.contributions import services
from apps.contributions.models import (
    Comment,
    ContributorStanding,
    Follow,
    Status,
    SuggestedChange,
    Tip,
    TipUseful,
    TriedReport,
)
from apps.core.tests.test_sanitize import XSS_PAYLOADS

from .factories import CommentFactory, SuggestedChangeFactory, TipFactory, TriedReportFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "blocked", "moderator", "group_editor", "superuser"]
ADMIN_ROLES = [*ROLES, "bare_superuser"]


@pytest.fixture
def blocked(db):
    person = UserFactory()
    ContributorStanding.objects.create(user=person, blocked=True, blocked_reason="Spam")
    return person


def _login(client, request, role):
    """Logs in with a session verified by the second factor, as the admin and the powers
    ask; test_admin_password_only_* covers the password alone."""
    if role != "anonymous":
        force_login_verified(client, request.getfixturevalue(role))


def _public_urls(recipe, post, tip, report, comment):
    return {
        "tip-create": reverse("contributions:tip-create", args=[recipe.pk]),
        "tried-create": reverse("contributions:tried-create", args=[recipe.pk]),
        "suggestion-create": reverse("contributions:suggestion-create", args=[recipe.pk]),
        "comment-create": reverse("contributions:comment-create", args=[post.pk]),
        "report-tip": reverse("contributions:report-create", args=["tips", tip.pk]),
        "report-tried": reverse("contributions:report-create", args=["erfaringer", report.pk]),
        "report-comment": reverse("contributions:report-create", args=["kommentarer", comment.pk]),
        "notification-settings": reverse("contributions:notification-settings"),
    }


# GET of each public form: anonymous → login; blocked → 403 on contribution forms.
EXPECTED_GET = {
    "anonymous": 302,
    "member": 200,
    "blocked": 403,
    "moderator": 200,
    "group_editor": 200,
    "superuser": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_public_form_matrix(client, request, role, recipe, post):
    tip = TipFactory(recipe=recipe)
    report = TriedReportFactory(recipe=recipe)
    comment = CommentFactory(post=post)
    _login(client, request, role)
    for name, url in _public_urls(recipe, post, tip, report, comment).items():
        response = client.get(url)
        expected = EXPECTED_GET[role]
        if role == "blocked" and name.startswith(("report-", "notification")):
            expected = 200  # blocked people may still report and manage their email
        assert response.status_code == expected, (name, role)
        if expected == 302:
            assert response["Location"].startswith("/konto/logg-inn/")


@pytest.mark.parametrize("role", ROLES)
def test_post_only_actions_matrix(client, request, role, recipe):
    tip = TipFactory(recipe=recipe)
    _login(client, request, role)
    useful = reverse("contributions:tip-useful", args=[tip.pk])
    follow = reverse("contributions:follow-toggle", args=[recipe.pk])
    if role == "anonymous":
        assert client.post(useful).status_code == 302
        assert client.post(follow).status_code == 302
        return
    assert client.get(useful).status_code == 405
    assert client.get(follow).status_code == 405
    assert client.post(useful).status_code == 302
    assert client.post(follow).status_code == 302
    assert TipUseful.objects.filter(tip=tip).count() == 1
    assert Follow.objects.count() == 1


def test_unknown_and_unpublished_targets_are_404(client, member, recipe):
    client.force_login(member)
    pending = TipFactory(recipe=recipe, status=Status.PENDING)
    assert client.get(reverse("contributions:report-create", args=["x", 1])).status_code == 404
    assert (
        client.get(reverse("contributions:report-create", args=["tips", pending.pk])).status_code
        == 404
    )
    assert client.post(reverse("contributions:tip-useful", args=[pending.pk])).status_code == 404
    assert client.get(reverse("contributions:tip-create", args=[999999])).status_code == 404


def test_own_tip_cannot_be_marked_useful(client, member, recipe):
    tip = TipFactory(recipe=recipe, author=member)
    client.force_login(member)
    assert client.post(reverse("contributions:tip-useful", args=[tip.pk])).status_code == 403


# Wagtail answers a PermissionDenied inside the admin with a redirect to the dashboard
# ("/admin/"); people without admin access are sent to the admin login; a moderator or
# editor whose session has not given the second factor is sent to the code page.
LOGIN, DENIED, OK, CODE = "login", "denied", "ok", "code"
ADMIN_EXPECTED = {
    # (queue, block, suggestions)
    "anonymous": (LOGIN, LOGIN, LOGIN),
    "member": (LOGIN, LOGIN, LOGIN),
    "blocked": (LOGIN, LOGIN, LOGIN),
    "moderator": (OK, OK, DENIED),
    "group_editor": (DENIED, DENIED, OK),
    # A superuser in the group "Redaktører" (as the demo editor): an editor, not a moderator.
    "superuser": (DENIED, DENIED, OK),
    # Being a superuser alone gives no moderation or editorial power.
    "bare_superuser": (DENIED, DENIED, DENIED),
}


def _outcome(response) -> str:
    if response.status_code == 200:
        return OK
    assert response.status_code == 302
    location = response["Location"]
    if location == "/admin/":
        return DENIED
    if location.startswith("/konto/tofaktor/?next="):
        return CODE
    if location.startswith(("/admin/login/", "/konto/logg-inn/")):
        return LOGIN
    if location == reverse("contributions_admin:queue"):
        return OK  # the block form redirects back to the queue
    raise AssertionError(location)


@pytest.mark.parametrize("role", ADMIN_ROLES)
def test_admin_matrix(client, request, role, recipe):
    suggestion = SuggestedChangeFactory(recipe=recipe)
    target = UserFactory()
    _login(client, request, role)
    queue, block, suggestions = ADMIN_EXPECTED[role]
    assert _outcome(client.get(reverse("contributions_admin:queue"))) == queue
    response = client.post(
        reverse("contributions_admin:block", args=[target.pk]), {"reason": "Spam"}
    )
    assert _outcome(response) == block
    assert ContributorStanding.objects.filter(user=target, blocked=True).exists() == (
        role == "moderator"
    )
    assert _outcome(client.get(reverse("contributions_admin:suggestions"))) == suggestions
    detail = client.get(reverse("contributions_admin:suggestion", args=[suggestion.pk]))
    assert _outcome(detail) == suggestions


@pytest.mark.parametrize("role", ["moderator", "group_editor"])
def test_admin_password_only_is_sent_to_the_code_page(client, request, role, recipe):
    """Issue 19, finding 3: the moderators' and editors' queues are not opened on a password
    alone, also where the admin's own gate is switched off (as in these tests)."""
    suggestion = SuggestedChangeFactory(recipe=recipe)
    target = UserFactory()
    client.force_login(request.getfixturevalue(role))
    if role == "moderator":
        response = client.get(reverse("contributions_admin:queue"))
        assert _outcome(response) == CODE
        response = client.post(
            reverse("contributions_admin:block", args=[target.pk]), {"reason": "Spam"}
        )
        assert _outcome(response) == CODE
        assert not ContributorStanding.objects.filter(user=target, blocked=True).exists()
    else:
        response = client.get(reverse("contributions_admin:suggestions"))
        assert _outcome(response) == CODE
        detail = client.get(reverse("contributions_admin:suggestion", args=[suggestion.pk]))
        assert _outcome(detail) == CODE


def test_admin_gate_switched_on_asks_every_admin_user_for_the_code(client, moderator, settings):
    """With the admin's own gate on (as in production) a moderator is stopped at /admin/."""
    settings.KOKEBOKA_REQUIRE_OTP_FOR_STAFF = True
    client.force_login(moderator)
    response = client.get(reverse("contributions_admin:queue"))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/tofaktor/?next=/admin/")


def test_tip_form_creates_pending_tip_and_shows_it_to_its_author(client, member, recipe):
    client.force_login(member)
    url = reverse("contributions:tip-create", args=[recipe.pk])
    response = client.post(url, {"text": "Snakk med tillitsvalgte først."})
    assert response.status_code == 302
    tip = Tip.objects.get()
    assert tip.status == Status.PENDING
    html = client.get(recipe.url).content.decode()
    assert "Your tip is awaiting moderation" in html
    assert "Snakk med tillitsvalgte først." in html
    client.logout()
    assert "Snakk med tillitsvalgte først." not in client.get(recipe.url).content.decode()


def test_tip_form_errors_are_400_with_summary(client, member, recipe):
    client.force_login(member)
    response = client.post(reverse("contributions:tip-create", args=[recipe.pk]), {"text": ""})
    assert response.status_code == 400
    assert "ds-error-summary" in response.content.decode()


def test_tried_and_suggestion_forms(client, trusted, recipe, municipalities):
    client.force_login(trusted)
    response = client.post(
        reverse("contributions:tried-create", args=[recipe.pk]),
        {"municipality": municipalities[0].pk, "year": 2024, "outcome": "worked"},
    )
    assert response.status_code == 302
    assert TriedReport.objects.get().status == Status.PUBLISHED
    assert "Tried by 1 municipality." in client.get(recipe.url).content.decode()
    response = client.post(
        reverse("contributions:suggestion-create", args=[recipe.pk]),
        {"field": "step", "step_number": "", "text": "Ny tekst", "reason": "Fordi"},
    )
    assert response.status_code == 400
    response = client.post(
        reverse("contributions:suggestion-create", args=[recipe.pk]),
        {"field": "step", "step_number": "2", "text": "Ny tekst", "reason": "Fordi"},
    )
    assert response.status_code == 302
    assert SuggestedChange.objects.get().step_number == 2


def test_comment_pending_shown_to_author_only(client, member, post):
    client.force_login(member)
    client.post(reverse("contributions:comment-create", args=[post.pk]), {"text": "Godt skrevet"})
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    html = client.get(post.url).content.decode()
    assert "Godt skrevet" in html and "Awaiting moderation" in html
    client.force_login(UserFactory())
    assert "Godt skrevet" not in client.get(post.url).content.decode()


def test_report_form_creates_report(client, member, recipe):
    tip = TipFactory(recipe=recipe)
    client.force_login(member)
    url = reverse("contributions:report-create", args=["tips", tip.pk])
    assert client.post(url, {"reason": "Reklame"}).status_code == 302
    assert tip.pk == services.MODERATED_MODELS["tip"].objects.get().pk


def test_reported_contributions_keep_the_moderation_queue_working(
    client, member, moderator, recipe, post
):
    """Finding 7 of issue 19: one report of a tip made the queue answer 500 until resolved."""
    tip = TipFactory(recipe=recipe, text="Ring kommunen først")
    tried = TriedReportFactory(recipe=recipe, what_we_would_do_differently="Start tidligere")
    comment = CommentFactory(post=post, text="Reklame for noe annet")
    client.force_login(member)
    for kind, pk, reason in [
        ("tips", tip.pk, "Feil om tipset"),
        ("erfaringer", tried.pk, "Feil om erfaringen"),
        ("kommentarer", comment.pk, "Feil om kommentaren"),
    ]:
        url = reverse("contributions:report-create", args=[kind, pk])
        assert client.post(url, {"reason": reason}).status_code == 302
    force_login_verified(client, moderator)
    response = client.get(reverse("contributions_admin:queue"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Reported content (3)" in html
    for text in [
        "Ring kommunen først",
        "Feil om tipset",
        "Start tidligere",
        "Feil om erfaringen",
        "Reklame for noe annet",
        "Feil om kommentaren",
    ]:
        assert text in html
    assert f'value="tip:{tip.pk}"' in html
    assert f'value="tried:{tried.pk}"' in html
    assert f'value="comment:{comment.pk}"' in html
    # The moderator can act on the reported tip straight from the queue.
    response = client.post(
        reverse("contributions_admin:queue"), {"action": "hide", "items": [f"tip:{tip.pk}"]}
    )
    assert response.status_code == 302
    tip.refresh_from_db()
    assert tip.status == Status.HIDDEN


def test_rate_limit_per_account_and_ip(client, member, recipe, settings):
    settings.KOKEBOKA_RATELIMITS = {**settings.KOKEBOKA_RATELIMITS, "contribution": (3, 3600)}
    client.force_login(member)
    url = reverse("contributions:tip-create", args=[recipe.pk])
    for n in range(3):
        assert client.post(url, {"text": f"Råd {n}"}).status_code == 302
    response = client.post(url, {"text": "Ett til"})
    assert response.status_code == 429
    assert Tip.objects.count() == 3
    # Another account from the same address is limited by the IP counter.
    client.force_login(UserFactory())
    assert client.post(url, {"text": "Fra en annen"}).status_code == 429
    # A new address and a new account pass.
    cache.clear()
    assert client.post(url, {"text": "Etter pause"}, REMOTE_ADDR="10.0.0.9").status_code == 302


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_never_survives_on_recipe_and_post_pages(client, recipe, post, municipalities, payload):
    author = UserFactory(first_name=payload, last_name="")
    TipFactory(recipe=recipe, text=payload, author=author)
    TipFactory(recipe=recipe, text="ok", author=None, credited_to=payload)
    TriedReportFactory(
        recipe=recipe, what_we_would_do_differently=payload, municipality=municipalities[0]
    )
    CommentFactory(post=post, text=payload, author=author)
    client.force_login(UserFactory())
    for url in (recipe.url, post.url):
        html = client.get(url).content.decode().lower()
        assert payload.lower() not in html
        for dangerous in ("<script>alert", "<img src=x", "<svg", "<iframe", '<a href="javascript'):
            assert dangerous not in html, (url, dangerous)


def test_recipe_page_query_count_does_not_grow_with_tips(client, member, recipe, municipalities):
    def count_queries(n: int) -> int:
        Tip.objects.all().delete()
        for _ in range(n):
            tip = TipFactory(recipe=recipe)
            TipUseful.objects.create(tip=tip, user=member)
        for municipality in municipalities:
            TriedReportFactory(recipe=recipe, municipality=municipality)
        client.get(recipe.url)  # warm: session and site lookups
        with CaptureQueriesContext(connection) as context:
            assert client.get(recipe.url).status_code == 200
        return len(context.captured_queries)

    client.force_login(member)
    assert count_queries(10) == count_queries(60)


def test_moderation_admin_bulk_publish(client, moderator, recipe, member):
    tips = [TipFactory(recipe=recipe, status=Status.PENDING, author=member) for _ in range(3)]
    force_login_verified(client, moderator)
    html = client.get(reverse("contributions_admin:queue")).content.decode()
    assert "Tips awaiting moderation (3)" in html
    response = client.post(
        reverse("contributions_admin:queue"),
        {"action": "publish", "items": [f"tip:{t.pk}" for t in tips[:2]]},
    )
    assert response.status_code == 302
    assert Tip.objects.published().count() == 2
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Moderation (1)" in menu


def test_editor_decides_suggestion_in_admin(client, group_editor, member, recipe, mailoutbox):
    suggestion = SuggestedChangeFactory(recipe=recipe, author=member, text="Nytt sammendrag")
    force_login_verified(client, group_editor)
    url = reverse("contributions_admin:suggestion", args=[suggestion.pk])
    assert client.post(url, {"start_review": "1"}).status_code == 302
    with_counts = client.get(reverse("contributions_admin:suggestions")).content.decode()
    assert "In review: 1" in with_counts
    response = client.post(url, {"decision": "accept", "comment": "Takk"})
    assert response.status_code == 302
    recipe.refresh_from_db()
    assert recipe.summary == "Nytt sammendrag"


def test_moderators_group_has_admin_access():
    group = Group.objects.get(name="Moderatorer")
    assert group.permissions.filter(codename="access_admin").exists()


def test_moderator_trusts_account_and_restores_hidden(client, moderator, member, recipe):
    hidden = TipFactory(recipe=recipe, status=Status.HIDDEN, author=member)
    force_login_verified(client, moderator)
    response = client.post(reverse("contributions_admin:trust", args=[member.pk]), {"trusted": "1"})
    assert response.status_code == 302
    assert ContributorStanding.objects.get(user=member).trusted
    assert services.tip_submit(recipe=recipe, author=member, text="Direkte").status == "published"
    client.post(
        reverse("contributions_admin:queue"), {"action": "restore", "items": [f"tip:{hidden.pk}"]}
    )
    hidden.refresh_from_db()
    assert hidden.status == Status.PUBLISHED


def test_deleted_account_shows_as_former_member(client, member, recipe, post):
    from apps.accounts.services import user_delete

    member.first_name, member.last_name = "Kari", "Nordmann"
    member.save()
    TipFactory(recipe=recipe, author=member, text="Et råd som blir stående")
    CommentFactory(post=post, author=member, text="En kommentar som blir stående")
    user_delete(user=member)
    for url, text in ((recipe.url, "Et råd som blir stående"), (post.url, "En kommentar som")):
        html = client.get(url).content.decode()
        assert text in html
        assert "Former member" in html
        assert "Nordmann" not in html


def test_includes_render_nothing_for_unsaved_pages(rf):
    from django.template.loader import render_to_string

    from apps.blog.models import BlogPostPage
    from apps.cookbook.models import RecipePage

    request = rf.get("/")
    request.user = UserFactory()
    html = render_to_string(
        "contributions/includes/recipe_contributions.html",
        {"recipe": RecipePage(title="Ny"), "request": request},
    )
    assert "bidrag" not in html
    html = render_to_string(
        "contributions/includes/post_comments.html",
        {"post": BlogPostPage(title="Ny"), "request": request},
    )
    assert "kommentarer" not in html


def test_post_page_query_count_does_not_grow_with_comments(client, member, post):
    def count_queries(n: int) -> int:
        Comment.objects.all().delete()
        for _ in range(n):
            CommentFactory(post=post)
        client.get(post.url)  # warm: session and site lookups
        with CaptureQueriesContext(connection) as context:
            assert client.get(post.url).status_code == 200
        return len(context.captured_queries)

    client.force_login(member)
    assert count_queries(10) == count_queries(60)
