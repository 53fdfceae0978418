import pytest
from django.urls import reverse

from apps.accounts.tests.helpers import force_login_verified
from apps.contributions.models import Tip
from apps.core.models import AuditEvent
from apps.events import services
from apps.events.models import InputStatus

from .factories import InputFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recipe(home_page):
    from apps.cookbook.tests.factories import (
        ChapterPageFactory,
        CookbookIndexPageFactory,
        RecipePageFactory,
    )

    chapter = ChapterPageFactory(parent=CookbookIndexPageFactory(parent=home_page))
    return RecipePageFactory(parent=chapter, title="Betalt pilot med en oppstartsbedrift")


def test_input_about_a_recipe_becomes_a_published_tip_crediting_author_and_meeting(recipe, editor):
    item = InputFactory(recipe=recipe, text="Avtal målene for piloten før dere starter.")

    item = services.input_convert_to_tip(item=item, reviewer=editor)

    tip = Tip.objects.get(recipe=recipe)
    assert tip.text == "Avtal målene for piloten før dere starter."
    assert tip.status == "published"
    assert "Kari Nordmann" in tip.credited_to
    assert item.event.title in tip.credited_to
    assert item.status == InputStatus.CONVERTED
    assert item.converted_to_url == recipe.url
    assert AuditEvent.objects.filter(action="events.input.convert_to_tip").count() == 1


def test_input_without_a_recipe_cannot_become_a_tip(editor):
    item = InputFactory(recipe=None)

    with pytest.raises(services.InputNotAllowed):
        services.input_convert_to_tip(item=item, reviewer=editor)

    item.refresh_from_db()
    assert item.status == InputStatus.NEW
    assert not Tip.objects.exists()


def test_converted_input_cannot_become_a_second_tip(recipe, editor):
    item = InputFactory(recipe=recipe)
    services.input_convert_to_tip(item=item, reviewer=editor)

    with pytest.raises(services.InputNotAllowed):
        services.input_convert_to_tip(item=item, reviewer=editor)

    assert Tip.objects.count() == 1


def test_editor_turns_input_into_a_tip_with_one_action(client, editor, recipe):
    item = InputFactory(recipe=recipe, title="Råd om piloter")
    force_login_verified(client, editor)
    client.cookies["kokeboka_language"] = "en"
    review_url = reverse("events:review-inputs", args=[item.event.slug])

    page = client.get(review_url).content.decode()
    response = client.post(reverse("events:input-to-tip", args=[item.event.slug, item.pk]))

    assert "Make a tip on the recipe" in page
    assert response.status_code == 302
    assert response["Location"].endswith(f"#input-{item.pk}")
    assert Tip.objects.filter(recipe=recipe, status="published").count() == 1
    assert "Make a tip on the recipe" not in client.get(review_url).content.decode()
