"""Topic and Region now belong to taxonomy: state only, columns and link tables stay."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0003_casestudypage_lead_image_casestudypage_themes_and_more'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='casestudypage',
                    name='region',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.region', verbose_name='地区'),
                ),
                migrations.AlterField(
                    model_name='casestudypage',
                    name='themes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='与政策文件库共用的主题分类', related_name='case_studies', to='taxonomy.topic', verbose_name='实践主题'),
                ),
                migrations.AlterField(
                    model_name='newsarticlepage',
                    name='region',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.region', verbose_name='地区'),
                ),
            ],
            database_operations=[],
        ),
    ]
