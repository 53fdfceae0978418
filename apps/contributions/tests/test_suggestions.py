import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import Workflow, WorkflowState

from apps.contributions import services
from apps.contributions.models import SuggestedChange
from apps.cookbook.models import RecipePage

pytestmark = pytest.mark.django_db

NEW_SUMMARY = "Et tydeligere sammendrag fra en kommune."


def _live(recipe) -> RecipePage:
    return RecipePage.objects.get(pk=recipe.pk)


def test_submit_validates_field_and_step(recipe, member):
    with pytest.raises(ValidationError):
        services.suggestion_submit(
            recipe=recipe, author=member, field="title", text="x", reason="y"
        )
    with pytest.raises(ValidationError):
        services.suggestion_submit(
            recipe=recipe, author=member, field="step", step_number=9, text="x", reason="y"
        )
    suggestion = services.suggestion_submit(
        recipe=recipe, author=member, field="step", step_number=2, text="Nytt steg", reason="Bedre"
    )
    assert suggestion.status == SuggestedChange.Status.PENDING


def test_start_review_makes_a_draft_while_live_is_unchanged(recipe, member, group_editor):
    old_summary = recipe.summary
    suggestion = services.suggestion_submit(
        recipe=recipe, author=member, field="summary", text=NEW_SUMMARY, reason="Klarere"
    )
    with pytest.raises(PermissionDenied):
        services.suggestion_start_review(suggestion=suggestion, editor=member)
    revision = services.suggestion_start_review(suggestion=suggestion, editor=group_editor)
    live = _live(recipe)
    assert live.summary == old_summary
    assert live.live_revision_id != revision.pk
    assert live.has_unpublished_changes
    assert revision.as_object().summary == NEW_SUMMARY
    state = WorkflowState.objects.get(object_id=str(recipe.pk))
    assert state.workflow.name == services.REVIEW_WORKFLOW_NAME
    assert state.current_task_state.task.name == "Fagvurdering"
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestedChange.Status.IN_REVIEW
    assert suggestion.revision_id == revision.pk
    # The public page still shows the live text.
    with pytest.raises(ValidationError):
        services.suggestion_start_review(suggestion=suggestion, editor=group_editor)


def test_accept_publishes_credits_and_emails(
    recipe, member, group_editor, mailoutbox, django_capture_on_commit_callbacks
):
    suggestion = services.suggestion_submit(
        recipe=recipe, author=member, field="summary", text=NEW_SUMMARY, reason="Klarere"
    )
    services.suggestion_start_review(suggestion=suggestion, editor=group_editor)
    with django_capture_on_commit_callbacks(execute=True):
        services.suggestion_decide(
            suggestion=suggestion, editor=group_editor, accepted=True, comment="Takk, godt forslag!"
        )
    live = _live(recipe)
    assert live.summary == NEW_SUMMARY
    assert live.change_note == f"Forslag fra {member.display_name}"
    assert not live.has_unpublished_changes
    assert WorkflowState.objects.get(object_id=str(recipe.pk)).status == "approved"
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestedChange.Status.ACCEPTED
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [member.email]
    assert "Takk, godt forslag!" in mailoutbox[0].body
    assert "accepted" in mailoutbox[0].subject


def test_reject_leaves_live_unchanged_and_emails_comment(
    recipe, member, group_editor, mailoutbox, django_capture_on_commit_callbacks
):
    old_summary = recipe.summary
    suggestion = services.suggestion_submit(
        recipe=recipe, author=member, field="summary", text=NEW_SUMMARY, reason="Klarere"
    )
    services.suggestion_start_review(suggestion=suggestion, editor=group_editor)
    with pytest.raises(ValidationError):  # a rejection needs a reason
        services.suggestion_decide(
            suggestion=suggestion, editor=group_editor, accepted=False, comment=""
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.suggestion_decide(
            suggestion=suggestion,
            editor=group_editor,
            accepted=False,
            comment="<b>Passer</b> ikke med lovteksten.",
        )
    live = _live(recipe)
    assert live.summary == old_summary
    assert not live.has_unpublished_changes
    assert live.latest_revision_id == live.live_revision_id
    assert WorkflowState.objects.get(object_id=str(recipe.pk)).status == "cancelled"
    assert "Passer ikke med lovteksten." in mailoutbox[0].body
    assert "<b>" not in mailoutbox[0].body
    with pytest.raises(ValidationError):
        services.suggestion_decide(
            suggestion=suggestion, editor=group_editor, accepted=True, comment=""
        )


def test_accept_without_review_runs_the_workflow_and_changes_a_step(recipe, member, superuser):
    suggestion = services.suggestion_submit(
        recipe=recipe,
        author=member,
        field="step",
        step_number=1,
        text="Avtal et møte <script>x</script>",
        reason="r",
    )
    services.suggestion_decide(suggestion=suggestion, editor=superuser, accepted=True, comment="")
    live = _live(recipe)
    text = str(live.steps[0].value["text"])
    assert "Avtal et møte" in text
    assert "<script>" not in text


def test_situation_suggestion_and_workflow_exists(recipe, member, superuser):
    assert Workflow.objects.filter(name=services.REVIEW_WORKFLOW_NAME).exists()
    suggestion = services.suggestion_submit(
        recipe=recipe, author=member, field="situation", text="Første.\n\nAndre.", reason="r"
    )
    services.suggestion_decide(suggestion=suggestion, editor=superuser, accepted=True, comment="")
    assert _live(recipe).situation == "<p>Første.</p><p>Andre.</p>"


# Deciding on Wagtail's own workflow screens settles the suggestion too (issue 4).


def _current_task(recipe):
    state = WorkflowState.objects.get(object_id=str(recipe.pk), status="in_progress")
    return state.current_task_state


def test_approving_every_task_in_wagtail_accepts_and_tells_the_suggester(
    recipe, member, group_editor, superuser, mailoutbox, django_capture_on_commit_callbacks
):
    # The reviewer publishing on Wagtail's screens holds Wagtail's publish permission.
    suggestion = services.suggestion_submit(
        recipe=recipe, author=member, field="summary", text=NEW_SUMMARY, reason="Klarere"
    )
    services.suggestion_start_review(suggestion=suggestion, editor=group_editor)
    with django_capture_on_commit_callbacks(execute=True):
        first = _current_task(recipe)
        first.task.specific.on_action(first, superuser, "approve", comment="Faglig riktig.")
        suggestion.refresh_from_db()
        assert suggestion.status == SuggestedChange.Status.IN_REVIEW  # publishing comes last
        second = _current_task(recipe)
        second.task.specific.on_action(second, superuser, "approve", comment="Publisert.")
    assert _live(recipe).summary == NEW_SUMMARY
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestedChange.Status.ACCEPTED
    assert suggestion.editor == superuser
    assert suggestion.editor_comment == "Publisert."
    # Wagtail also mails the reviewers about the workflow; the suggester gets one email.
    to_suggester = [m for m in mailoutbox if m.to == [member.email]]
    assert len(to_suggester) == 1
    assert "Publisert." in to_suggester[0].body


def test_rejecting_in_wagtail_rejects_and_tells_the_suggester(
    recipe, member, group_editor, mailoutbox, django_capture_on_commit_callbacks
):
    old_summary = recipe.summary
    suggestion = services.suggestion_submit(
        recipe=recipe, author=member, field="summary", text=NEW_SUMMARY, reason="Klarere"
    )
    services.suggestion_start_review(suggestion=suggestion, editor=group_editor)
    with django_capture_on_commit_callbacks(execute=True):
        task_state = _current_task(recipe)
        task_state.task.specific.on_action(
            task_state, group_editor, "reject", comment="Stemmer ikke med forskriften."
        )
    assert _live(recipe).summary == old_summary
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestedChange.Status.REJECTED
    assert suggestion.editor_comment == "Stemmer ikke med forskriften."
    to_suggester = [m for m in mailoutbox if m.to == [member.email]]
    assert len(to_suggester) == 1
    assert "Stemmer ikke med forskriften." in to_suggester[0].body


def test_deciding_through_the_service_sends_one_email_only(
    recipe, member, group_editor, mailoutbox, django_capture_on_commit_callbacks
):
    suggestion = services.suggestion_submit(
        recipe=recipe, author=member, field="summary", text=NEW_SUMMARY, reason="Klarere"
    )
    services.suggestion_start_review(suggestion=suggestion, editor=group_editor)
    with django_capture_on_commit_callbacks(execute=True):
        services.suggestion_decide(
            suggestion=suggestion, editor=group_editor, accepted=True, comment="Takk!"
        )
    assert len([m for m in mailoutbox if m.to == [member.email]]) == 1


def test_publishing_an_unrelated_recipe_settles_nothing(recipe, member, group_editor, chapter):
    from apps.cookbook.services import recipe_publish_revision
    from apps.cookbook.tests.factories import RecipePageFactory

    suggestion = services.suggestion_submit(
        recipe=recipe, author=member, field="summary", text=NEW_SUMMARY, reason="Klarere"
    )
    services.suggestion_start_review(suggestion=suggestion, editor=group_editor)
    other = RecipePageFactory(parent=chapter, title="En annen oppskrift")
    recipe_publish_revision(recipe=other, change_note="Ny")
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestedChange.Status.IN_REVIEW
