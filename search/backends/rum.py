"""Rank-ordered top-k on PostgreSQL with the RUM access method (optional).

GIN finds the matching rows but cannot order them: ``ts_rank`` then reads every match's body
tsvector (TOASTed, often kilobytes) before ``LIMIT`` applies, so a common word costs as many
reads as it has matches. A RUM index keeps the lexemes' positions inside the index and returns
rows in the order of its distance ``body <=> tsquery`` (1 / ``ts_rank``), so the best rows come
first and the scan stops after the LIMIT.

The extension is optional. Migration ``0007_rum_indexes`` tries ``CREATE EXTENSION rum`` (the
Debian package ``postgresql-15-rum``) and, when it works and ``SEARCH_RUM`` is on (environment
``GONGKAI_SEARCH_RUM``, default on), adds one RUM index on the index table's title and one on its
body. Without them (SQLite, no package, no right to create the extension, ``GONGKAI_SEARCH_RUM=0``)
the backend keeps the GIN path. Whether the indexes exist is read once per database.
"""

import logging

from django.conf import settings
from django.db import DatabaseError, transaction

logger = logging.getLogger(__name__)

TABLE = "wagtailsearch_indexentry"  # wagtail.search's IndexEntry
# Index name → tsvector column.
INDEXES = {"search_entry_title_rum": "title", "search_entry_body_rum": "body"}

_present = {}


def wanted():
    return bool(getattr(settings, "SEARCH_RUM", True))


def install(connection):
    """Create the extension and the RUM indexes when possible; True when they exist after."""
    if connection.vendor != "postgresql" or not wanted():
        return False
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
    except DatabaseError as error:
        logger.warning("RUM 扩展不可用，全文检索使用 GIN 索引：%s", error)
        return False
    create_indexes(connection)
    forget()
    return True


def create_indexes(connection):
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        # A sorted build in memory instead of spilling to disk (the session's value only).
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for name, column in INDEXES.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} "  # noqa: S608
                f"USING rum ({column} rum_tsvector_ops)"
            )


def restore(connection):
    """After a rebuild: the RUM indexes again whenever the extension is installed and wanted
    (also when an earlier rebuild stopped between dropping and building them)."""
    if connection.vendor != "postgresql" or not wanted():
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_extension WHERE extname = 'rum'")
        installed = cursor.fetchone()[0] == 1
    if installed:
        create_indexes(connection)
    forget()


def drop_indexes(connection):
    with connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
    forget()


def available(connection):
    """True when ranked reads may use the RUM indexes on this database."""
    if connection.vendor != "postgresql" or not wanted():
        return False
    key = (connection.alias, connection.settings_dict.get("NAME"))
    found = _present.get(key)
    if found is None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_indexes WHERE tablename = %s AND indexname = ANY(%s)",
                [TABLE, list(INDEXES)],
            )
            found = _present[key] = cursor.fetchone()[0] == len(INDEXES)
    return found


def forget():
    _present.clear()


_CANDIDATES = """
    SELECT id FROM {table}
    WHERE content_type_id = ANY(%s) AND {column} @@ to_tsquery('simple', %s)
    ORDER BY {column} <=> to_tsquery('simple', %s) LIMIT %s
"""

_SCORED = """
    SELECT object_id, ts_rank(title, q) * %s * title_norm + ts_rank(body, q) AS score
    FROM {table}, to_tsquery('simple', %s) AS q
    WHERE id = ANY(%s)
    ORDER BY score DESC, id DESC
"""


def candidates(connection, expression, types, depth, title_weight):
    """The best rows by title and by body, each read in rank order from its RUM index, scored
    as the GIN path scores every match (title rank × weight × norm + body rank), best first.

    Returns (rows, complete): complete is False when either index had more matches than
    ``depth``, so that a row outside both heads could still outrank the last row returned.
    """
    ids, complete = set(), True
    with connection.cursor() as cursor:
        for column in ("title", "body"):
            cursor.execute(
                _CANDIDATES.format(table=TABLE, column=column),
                [list(types), expression, expression, depth],
            )
            found = [row[0] for row in cursor.fetchall()]
            complete = complete and len(found) < depth
            ids.update(found)
        if not ids:
            return [], complete
        cursor.execute(_SCORED.format(table=TABLE), [title_weight, expression, list(ids)])
        return [(str(oid), score) for oid, score in cursor.fetchall()], complete
