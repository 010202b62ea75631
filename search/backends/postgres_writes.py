"""Index writes for PostgreSQL: one transaction, title norms set as rows go in.

What is stored is what Wagtail's PostgreSQL indexer stores (its own ``ObjectIndexer`` builds the
weighted tsvectors), fed with our analysed text, each field read and analysed once. Wagtail
inserts title_norm 1.0 and then updates every new row; on PostgreSQL an update writes a new row
version and new entries in the three GIN indexes. Here the average title length (in lexemes,
over every indexed title with the batch's new titles in place of their old ones) is read first
and one INSERT … ON CONFLICT per 500 rows stores each row with its norm.

Each weighted tsvector expression is compiled by Django once per shape (the column and the
weights of its non-empty texts) and reused with the row's texts in place: compiling Django's
expressions for every row cost more than analysing its text. During a full rebuild (``Bulk``)
the sum and count of the title lengths are carried from batch to batch instead of being read
again from the whole table for every batch.
"""

from django.db import transaction
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as base
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk

from .indexing import analysed_objects

# Rows per statement (PostgreSQL takes at most 65535 parameters in one).
BATCH = 500
_COLUMNS = "content_type_id, object_id, title, autocomplete, body, title_text, body_text"


class _PreparedIndexer(base.ObjectIndexer):
    """Wagtail's indexer over already-read (field, weight, text) triples."""

    def __init__(self, object_id, triples, backend):
        self.obj = None
        self.search_fields = triples
        self.config = backend.config
        self.autocomplete_config = backend.autocomplete_config
        self.__dict__["id"] = object_id

    def prepare_field(self, obj, field):
        yield field

    def texts(self, column):
        """(text, weight) pairs that Wagtail's indexer turns into column's tsvector."""
        if column == "autocomplete":
            return [(v, w) for f, w, v in self.search_fields if isinstance(f, AutocompleteField)]
        title = column == "title"
        return [
            (v, w)
            for f, w, v in self.search_fields
            if isinstance(f, SearchField) and (f.field_name == "title") == title
        ]


# (alias, column, configs, weights) → (sql, params, positions of the texts in params)
_SHAPES = {}


def _shape(indexer, column, weights, compiler, connection):
    markers = [f"\ue000gk{i}\ue000" for i in range(len(weights))]
    vector = indexer.as_vector(
        list(zip(markers, weights, strict=True)), for_autocomplete=column == "autocomplete"
    )
    field = base.IndexEntry._meta.get_field(column)
    sql, params = compiler.prepare_value(field, vector).as_sql(compiler, connection)
    return sql, tuple(params), [params.index(marker) for marker in markers]


def _triples(values):
    return [
        (field, "D" if isinstance(field, AutocompleteField) else get_weight(field.boost), value)
        for field, value in values
    ]


def _compiled(indexer, column, compiler, connection):
    """SQL and params of Wagtail's tsvector expression for the column (its as_vector)."""
    texts = [(text.strip(), weight) for text, weight in indexer.texts(column)]
    texts = [(text, weight) for text, weight in texts if text]
    weights = tuple(weight for _text, weight in texts)
    key = (connection.alias, column, indexer.config, indexer.autocomplete_config, weights)
    shape = _SHAPES.get(key)
    if shape is None:
        shape = _SHAPES[key] = _shape(indexer, column, weights, compiler, connection)
    sql, params, slots = shape
    params = list(params)
    for slot, (text, _weight) in zip(slots, texts, strict=True):
        params[slot] = text
    return sql, params


def _row_sql(indexer, compiler, connection, content_type):
    sql, params = [], [content_type, indexer.id]
    for column in ("title", "autocomplete", "body"):
        part_sql, part_params = _compiled(indexer, column, compiler, connection)
        sql.append(part_sql)
        params.extend(part_params)
    params.extend((indexer.title_text, indexer.body_text))
    return f"(%s::integer, %s::varchar, {', '.join(sql)}, %s::text, %s::text)", params


class Bulk:
    """A full rebuild in progress: the sum and count of the non-empty titles' lexeme counts."""

    def __init__(self, connection):
        self.parallel = None  # indexing.ParallelAnalysis, when the rebuild uses workers
        table = base.IndexEntry._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COALESCE(sum(length(title)), 0), count(*) FROM {table} "  # noqa: S608
                "WHERE length(title) > 0"
            )
            self.lengths = cursor.fetchone()


def _bulk_average(cursor, table, content_type, indexers, titles, bulk):
    """The same average as _average_title_length (avg of integers: numeric sum / count, as a
    float8) from the carried sum and count, the batch's old and new titles read alone."""
    values = ", ".join(f"({sql})" for sql, _params in titles)
    total, count = bulk.lengths
    cursor.execute(
        f"""SELECT ((%s::bigint - o.s + n.s)::numeric
                    / NULLIF(%s::bigint - o.c + n.c, 0)::numeric)::float8,
                   %s::bigint - o.s + n.s, %s::bigint - o.c + n.c
        FROM (SELECT COALESCE(sum(length(title)), 0) AS s, count(*) AS c FROM {table}
              WHERE length(title) > 0 AND content_type_id = %s AND object_id = ANY(%s)) AS o,
             (SELECT COALESCE(sum(length(t)), 0) AS s, count(*) AS c
              FROM (VALUES {values}) AS new (t) WHERE length(t) > 0) AS n""",  # noqa: S608
        [total, count, total, count, content_type, [indexer.id for indexer in indexers]]
        + [p for _sql, params in titles for p in params],
    )
    lavg, total, count = cursor.fetchone()
    bulk.lengths = (total, count)
    return lavg


def _average_title_length(cursor, table, content_type, indexers, compiler, connection, bulk):
    """Wagtail's lavg after this batch: mean lexeme count of the non-empty titles, the batch's
    new titles in place of their old ones."""
    titles = [_compiled(indexer, "title", compiler, connection) for indexer in indexers]
    if bulk is not None:
        return _bulk_average(cursor, table, content_type, indexers, titles, bulk)
    values = ", ".join(f"({sql})" for sql, _params in titles)
    cursor.execute(
        f"""SELECT avg(n)::float8 FROM (
            SELECT length(title) AS n FROM {table}
            WHERE length(title) > 0 AND NOT (content_type_id = %s AND object_id = ANY(%s))
            UNION ALL SELECT length(t) FROM (VALUES {values}) AS new (t) WHERE length(t) > 0
        ) AS lengths""",  # noqa: S608
        [content_type, [indexer.id for indexer in indexers]]
        + [p for _sql, params in titles for p in params],
    )
    return cursor.fetchone()[0]


def _insert(table, rows_sql):
    return f"""
        INSERT INTO {table} ({_COLUMNS}, title_norm)
        SELECT v.*, CASE WHEN length(v.title) > 0 THEN %s::float8 / length(v.title)
                    ELSE 1.0 END
        FROM (VALUES {", ".join(rows_sql)}) AS v ({_COLUMNS})
        ON CONFLICT (content_type_id, object_id)
        DO UPDATE SET title = EXCLUDED.title, title_norm = EXCLUDED.title_norm,
                      autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                      title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
    """  # noqa: S608


def write(index, model, objs, analyze):
    """Store analysed objs of model in the PostgreSQL index (insert or update)."""
    write_analysed(index, model, analysed_objects(objs, analyze))


def write_analysed(index, model, analysed):
    """Store {object id: [(field, analysed text)]} of model (see ``indexing``)."""
    if not analysed:
        return
    connection = index.write_connection
    compiler = InsertQuery(base.IndexEntry).get_compiler(connection=connection)
    content_type = get_content_type_pk(model)
    table = base.IndexEntry._meta.db_table
    indexers = [
        _PreparedIndexer(object_id, _triples(values), index.backend)
        for object_id, values in analysed.items()
    ]
    bulk = getattr(index, "bulk", None)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for start in range(0, len(indexers), BATCH):
            batch = indexers[start : start + BATCH]
            _write_batch(cursor, table, content_type, batch, (compiler, connection), bulk)


def _write_batch(cursor, table, content_type, indexers, compiling, bulk):
    compiler, connection = compiling
    lavg = _average_title_length(cursor, table, content_type, indexers, compiler, connection, bulk)
    rows_sql, params = [lavg], []
    for indexer in indexers:
        sql, row_params = _row_sql(indexer, compiler, connection, content_type)
        rows_sql.append(sql)
        params.extend(row_params)
    cursor.execute(_insert(table, rows_sql[1:]), [lavg] + params)


def merge_pending_entries(connection):
    """Merge the GIN indexes' pending lists and refresh planner statistics (what autovacuum
    does later). Right after a rebuild the pending lists hold most of the index, and the
    planner, counting their pages, scans the whole table instead of the GIN indexes: 36 ms
    against 1.6 ms for a rare word at 10,000 documents."""
    table = base.IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
            "WHERE i.indrelid = %s::regclass AND a.amname = 'gin'",
            [table],
        )
        cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def refresh_title_norms(connection):
    """Wagtail's full title-norm refresh at the end of a rebuild (lavg / the title's lexeme
    count), writing only the rows whose norm changes: an unchanged page's row is not written
    again, nor its entries in the GIN indexes."""
    table = base.IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT avg(length(title))::float8 FROM {table} WHERE length(title) > 0")  # noqa: S608
        lavg = cursor.fetchone()[0]
        if lavg is None:
            return
        cursor.execute(
            f"UPDATE {table} SET title_norm = %s::float8 / length(title) "  # noqa: S608
            "WHERE length(title) > 0 AND title_norm IS DISTINCT FROM %s::float8 / length(title)",
            [lavg, lavg],
        )
