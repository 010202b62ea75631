"""Index writes for SQLite: one transaction and one multi-row insert per batch.

What is stored is what Wagtail's SQLite indexer stores (see ``indexing.columns``), with two
differences in how: the rows of a batch go in through one ``executemany`` inside one
transaction, and a new row gets its ``title_norm`` (average title length / its title length,
the average taken over every indexed title including the batch) as it is inserted. Wagtail
inserts 1.0 and then updates the new rows, and every update of a row rewrites its full-text
entry through the FTS5 trigger, which cost as much as the insert itself.
"""

from django.db import transaction
from modelsearch.utils import get_content_type_pk

from .indexing import analysed_objects, columns


def _average_title_length(cursor, table, new_titles):
    """Wagtail's lavg: mean length of the non-empty titles, the new ones included."""
    sql = "SELECT COALESCE(SUM(LENGTH(title)), 0), COUNT(*) FROM {} WHERE LENGTH(title) > 0"
    cursor.execute(sql.format(table))
    total, count = cursor.fetchone()
    lengths = [len(t) for t in new_titles if t]
    count += len(lengths)
    return (total + sum(lengths)) / count if count else None


def _title_norm(lavg, title):
    return lavg / len(title) if title and lavg is not None else 1.0


def write(index, model, objs, analyze):
    """Store analysed objs of model in the SQLite index (new rows inserted, old ones updated)."""
    rows = {oid: columns(values) for oid, values in analysed_objects(objs, analyze).items()}
    if not rows:
        return
    content_type = get_content_type_pk(model)
    entries = index.entries.filter(content_type_id=content_type)
    table = entries.model._meta.db_table
    connection = index.write_connection
    with transaction.atomic(using=connection.alias):
        existing = set(entries.filter(object_id__in=list(rows)).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = rows[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        new = [(oid, data) for oid, data in rows.items() if oid not in existing]
        if not new:
            return
        with connection.cursor() as cursor:
            lavg = _average_title_length(cursor, table, [data[0] for _oid, data in new])
            cursor.executemany(
                f"INSERT INTO {table} (content_type_id, object_id, title_norm, title, "  # noqa: S608
                "autocomplete, body) VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    (content_type, oid, _title_norm(lavg, title), title, autocomplete, body)
                    for oid, (title, autocomplete, body) in new
                ],
            )
