import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.accounts.tests.factories import OrganisationFactory, UserFactory
from apps.contributions import selectors, services
from apps.contributions.models import (
    ContributorStanding,
    Follow,
    Notification,
    Report,
    Status,
    Tip,
    TipUseful,
    TriedReport,
)
from apps.core.models import AuditEvent

from .factories import CommentFactory, TipFactory, TriedReportFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "expected"),
    [("member", Status.PENDING), ("trusted", Status.PUBLISHED), ("moderator", Status.PUBLISHED)],
)
def test_tip_status_follows_standing(request, recipe, who, expected):
    author = request.getfixturevalue(who)
    tip = services.tip_submit(recipe=recipe, author=author, text="Ring innkjøp først.")
    assert tip.status == expected
    assert AuditEvent.objects.filter(action="contributions.tip.submitted", object_id=str(tip.pk))


def test_blocked_and_inactive_people_cannot_contribute(recipe, post, member, municipalities):
    ContributorStanding.objects.create(user=member, blocked=True, blocked_reason="Spam")
    with pytest.raises(PermissionDenied):
        services.tip_submit(recipe=recipe, author=member, text="Hei")
    with pytest.raises(PermissionDenied):
        services.comment_submit(post=post, author=member, text="Hei")
    with pytest.raises(PermissionDenied):
        services.tried_report_submit(
            recipe=recipe,
            author=member,
            municipality=municipalities[0],
            year=2024,
            outcome="worked",
        )
    with pytest.raises(PermissionDenied):
        services.suggestion_submit(
            recipe=recipe, author=member, field="summary", text="x", reason="y"
        )
    inactive = UserFactory(is_active=False)
    with pytest.raises(PermissionDenied):
        services.tip_submit(recipe=recipe, author=inactive, text="Hei")
    assert not Tip.objects.exists()


def test_empty_and_too_long_text_refused(recipe, member):
    with pytest.raises(ValidationError):
        services.tip_submit(recipe=recipe, author=member, text="   ")
    with pytest.raises(ValidationError):
        services.tip_submit(recipe=recipe, author=member, text="x" * 2001)


def test_pending_contribution_alerts_moderators_once_an_hour(
    recipe, member, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.tip_submit(recipe=recipe, author=member, text="Første")
    with django_capture_on_commit_callbacks(execute=True):
        services.tip_submit(recipe=recipe, author=member, text="Andre")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [moderator.email]
    assert "/bidrag/avmeld/" in mailoutbox[0].body
    assert "1 contribution waits" in mailoutbox[0].body


def test_trusted_tip_does_not_alert_moderators(
    recipe, trusted, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.tip_submit(recipe=recipe, author=trusted, text="Direkte")
    assert mailoutbox == []


def test_mark_useful_once_and_not_own_or_pending(recipe, member, trusted):
    tip = services.tip_submit(recipe=recipe, author=trusted, text="Godt råd")
    assert services.tip_mark_useful(tip=tip, user=member) is True
    assert services.tip_mark_useful(tip=tip, user=member) is False
    assert TipUseful.objects.filter(tip=tip).count() == 1
    with pytest.raises(PermissionDenied):
        services.tip_mark_useful(tip=tip, user=trusted)
    pending = services.tip_submit(recipe=recipe, author=member, text="Venter")
    with pytest.raises(PermissionDenied):
        services.tip_mark_useful(tip=pending, user=trusted)


def test_tried_report_validates_year_outcome_and_organisation(recipe, member, municipalities):
    kwargs = {"recipe": recipe, "author": member, "municipality": municipalities[0]}
    with pytest.raises(ValidationError):
        services.tried_report_submit(**kwargs, year=1999, outcome="worked")
    with pytest.raises(ValidationError):
        services.tried_report_submit(**kwargs, year=2024, outcome="great")
    with pytest.raises(PermissionDenied):
        services.tried_report_submit(
            **kwargs, year=2024, outcome="worked", organisation=OrganisationFactory()
        )
    report = services.tried_report_submit(**kwargs, year=2024, outcome="partly")
    assert report.status == Status.PENDING


def test_tried_count_counts_distinct_published_municipalities(recipe, municipalities):
    first, second, third = municipalities
    TriedReportFactory(recipe=recipe, municipality=first, year=2022)
    TriedReportFactory(recipe=recipe, municipality=first, year=2024)
    TriedReportFactory(recipe=recipe, municipality=second)
    TriedReportFactory(recipe=recipe, municipality=third, status=Status.PENDING)
    assert selectors.recipe_tried_count(recipe=recipe) == 2


def test_input_to_tip_is_published_and_credited(recipe):
    tip = services.input_to_tip(
        recipe=recipe,
        text="Innspill fra møtet",
        author_name="Kari",
        credited_to="Dialogmøte i Bodø",
    )
    assert tip.status == Status.PUBLISHED
    assert tip.credited_to == "Dialogmøte i Bodø"
    assert tip.author is None
    tip2 = services.input_to_tip(recipe=recipe, text="Mer", author_name="Ola")
    assert tip2.credited_to == "Ola"


def test_comment_and_report(post, recipe, member, trusted, moderator):
    comment = services.comment_submit(post=post, author=member, text="Bra skrevet")
    assert comment.status == Status.PENDING
    with pytest.raises(PermissionDenied):  # only published content can be reported
        services.content_report(obj=comment, reporter=trusted, reason="Spam")
    tip = services.tip_submit(recipe=recipe, author=trusted, text="Råd")
    report = services.content_report(obj=tip, reporter=member, reason="Feil")
    assert report.content_object == tip
    assert selectors.moderation_queue().counts == {
        "tips": 0,
        "tried_reports": 0,
        "comments": 1,
        "reports": 1,
        "suggestions": 0,
        "total": 2,
    }


def test_bulk_moderation(recipe, post, member, moderator):
    tips = [services.tip_submit(recipe=recipe, author=member, text=f"Råd {n}") for n in range(3)]
    comment = services.comment_submit(post=post, author=member, text="Hei")
    assert services.moderate(items=[*tips, comment], moderator=moderator, action="publish") == 4
    assert set(Tip.objects.values_list("status", flat=True)) == {Status.PUBLISHED}
    services.content_report(obj=tips[0], reporter=moderator, reason="Feil")
    assert services.moderate(items=tips[:2], moderator=moderator, action="hide") == 2
    assert Report.objects.get().resolved is True
    # restore only touches hidden items
    assert services.moderate(items=tips, moderator=moderator, action="restore") == 2
    assert Tip.objects.published().count() == 3
    with pytest.raises(PermissionDenied):
        services.moderate(items=tips, moderator=member, action="hide")
    with pytest.raises(ValidationError):
        services.moderate(items=tips, moderator=moderator, action="delete")


def test_block_hides_pending_and_refuses_non_moderators(recipe, member, moderator, superuser):
    tip = services.tip_submit(recipe=recipe, author=member, text="Spam")
    with pytest.raises(PermissionDenied):
        services.account_block(user=member, moderator=UserFactory(), reason="Spam")
    standing = services.account_block(user=member, moderator=moderator, reason="Spam")
    assert standing.blocked
    tip.refresh_from_db()
    assert tip.status == Status.HIDDEN
    # Editors and moderators are not blocked by a peer; their group goes first.
    with pytest.raises(PermissionDenied):
        services.account_block(user=superuser, moderator=moderator, reason="x")
    with pytest.raises(PermissionDenied):
        services.tip_submit(recipe=recipe, author=member, text="Igjen")
    services.account_unblock(user=member, moderator=moderator)
    assert services.tip_submit(recipe=recipe, author=member, text="Igjen").status == Status.PENDING


def test_follow_toggle_and_notifications(recipe, member, trusted, moderator):
    assert services.follow_toggle(user=member, recipe=recipe) is True
    services.tip_submit(recipe=recipe, author=trusted, text="Publisert")
    pending = services.tip_submit(recipe=recipe, author=UserFactory(), text="Venter")
    assert Notification.objects.filter(user=member, kind="new_tip").count() == 1
    services.moderate(items=[pending], moderator=moderator, action="publish")
    assert Notification.objects.filter(user=member, kind="new_tip").count() == 2
    assert services.follow_toggle(user=member, recipe=recipe) is False
    assert not Follow.objects.exists()


def test_new_recipe_version_notifies_followers(recipe, member):
    from apps.cookbook.services import recipe_publish_revision

    services.follow_toggle(user=member, recipe=recipe)
    recipe_publish_revision(recipe=recipe, change_note="Steg 2 er skrevet om")
    note = Notification.objects.get(user=member, kind="new_version")
    assert note.text == "Steg 2 er skrevet om"


def test_selectors_hide_other_peoples_pending(recipe, post, member, trusted):
    TipFactory(recipe=recipe, status=Status.PENDING, author=member)
    TipFactory(recipe=recipe, status=Status.HIDDEN)
    published = TipFactory(recipe=recipe)
    assert list(selectors.recipe_tips(recipe=recipe)) == [published]
    CommentFactory(post=post, status=Status.PENDING, author=member)
    visible = CommentFactory(post=post)
    assert selectors.post_comments(post=post, user=trusted) == [visible]
    assert len(selectors.post_comments(post=post, user=member)) == 2


def test_privacy_export_and_delete(recipe, post, member, trusted):
    from apps.accounts.privacy import deleters, exporters

    services.tip_submit(recipe=recipe, author=member, text="Mitt råd")
    services.comment_submit(post=post, author=member, text="Min kommentar")
    services.follow_toggle(user=member, recipe=recipe)
    tip = services.tip_submit(recipe=recipe, author=trusted, text="Annet")
    services.content_report(obj=tip, reporter=member, reason="Grunn")
    data = exporters()["contributions"](member)
    assert data["tips"][0]["text"] == "Mitt råd"
    assert data["comments"][0]["text"] == "Min kommentar"
    assert data["follows"] == [recipe.title]
    assert data["reports"][0]["reason"] == "Grunn"
    deleters()["contributions"](member)
    assert not Follow.objects.filter(user=member).exists()
    assert Tip.objects.filter(author=member).exists()  # contributions are kept


def test_tried_report_default_published_for_trusted(recipe, trusted, municipalities):
    report = services.tried_report_submit(
        recipe=recipe, author=trusted, municipality=municipalities[1], year=2023, outcome="worked"
    )
    assert report.status == Status.PUBLISHED
    assert TriedReport.objects.count() == 1


def test_being_a_superuser_gives_no_moderation_power(recipe, member, moderator, bare_superuser):
    """Issue 19, finding 3: moderation is a granted role (group "Moderatorer"), never implied
    by is_superuser; a superuser without a role is an account like any other."""
    tip = services.tip_submit(recipe=recipe, author=member, text="Spam")
    with pytest.raises(PermissionDenied):
        services.moderate(items=[tip], moderator=bare_superuser, action="hide")
    with pytest.raises(PermissionDenied):
        services.account_block(user=member, moderator=bare_superuser, reason="Spam")
    assert services.account_block(user=bare_superuser, moderator=moderator, reason="x").blocked


def test_moderator_alerts_go_to_the_group_only(db, moderator, bare_superuser):
    from apps.contributions.tasks import _moderator_emails

    assert _moderator_emails() == [moderator.email]
