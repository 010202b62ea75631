"""One benchmark run in one database (started by run.py with DATABASE_URL set)."""

import contextlib
import importlib
import itertools
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import django  # noqa: E402

django.setup()

from corpus import QUERIES, documents  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from search.analysis import fold  # noqa: E402
from search.tests.factories import stream_value  # noqa: E402

BACKENDS = {"stock": "wagtail.search.backends.database", "ours": "search.backends.database"}
ROUNDS = 3
CHUNK = 500
UPDATED = 200


def log(message):
    print(message, file=sys.stderr, flush=True)


def page_model():
    from news.models import NewsArticlePage

    return NewsArticlePage


def build_pages(size):
    """Bulk-insert ``size`` live news pages below a fresh section (much faster than add_child),
    streaming the corpus in chunks (a million documents do not fit in memory twice). Returns the
    section and, per benchmark query, the ids of the pages whose folded text holds every word."""
    model = page_model()
    root = Page.objects.get(depth=1)
    for old in Page.objects.filter(depth=2, slug="bench-search"):
        old.delete()
    root.refresh_from_db()
    section = root.add_child(instance=Page(title="基准测试", slug="bench-search", live=True))
    ct = ContentType.objects.get_for_model(model)
    words = {q: [fold(w) for w in q.split()] for q in QUERIES}
    truth = {q: set() for q in QUERIES}
    docs = documents(size, realistic=os.environ.get("BENCH_REALISTIC") == "1")
    for start in range(0, size, CHUNK):
        batch = list(itertools.islice(docs, CHUNK))
        with transaction.atomic():
            parents = _insert_batch(model, ct, section, start, batch)
        for parent, (title, body) in zip(parents, batch, strict=True):
            text = fold(title + "\n" + body)
            for q, needed in words.items():
                if all(w in text for w in needed):
                    truth[q].add(parent.pk)
        if start and start % 50000 == 0:
            log(f"    {start} 篇")
    Page.objects.filter(pk=section.pk).update(numchild=size)
    return section, truth


def _insert_batch(model, ct, section, start, batch):
    parents = [
        Page(
            title=title[:255],
            draft_title=title[:255],
            slug=f"b{start + i}",
            live=True,
            content_type=ct,
            path=Page._get_path(section.path, section.depth + 1, start + i + 1),
            depth=section.depth + 1,
            numchild=0,
            locale_id=section.locale_id,
            url_path=f"{section.url_path}b{start + i}/",
        )
        for i, (title, _body) in enumerate(batch)
    ]
    Page.objects.bulk_create(parents)
    children = []
    for parent, (title, body) in zip(parents, batch, strict=True):
        child = model(page_ptr_id=parent.pk, title=title, date="2021-11-21")
        child.body = stream_value(model, "body", body)
        children.append(child)
    fields = list(model._meta.local_concrete_fields)
    model._base_manager._insert(children, fields=fields, using="default")
    return parents


def analyze_tables():
    """Fresh planner statistics after bulk loads, and on PostgreSQL the GIN pending lists merged
    (autovacuum does both on a live site). With 100k freshly inserted rows still in the pending
    lists the planner scans the whole table instead of the GIN indexes (36 ms against 1.6 ms for
    a rare word at 10k documents), for stock Wagtail and for ours alike."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE wagtailsearch_indexentry")
        cursor.execute("ANALYZE")


def index_with(backend, section):
    """Documents per second of a full rebuild through the backend's own rebuilder (what
    ``search_rebuild`` and ``update_index`` run, its finishing work included)."""
    model = page_model()
    backend.reset_indexes()
    index = backend.get_index_for_model(model)
    rebuilder = backend.rebuilder_class(index) if backend.rebuilder_class else None
    pages = model.objects.filter(path__startswith=section.path).order_by("pk")
    ids = list(pages.values_list("pk", flat=True))
    started = time.perf_counter()
    if rebuilder:
        index = rebuilder.start()
    for start in range(0, len(ids), CHUNK):
        index.add_items(model, list(pages.filter(pk__in=ids[start : start + CHUNK])))
    if rebuilder:
        rebuilder.finish()
    rate = len(ids) / (time.perf_counter() - started)
    analyze_tables()
    return rate, ids


def update_rate(backend, ids, count=UPDATED):
    """Documents per second of incremental updates (a page published again) into the full
    index: ``count`` pages spread over the corpus, re-indexed 10 at a time."""
    model = page_model()
    index = backend.get_index_for_model(model)
    step = max(1, len(ids) // count)
    chosen = ids[::step][:count]
    started = time.perf_counter()
    for start in range(0, len(chosen), 10):
        with transaction.atomic():
            index.add_items(model, list(model.objects.filter(pk__in=chosen[start : start + 10])))
    return len(chosen) / (time.perf_counter() - started)


def measure(search, truth):
    timings, recalls = [], []
    for q in QUERIES:
        search(q)  # warm-up
    for _ in range(ROUNDS):
        for q in QUERIES:
            started = time.perf_counter()
            search(q)
            timings.append((time.perf_counter() - started) * 1000)
    for q in QUERIES:
        rel = truth[q]
        if rel:
            recalls.append(len(set(search(q)) & rel) / min(10, len(rel)))
    timings.sort()
    return {
        "p50_ms": statistics.median(timings),
        "p95_ms": timings[int(len(timings) * 0.95) - 1],
        "recall": sum(recalls) / len(recalls) if recalls else None,
    }


@contextlib.contextmanager
def stock_schema(name):
    """Stock Wagtail runs on Wagtail's own schema: without our RUM indexes (PostgreSQL) and
    with Wagtail's FTS5 update trigger (SQLite); ours gets its migrations' schema back after."""
    from django.db import connection

    try:  # the code before issue 32 (run for a before/after comparison) has neither
        from search.backends import rum

        fts = importlib.import_module("search.migrations.0008_fts_update_trigger")
    except ImportError:
        rum = fts = None
    if name != "stock" or rum is None:
        yield
        return
    editor = connection.schema_editor
    if connection.vendor == "postgresql":
        rum.drop_indexes(connection)
    else:
        with editor() as schema_editor:
            fts.any_column(None, schema_editor)
    try:
        yield
    finally:
        if connection.vendor == "postgresql":
            rum.restore(connection)
        else:
            with editor() as schema_editor:
                fts.only_indexed_columns(None, schema_editor)


def run_backend(name, section, truth):
    with stock_schema(name):
        return _run_backend(name, section, truth)


def _run_backend(name, section, truth):
    backend = get_search_backend(BACKENDS[name])
    rate, ids = index_with(backend, section)
    updates = update_rate(backend, ids)
    model = page_model()
    queryset = model.objects.live().filter(path__startswith=section.path)

    def search(q):
        return [p.pk for p in backend.search(q, queryset)[:10]]

    figures = measure(search, truth)
    if name == "ours":
        figures["agreement"] = agreement(search)
    return {"docs_per_s": rate, "updates_per_s": updates, "index_mb": index_megabytes(), **figures}


def agreement(search):
    """Share of the exact top 10 (every match ranked: no RUM read, no SQLite first pass) that
    the default top-k read returns too, averaged over the queries."""
    from django.test import override_settings

    shares = []
    for q in QUERIES:
        fast = search(q)
        with override_settings(SEARCH_RUM=False, SEARCH_BOUNDED_TOPK=False):
            exact = search(q)
        if exact:
            shares.append(len(set(fast) & set(exact)) / len(exact))
    return sum(shares) / len(shares) if shares else None


def index_megabytes():
    """Size on disk of the search index (table, TOAST and every index; SQLite: the FTS tables'
    pages as counted by dbstat when compiled in, else None)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_total_relation_size('wagtailsearch_indexentry')")
            return cursor.fetchone()[0] / 2**20
        try:
            cursor.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'wagtailsearch_indexentry%'"
            )
        except Exception:  # noqa: BLE001 - SQLite built without dbstat
            return None
        return (cursor.fetchone()[0] or 0) / 2**20


def run_elasticsearch(truth):
    from search.engine import SearchRequest
    from search.engine.elastic import ElasticsearchEngine

    engine = ElasticsearchEngine.from_settings()
    started = time.perf_counter()
    count = engine.rebuild()
    rate = count / (time.perf_counter() - started)

    def search(q):
        return [hit.id for hit in engine.search(SearchRequest(q=q)).hits]

    return {"docs_per_s": rate, **measure(search, truth)}


def main():
    size, engines = int(sys.argv[1]), sys.argv[2].split(",")
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    log(f"  构建 {size} 篇（{os.environ.get('DATABASE_URL', '').split(':')[0]}）")
    section, truth = build_pages(size)
    result = {"size": size, "engines": {}}
    for name in engines:
        log(f"  {name}")
        if name == "elasticsearch":
            result["engines"][name] = run_elasticsearch(truth)
        else:
            result["engines"][name] = run_backend(name, section, truth)
    result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
