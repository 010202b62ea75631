"""The shipped short names of documents and issuing bodies (search/vocabulary/shortnames.tsv)."""

from django.db import migrations

from search.vocabulary import SHORT_NAMES_NOTE, load_short_names


def add_short_names(apps, schema_editor):
    load_short_names(apps.get_model("search", "Synonym"))


def remove_short_names(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(one_way=True, note__startswith=SHORT_NAMES_NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0005_zero_result_hits")]

    operations = [migrations.RunPython(add_short_names, remove_short_names)]
