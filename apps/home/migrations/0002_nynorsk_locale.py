"""The nynorsk content locale, and the right for editors to translate pages into it."""

from django.db import migrations

EDITORS_GROUP = "Redaktører"


def add_nynorsk(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    Locale.objects.get_or_create(language_code="nn")
    # The permission row is normally made after migrate (post_migrate); make it here so the
    # editors' group can hold it from the first migrate.
    content_type, _created = ContentType.objects.get_or_create(
        app_label="simple_translation", model="simpletranslation"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    editors.permissions.add(permission)


def remove_nynorsk(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    locale = Locale.objects.filter(language_code="nn").first()
    if locale is not None and not Page.objects.filter(locale=locale).exists():
        locale.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("simple_translation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_nynorsk, remove_nynorsk)]
