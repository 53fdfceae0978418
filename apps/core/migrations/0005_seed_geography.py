from django.db import migrations

from apps.core.geography import seed_geography


def seed(apps, schema_editor):
    seed_geography(
        county_model=apps.get_model("core", "County"),
        municipality_model=apps.get_model("core", "Municipality"),
        update=True,
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0004_county_municipality")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
