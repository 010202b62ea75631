"""Topic, Region and IssuingAuthority move to taxonomy: state only, tables and rows stay."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('alerts', '0002_taxonomy_moved'),
        ('enquiries', '0002_taxonomy_moved'),
        ('news', '0004_taxonomy_moved'),
        ('policies', '0003_relation_date_help'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='issuingauthority',
                    name='region',
                ),
                migrations.RemoveField(
                    model_name='region',
                    name='parent',
                ),
                migrations.AlterField(
                    model_name='policypage',
                    name='region',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.region', verbose_name='地区'),
                ),
                migrations.DeleteModel(
                    name='Topic',
                ),
                migrations.AlterField(
                    model_name='policypage',
                    name='issuing_authorities',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, to='taxonomy.issuingauthority', verbose_name='发文机关'),
                ),
                migrations.AlterField(
                    model_name='policypage',
                    name='topics',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, to='taxonomy.topic', verbose_name='主题分类'),
                ),
                migrations.DeleteModel(
                    name='IssuingAuthority',
                ),
                migrations.DeleteModel(
                    name='Region',
                ),
            ],
            database_operations=[],
        ),
    ]
