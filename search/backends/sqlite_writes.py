"""Index writes for SQLite: one transaction and one multi-row insert per batch.

What is stored is what Wagtail's SQLite indexer stores (see ``indexing.columns``), with two
differences in how: the rows of a batch go in through one ``executemany`` inside one
transaction, and a new row gets its ``title_norm`` (average title length / its title length,
the average taken over every indexed title including the batch) as it is inserted. Wagtail
inserts 1.0 and then updates the new rows, and every update of a row rewrites its full-text
entry through the FTS5 trigger, which cost as much as the insert itself.

During a full rebuild (``Bulk``, set on the index by the atomic rebuilder) two things are
deferred to the end of the rebuild's transaction. The FTS5 insert trigger is dropped and the
new rows enter the full-text table in one ``INSERT … SELECT`` (half the time of one trigger
call per row); and the average title length is carried from batch to batch instead of being
read again from the whole table (a scan past every row's body, so a rebuild cost grew with the
square of its size). The stored values are the same.
"""

from django.db import transaction
from django.db.models.functions import Length
from modelsearch.utils import get_content_type_pk

from .indexing import analysed_objects, columns

TABLE = "wagtailsearch_indexentry"
FTS_TABLE = "wagtailsearch_indexentry_fts"
INSERT_TRIGGER = "insert_wagtailsearch_indexentry_fts"


def _title_lengths(cursor, table):
    """(sum, count) of the non-empty titles' lengths in the table."""
    sql = "SELECT COALESCE(SUM(LENGTH(title)), 0), COUNT(*) FROM {} WHERE LENGTH(title) > 0"
    cursor.execute(sql.format(table))
    total, count = cursor.fetchone()
    return total, count


def _average(total, count, new_titles):
    """Wagtail's lavg: mean length of the non-empty titles, the new ones included."""
    lengths = [len(t) for t in new_titles if t]
    count += len(lengths)
    return (total + sum(lengths)) / count if count else None


def _title_norm(lavg, title):
    return lavg / len(title) if title and lavg is not None else 1.0


class Bulk:
    """A full rebuild in progress on one connection (inside the rebuild's transaction)."""

    def __init__(self, connection):
        self.connection = connection
        self.parallel = None  # indexing.ParallelAnalysis, when the rebuild uses workers
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {TABLE}")  # noqa: S608
            self.last_old_id = cursor.fetchone()[0]
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s",
                [INSERT_TRIGGER],
            )
            found = cursor.fetchone()
            self.trigger_sql = found[0] if found else None
            if self.trigger_sql:
                cursor.execute(f"DROP TRIGGER {INSERT_TRIGGER}")
            self.lengths = _title_lengths(cursor, TABLE)

    def finish(self):
        """The rows inserted since the start into the full-text table, the trigger back."""
        if not self.trigger_sql:
            return
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body, autocomplete) "  # noqa: S608
                f"SELECT id, title, body, autocomplete FROM {TABLE} WHERE id > %s ORDER BY id",
                [self.last_old_id],
            )
            cursor.execute(self.trigger_sql)
        self.trigger_sql = None


def refresh_title_norms(connection):
    """Wagtail's full title-norm refresh (lavg / the title's length), writing only the rows
    whose norm changes: SQLite rewrites a whole row, body included, for a new norm."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT AVG(LENGTH(title)) FROM {TABLE} WHERE LENGTH(title) > 0")  # noqa: S608
        lavg = cursor.fetchone()[0]
        if lavg is None:
            return
        cursor.execute(
            f"UPDATE {TABLE} SET title_norm = %s / LENGTH(title) "  # noqa: S608
            "WHERE LENGTH(title) > 0 AND title_norm IS NOT %s / LENGTH(title)",
            [lavg, lavg],
        )


def write(index, model, objs, analyze):
    """Store analysed objs of model in the SQLite index (new rows inserted, old ones updated)."""
    write_analysed(index, model, analysed_objects(objs, analyze))


def write_analysed(index, model, analysed):
    """Store {object id: [(field, analysed text)]} of model (see ``indexing``)."""
    rows = {oid: columns(values) for oid, values in analysed.items()}
    if not rows:
        return
    content_type = get_content_type_pk(model)
    entries = index.entries.filter(content_type_id=content_type)
    table = entries.model._meta.db_table
    connection = index.write_connection
    bulk = getattr(index, "bulk", None)
    with transaction.atomic(using=connection.alias):
        existing = dict(
            entries.filter(object_id__in=list(rows))
            .annotate(length=Length("title"))
            .values_list("object_id", "length")
        )
        for object_id in existing:
            title, autocomplete, body = rows[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        if bulk is not None:
            bulk.lengths = _updated(bulk.lengths, existing, rows)
        new = [(oid, data) for oid, data in rows.items() if oid not in existing]
        if not new:
            return
        with connection.cursor() as cursor:
            total, count = bulk.lengths if bulk is not None else _title_lengths(cursor, table)
            titles = [data[0] for _oid, data in new]
            lavg = _average(total, count, titles)
            if bulk is not None:
                lengths = [len(t) for t in titles if t]
                bulk.lengths = (total + sum(lengths), count + len(lengths))
            cursor.executemany(
                f"INSERT INTO {table} (content_type_id, object_id, title_norm, title, "  # noqa: S608
                "autocomplete, body) VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    (content_type, oid, _title_norm(lavg, title), title, autocomplete, body)
                    for oid, (title, autocomplete, body) in new
                ],
            )


def _updated(lengths, old_lengths, rows):
    """The (sum, count) of title lengths after the rows in old_lengths took their new titles."""
    total, count = lengths
    for object_id, old in old_lengths.items():
        new = len(rows[object_id][0])
        total += new - old
        count += (new > 0) - (old > 0)
    return total, count
