from django.db import migrations

from apps.core.vocabulary import NAMES_EN, NAMES_NN


def fill(apps, schema_editor):
    """Fills the nynorsk and English names of the seeded terms where they are still empty
    (a name an editor has already written is kept)."""
    for model_name in ("Sector", "TargetGroup"):
        model = apps.get_model("core", model_name)
        for term in model.objects.filter(code__in=set(NAMES_NN) | set(NAMES_EN)):
            changed = []
            if not term.name_nn and NAMES_NN.get(term.code):
                term.name_nn = NAMES_NN[term.code]
                changed.append("name_nn")
            if not term.name_en and NAMES_EN.get(term.code):
                term.name_en = NAMES_EN[term.code]
                changed.append("name_en")
            if changed:
                term.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("core", "0006_vocabulary_names_nn_en")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
