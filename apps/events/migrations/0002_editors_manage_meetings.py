"""Editors («Redaktører») manage meetings and review input in the admin.

Registrations (personal data) are left to organisers and administrators. The permissions
are created here rather than left to post_migrate, which runs only after every migration.
The group is shared with other apps and found or made by name.
"""

from django.db import migrations

GROUP_NAME = "Redaktører"
GRANTS = {
    "event": ("add", "change", "view", "delete"),
    "input": ("change", "view"),
}


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model, actions in GRANTS.items():
        content_type, _created = ContentType.objects.get_or_create(app_label="events", model=model)
        for action in actions:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            yield permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
