"""ImportedRecord now belongs to the importing app; its table stays (state only)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0003_importedrecord_checksum"),
        ("importing", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ImportedRecord")],
            database_operations=[],
        ),
    ]
