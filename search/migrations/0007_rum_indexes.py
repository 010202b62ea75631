"""PostgreSQL only, optional: RUM indexes on the search index's title and body (see
search/backends/rum.py). Nothing happens on SQLite, without the extension, or with
GONGKAI_SEARCH_RUM=0; the GIN indexes stay in every case."""

from django.db import migrations

from search.backends import rum


def add_rum_indexes(apps, schema_editor):
    rum.install(schema_editor.connection)


def remove_rum_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        rum.drop_indexes(schema_editor.connection)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("search", "0006_short_names"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(add_rum_indexes, remove_rum_indexes)]
