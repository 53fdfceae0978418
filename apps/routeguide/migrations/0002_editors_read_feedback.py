"""Editors («Redaktører») may read the route guide's feedback in the admin.

The permission is created here rather than left to post_migrate, which runs only after
every migration. The group is shared with other apps and found or made by name.
"""

from django.db import migrations

GROUP_NAME = "Redaktører"


def grant_view(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    content_type, _created = ContentType.objects.get_or_create(
        app_label="routeguide", model="routeguidefeedback"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_routeguidefeedback",
        defaults={"name": "Can view route guide feedback"},
    )
    group.permissions.add(permission)


def revoke_view(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="routeguide", codename="view_routeguidefeedback"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("routeguide", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_view, revoke_view)]
