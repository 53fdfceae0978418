from django.db import migrations

from apps.core.vocabulary import SECTORS, TARGET_GROUPS


def seed(apps, schema_editor):
    for model_name, terms in (("Sector", SECTORS), ("TargetGroup", TARGET_GROUPS)):
        model = apps.get_model("core", model_name)
        for position, (code, name) in enumerate(terms):
            model.objects.update_or_create(code=code, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("core", "0002_sector_targetgroup")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
