"""The shipped everyday-words vocabulary (search/vocabulary/everyday.tsv) as one-way synonyms."""

from django.db import migrations

from search.vocabulary import NOTE_PREFIX, load_vocabulary


def add_vocabulary(apps, schema_editor):
    load_vocabulary(apps.get_model("search", "Synonym"))


def remove_vocabulary(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(one_way=True, note__startswith=NOTE_PREFIX).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0003_synonym_one_way")]

    operations = [migrations.RunPython(add_vocabulary, remove_vocabulary)]
