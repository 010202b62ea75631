"""One benchmark run in one database (started by run.py with DATABASE_URL set)."""

import json
import os
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


def log(message):
    print(message, file=sys.stderr, flush=True)


def page_model():
    from news.models import NewsArticlePage

    return NewsArticlePage


def build_pages(size):
    """Bulk-insert ``size`` live news pages below a fresh section (much faster than add_child)."""
    model = page_model()
    root = Page.objects.get(depth=1)
    for old in Page.objects.filter(depth=2, slug="bench-search"):
        old.delete()
    root.refresh_from_db()
    section = root.add_child(instance=Page(title="基准测试", slug="bench-search", live=True))
    ct = ContentType.objects.get_for_model(model)
    docs = list(documents(size))
    with transaction.atomic():
        for start in range(0, size, CHUNK):
            batch = docs[start : start + CHUNK]
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
        Page.objects.filter(pk=section.pk).update(numchild=size)
    return section, {
        pk: fold(t + "\n" + b)
        for pk, (t, b) in zip(
            model.objects.filter(path__startswith=section.path)
            .order_by("path")
            .values_list("pk", flat=True),
            docs,
            strict=True,
        )
    }


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


def relevant(texts):
    truth = {}
    for q in QUERIES:
        words = [fold(w) for w in q.split()]
        truth[q] = {pk for pk, text in texts.items() if all(w in text for w in words)}
    return truth


def index_with(backend, section):
    model = page_model()
    backend.reset_indexes()
    index = backend.get_index_for_model(model)
    pages = model.objects.filter(path__startswith=section.path).order_by("pk")
    ids = list(pages.values_list("pk", flat=True))
    started = time.perf_counter()
    for start in range(0, len(ids), CHUNK):
        index.add_items(model, list(pages.filter(pk__in=ids[start : start + CHUNK])))
    rate = len(ids) / (time.perf_counter() - started)
    analyze_tables()
    return rate


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


def run_backend(name, section, truth):
    backend = get_search_backend(BACKENDS[name])
    rate = index_with(backend, section)
    model = page_model()
    queryset = model.objects.live().filter(path__startswith=section.path)

    def search(q):
        return [p.pk for p in backend.search(q, queryset)[:10]]

    return {"docs_per_s": rate, **measure(search, truth)}


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
    section, texts = build_pages(size)
    truth = relevant(texts)
    result = {"size": size, "engines": {}}
    for name in engines:
        log(f"  {name}")
        if name == "elasticsearch":
            result["engines"][name] = run_elasticsearch(truth)
        else:
            result["engines"][name] = run_backend(name, section, truth)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
