"""The «Redaktører» group: may use the admin and edit legal rules and thresholds.

Permissions are created here rather than left to post_migrate, which runs only after
every migration and so too late for this one. Other apps may add their own permissions
to the same group.
"""

from django.db import migrations

GROUP_NAME = "Redaktører"
MODELS = (("legalrule", "legal rule"), ("threshold", "threshold"))
ACTIONS = ("add", "change", "delete", "view")


def create_editors_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    admin_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _created = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    permissions = [access_admin]
    for model, verbose_name in MODELS:
        content_type, _created = ContentType.objects.get_or_create(app_label="rules", model=model)
        for action in ACTIONS:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            permissions.append(permission)
    group.permissions.add(*permissions)


def remove_rules_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is None:
        return
    codenames = [f"{action}_{model}" for model, _name in MODELS for action in ACTIONS]
    group.permissions.remove(
        *Permission.objects.filter(content_type__app_label="rules", codename__in=codenames)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("rules", "0002_help_texts"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_rules_permissions)]
