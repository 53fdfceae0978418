"""Wagtail creates a workflow and a task called "Moderators approval"; Norwegian editors saw
that English name on every page they sent for review. Renamed to bokmål while it still has
Wagtail's name (an editor's own name is never touched)."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
NORWEGIAN_NAME = "Godkjenning av moderator"


def rename(apps, schema_editor):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=WAGTAIL_NAME).update(
            name=NORWEGIAN_NAME
        )


def rename_back(apps, schema_editor):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=NORWEGIAN_NAME).update(
            name=WAGTAIL_NAME
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0004_text_length_limits"),
        ("wagtailcore", "0083_workflowcontenttype"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
