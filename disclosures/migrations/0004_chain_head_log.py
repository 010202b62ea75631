"""The chain-head log gets an entry at every change, numbered per village and signed with it."""

import hashlib
import hmac

from django.conf import settings
from django.db import migrations, models


def number_and_resign(apps, schema_editor):
    """Earlier entries (one a day) become daily entries 1, 2, 3 … of their village."""
    key = getattr(settings, "GONGKAI_CHAIN_KEY", None)
    ChainHead = apps.get_model("disclosures", "ChainHead")
    counters = {}
    for entry in ChainHead.objects.order_by("village_id", "day", "id"):
        number = counters[entry.village_id] = counters.get(entry.village_id, 0) + 1
        entry.number, entry.kind = number, "daily"
        if key:  # otherwise verify_disclosures reports the entries as unsigned
            message = f"chain-head:{entry.village_id}:{number}:daily:{entry.day}:{entry.head}"
            entry.signature = hmac.new(
                key.encode("utf-8"), message.encode("utf-8"), hashlib.sha256
            ).hexdigest()
        entry.save(update_fields=["number", "kind", "signature"])


class Migration(migrations.Migration):
    dependencies = [
        ("disclosures", "0003_village_accountability"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="chainhead", name="chain_head_once_a_day"),
        migrations.AlterModelOptions(
            name="chainhead",
            options={
                "ordering": ["village_id", "number"],
                "verbose_name": "公开链头记录",
                "verbose_name_plural": "公开链头记录",
            },
        ),
        migrations.AddField(
            model_name="chainhead",
            name="number",
            field=models.PositiveIntegerField(default=0, verbose_name="条目序号"),
        ),
        migrations.AddField(
            model_name="chainhead",
            name="kind",
            field=models.CharField(
                choices=[("change", "版本变动"), ("daily", "每日汇总")],
                default="daily",
                max_length=8,
                verbose_name="类型",
            ),
        ),
        migrations.AlterField(
            model_name="chainhead",
            name="head",
            field=models.CharField(db_index=True, max_length=64, verbose_name="链头哈希"),
        ),
        migrations.RunPython(number_and_resign, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="chainhead",
            constraint=models.UniqueConstraint(
                fields=("village_id", "number"), name="chain_head_numbered"
            ),
        ),
        migrations.AddConstraint(
            model_name="chainhead",
            constraint=models.UniqueConstraint(
                condition=models.Q(("kind", "daily")),
                fields=("village_id", "day"),
                name="chain_head_daily_once",
            ),
        ),
    ]
