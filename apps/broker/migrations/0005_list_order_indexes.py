# Indexes in the lists' own order (issue 13): the newest needs and the offers by title.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("broker", "0004_pending_changes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="need",
            index=models.Index(fields=["-created_at", "-id"], name="broker_need_newest"),
        ),
        migrations.AddIndex(
            model_name="offer",
            index=models.Index(fields=["title", "id"], name="broker_offer_title"),
        ),
    ]
