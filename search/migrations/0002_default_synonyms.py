"""Starting synonym groups; editors can change or disable them in the admin."""

from django.db import migrations

GROUPS = [
    ("社治委，城乡社区发展治理委员会", "成都等地的党委职能部门简称"),
    ("居委会，居民委员会", ""),
    ("村委会，村民委员会", ""),
    ("社工，社会工作者", ""),
]


def add_groups(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms, note in GROUPS:
        Synonym.objects.get_or_create(terms=terms, defaults={"note": note})


def remove_groups(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(terms__in=[terms for terms, _ in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_groups, remove_groups)]
