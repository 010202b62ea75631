"""The groups 编辑 and 审核员 and the workflow 编辑审核发布 on the root page.

Existing databases already have them (made by the former post_migrate handler): every step
looks up by name first, so nothing is duplicated. Reversing removes what is not in use.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from workflows.editorial import setup_editorial_workflow

    setup_editorial_workflow(apps, using=schema_editor.connection.alias)


def backwards(apps, schema_editor):
    from workflows.editorial import remove_editorial_workflow

    remove_editorial_workflow(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
