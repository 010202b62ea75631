"""Topic and IssuingAuthority now belong to taxonomy: state only, the columns stay."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('alerts', '0001_initial'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='subscription',
                    name='authority',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='taxonomy.issuingauthority', verbose_name='发文机关'),
                ),
                migrations.AlterField(
                    model_name='subscription',
                    name='topic',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='taxonomy.topic', verbose_name='主题分类'),
                ),
            ],
            database_operations=[],
        ),
    ]
