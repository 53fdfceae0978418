"""Fund attachments move to the private storage under random names (issue 19, finding 5).

They used to lie in the public media storage at fund/applications/<id>/<upload second>.pdf,
which answered anonymously under `make run` to anyone who guessed the second. Each existing
file is copied to the private storage as fund/attachments/<uuid4>.pdf, the row is pointed at
it and the public copy is deleted. Running it again changes nothing; a row whose file is gone
from the public storage keeps its name (the download answers 404)."""

import uuid

from django.core.files.storage import default_storage
from django.db import migrations, models

from apps.core.privatefiles import private_storage
from apps.fund.models import attachment_path

NEW_PREFIX = "fund/attachments/"


def move_to_private_storage(apps, schema_editor):
    Attachment = apps.get_model("fund", "Attachment")
    private = private_storage()
    for attachment in Attachment.objects.exclude(file__startswith=NEW_PREFIX).iterator():
        old_name = attachment.file.name
        if not old_name or not default_storage.exists(old_name):
            continue
        with default_storage.open(old_name, "rb") as source:
            new_name = private.save(f"{NEW_PREFIX}{uuid.uuid4().hex}.pdf", source)
        Attachment.objects.filter(pk=attachment.pk).update(file=new_name)
        default_storage.delete(old_name)


class Migration(migrations.Migration):
    dependencies = [
        ("fund", "0002_need_collaboration"),
    ]

    operations = [
        migrations.AlterField(
            model_name="attachment",
            name="file",
            field=models.FileField(
                max_length=300,
                storage=private_storage,
                upload_to=attachment_path,
                verbose_name="file",
            ),
        ),
        migrations.RunPython(move_to_private_storage, migrations.RunPython.noop),
    ]
