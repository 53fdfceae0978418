"""Loading the demo book leaves no queued task pointing at a row that is gone (on a fresh
database `make run` left 35 failed reference-index tasks: RelatedRecipe.DoesNotExist)."""

import pytest
from django.apps import apps
from django_tasks_db.models import DBTaskResult

from apps.cookbook import demo
from apps.cookbook.models import RelatedRecipe

from .test_demo import demo_content, rules  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_every_queued_reference_index_task_finds_its_row(home_page, demo_content, rules, settings):  # noqa: F811
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    demo.load(home=home_page)

    queued = DBTaskResult.objects.filter(task_path="wagtail.tasks.update_reference_index_task")
    targets = [tuple(task.args_kwargs["args"]) for task in queued]
    related = [pk for app_label, model, pk in targets if model == "relatedrecipe"]
    assert related  # the demo recipes relate to each other
    missing = [
        (app_label, model, pk)
        for app_label, model, pk in targets
        if not apps.get_model(app_label, model).objects.filter(pk=pk).exists()
    ]
    assert missing == []
    assert RelatedRecipe.objects.count() == 3
