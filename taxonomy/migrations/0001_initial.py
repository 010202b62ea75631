"""Topic, Region and IssuingAuthority move here from policies.

Their tables keep their names and rows (state only). The content type rows are relabelled, so
permissions (and the groups holding them), admin log entries and search index entries follow.
"""

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models

MODELS = ["topic", "region", "issuingauthority"]


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
    relabel(apps, schema_editor, "policies", "taxonomy")


def backwards(apps, schema_editor):
    relabel(apps, schema_editor, "taxonomy", "policies")



class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('policies', '0003_relation_date_help'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Topic',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='名称')),
                        ('slug', models.SlugField(allow_unicode=True, max_length=100, unique=True, verbose_name='网址名称')),
                        ('description', models.TextField(blank=True, verbose_name='说明')),
                    ],
                    options={
                        'verbose_name': '主题分类',
                        'verbose_name_plural': '主题分类',
                        'db_table': 'policies_topic',
                        'ordering': ['name'],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='Region',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='名称')),
                        ('level', models.CharField(choices=[('province', '省级'), ('city', '市级'), ('county', '区县'), ('town', '街道乡镇'), ('village', '社区村')], max_length=20, verbose_name='层级')),
                        ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='taxonomy.region', verbose_name='上级区划')),
                    ],
                    options={
                        'verbose_name': '行政区划',
                        'verbose_name_plural': '行政区划',
                        'db_table': 'policies_region',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='IssuingAuthority',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, unique=True, verbose_name='名称')),
                        ('level', models.CharField(choices=[('province', '省级'), ('city', '市级'), ('county', '区县'), ('town', '街道乡镇'), ('village', '社区村')], default='city', max_length=20, verbose_name='层级')),
                        ('region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='taxonomy.region', verbose_name='所属区划')),
                    ],
                    options={
                        'verbose_name': '发文机关',
                        'verbose_name_plural': '发文机关',
                        'db_table': 'policies_issuingauthority',
                        'ordering': ['name'],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
