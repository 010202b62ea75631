"""SQLite only: the full-text row is rewritten only when an indexed text changes.

Wagtail's trigger rewrote a row's FTS5 entry on any UPDATE of the index table, and a rebuild
ends by updating every row's title_norm (a column FTS5 does not hold): the whole full-text
index was tokenised and written a second time. ``AFTER UPDATE OF title, body, autocomplete``
keeps the FTS5 table identical and skips that work.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
TRIGGER = "update_wagtailsearch_indexentry_fts"
BODY = (
    f"BEGIN UPDATE {TABLE}_fts SET title=NEW.title, body=NEW.body, "  # noqa: S608
    f"autocomplete=NEW.autocomplete WHERE rowid=NEW.id; END"
)


def _replace(schema_editor, columns):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = %s", [TRIGGER]
        )
        if not cursor.fetchone()[0]:  # no FTS5 in this SQLite build
            return
        cursor.execute(f"DROP TRIGGER {TRIGGER}")
        cursor.execute(f"CREATE TRIGGER {TRIGGER} AFTER UPDATE{columns} ON {TABLE} {BODY}")


def only_indexed_columns(apps, schema_editor):
    _replace(schema_editor, " OF title, body, autocomplete")


def any_column(apps, schema_editor):
    _replace(schema_editor, "")


class Migration(migrations.Migration):
    dependencies = [("search", "0007_rum_indexes")]

    operations = [migrations.RunPython(only_indexed_columns, any_column)]
