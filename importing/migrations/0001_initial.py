"""ImportedRecord moves here from home: same table and rows, only Django's state changes.

The content type row is relabelled, so its permissions and admin log entries follow.
"""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ["importedrecord"]


def relabel(apps, schema_editor, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    for model in MODELS:
        stale = ContentType.objects.using(db).filter(app_label=old, model=model).first()
        if stale is None:
            continue
        current = ContentType.objects.using(db).filter(app_label=new, model=model).first()
        if current is None:
            stale.app_label = new
            stale.save(update_fields=["app_label"])
            continue
        taken = set(Permission.objects.using(db).filter(content_type=current).values_list("codename", flat=True))
        Permission.objects.using(db).filter(content_type=stale).exclude(codename__in=taken).update(content_type=current)
        stale.delete()


def forwards(apps, schema_editor):
    relabel(apps, schema_editor, "home", "importing")


def backwards(apps, schema_editor):
    relabel(apps, schema_editor, "importing", "home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("home", "0003_importedrecord_checksum"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ImportedRecord",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("source_id", models.CharField(max_length=255, unique=True, verbose_name="导入编号")),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("checksum", models.CharField(blank=True, max_length=64, verbose_name="内容校验值")),
                        ("imported_at", models.DateTimeField(auto_now=True, verbose_name="导入时间")),
                        ("content_type", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype")),
                    ],
                    options={
                        "verbose_name": "导入记录",
                        "verbose_name_plural": "导入记录",
                        "db_table": "home_importedrecord",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
