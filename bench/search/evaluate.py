"""Judged evaluation of the site's search (run by hand, not a test).

    .venv/bin/python bench/search/evaluate.py                  # scratch SQLite
    .venv/bin/python bench/search/evaluate.py --database postgres://postgres@127.0.0.1:5432/gk_eval
    .venv/bin/python bench/search/evaluate.py --show            # every query's top results

The 137 documents of ../shared/corpora/policy-corpus.jsonl (plus the demo seeds) are imported
into a fresh database with the site's own importer (``import_content``), indexed with
``search_rebuild``'s code path, and every query of judged-queries.jsonl is run through the
public search engine. nDCG@10 with the 0/1/2 grades is printed per kind of query next to a plain
BM25 over rjieba tokens (bm25.py) on the same documents. For the ``no-answer`` kind the figure is
the share of queries that the site answers honestly: no results, or results marked partial.
"""

import argparse
import importlib.util
import json
import math
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CORPUS = ROOT / ".." / "shared" / "corpora" / "policy-corpus.jsonl"
QUERIES = HERE / "judged-queries.jsonl"
# The second set (issue 31): queries written as people type into a 留言 box or tell a hotline.
SPOKEN = HERE / "spoken-queries.jsonl"
NO_ANSWER = "no-answer"
KINDS = [
    "question",
    "long",
    "known-item",
    "cross-script",
    "article",
    "everyday",
    "typo",
    "spoken",
    "situation",
    "constraint",
    "pinyin",
    "slip",
    "short",
    "article-q",
    NO_ANSWER,
]
SETS = {"first": QUERIES, "spoken": SPOKEN}


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line]


def ndcg(ranked, grades, k=10):
    dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def policy_records(corpus):
    """Corpus rows mapped to `policy` import records by the demo's own mapping."""
    spec = importlib.util.spec_from_file_location(
        "build_corpus_sample", ROOT / "policies" / "demo" / "build_corpus_sample.py"
    )
    mapping = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mapping)
    mappers = {"gov": mapping.map_gov, "tw": mapping.map_tw, "cl": mapping.map_cl}
    for row in corpus:
        item = {
            "id": f"corpus-{row['id']}",
            "type": "policy",
            "title": row["title"],
            "body": row["body"],
            "doc_type": mapping.doc_type_of(row["title"]),
            "validity": "有效",
        }
        item.update(mappers[row["id"].split("-")[0]](row))
        yield item


def setup_site(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.dev")
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)


def load_corpus(corpus, reuse=False):
    from importing import import_files
    from importing.models import ImportedRecord
    from search import indexer

    if reuse and ImportedRecord.objects.filter(source_id__startswith="corpus-").exists():
        call_loaders()
        indexer.rebuild()
        return _page_ids()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for item in policy_records(corpus):
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    import_files([ROOT / "home" / "demo" / "seeds.jsonl", fh.name])
    os.unlink(fh.name)
    call_loaders()
    indexer.rebuild()
    return _page_ids()


def _page_ids():
    from importing.models import ImportedRecord

    return {
        rec.object_id: rec.source_id.removeprefix("corpus-")
        for rec in ImportedRecord.objects.filter(source_id__startswith="corpus-")
    }


def call_loaders():
    """Commands that `make demo` runs after importing, when they exist on this branch."""
    from django.core.management import call_command, get_commands

    if "search_load_vocabulary" in get_commands():
        call_command("search_load_vocabulary", verbosity=0)


def site_search(query, page_ids):
    from search.engine import SearchRequest, get_engine

    resp = get_engine().search(SearchRequest(q=query))
    ranked = []
    if resp.jump_url:
        from wagtail.models import Page

        for page in Page.objects.live():
            if page.get_url() == resp.jump_url:
                ranked.append(page_ids.get(page.pk, f"page-{page.pk}"))
                break
    for hit in resp.hits:
        doc = page_ids.get(hit.id, f"page-{hit.id}")
        if doc not in ranked:
            ranked.append(doc)
    honest = not resp.count or getattr(resp, "match", "") == "partial"
    return ranked, honest, resp


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default="", help="DATABASE_URL (default: scratch SQLite)")
    parser.add_argument("--show", action="store_true", help="print each query's results")
    parser.add_argument("--json", default="", help="also write per-query figures to this file")
    parser.add_argument(
        "--set", choices=[*SETS, "both"], default="both", help="which judged set (default both)"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="keep the scratch database of the last run (reindex)"
    )
    args = parser.parse_args()
    scratch = ROOT / "var" / "eval-search.sqlite3"
    if not args.database and not (args.reuse and scratch.exists()):
        scratch.parent.mkdir(exist_ok=True)
        scratch.unlink(missing_ok=True)
    setup_site(args.database or f"sqlite:///{scratch}")
    sys.path.insert(0, str(HERE))
    from bm25 import BM25

    corpus = read_jsonl(CORPUS)
    page_ids = load_corpus(corpus, reuse=args.reuse)
    reference = BM25({row["id"]: row["title"] + "\n" + row["body"] for row in corpus})
    titles = {row["id"]: row["title"] for row in corpus}
    details = []
    for name, path in SETS.items():
        if args.set not in (name, "both"):
            continue
        print(f"\n== {name}: {path.name}")
        scores = run_set(read_jsonl(path), page_ids, reference, titles, args.show, details)
        print_table(scores)
    if args.json:
        Path(args.json).write_text(json.dumps(details, ensure_ascii=False, indent=1), "utf-8")


def run_set(queries, page_ids, reference, titles, show, details):
    """{kind: {"site": [...], "bm25": [...]}} for one judged set."""
    scores = defaultdict(lambda: {"site": [], "bm25": []})
    times = []
    for q in queries:
        began = time.perf_counter()
        ranked, honest, _resp = site_search(q["query"], page_ids)
        times.append((time.perf_counter() - began) * 1000)
        ref = reference.search(q["query"])
        if q["kind"] == NO_ANSWER:
            site_score, ref_score = float(honest), float(not ref)
        else:
            site_score, ref_score = ndcg(ranked, q["grades"]), ndcg(ref, q["grades"])
        scores[q["kind"]]["site"].append(site_score)
        scores[q["kind"]]["bm25"].append(ref_score)
        details.append({"id": q["id"], "query": q["query"], "site": site_score, "bm25": ref_score})
        if show:
            head = f"{q['id']} [{q['kind']}] {q['query']}"
            print(f"{head}  site {site_score:.2f}  bm25 {ref_score:.2f}  n={len(ranked)}")
            for doc in ranked[:5]:
                grade = q["grades"].get(doc, 0)
                print(f"     {grade} {doc} {titles.get(doc, '')[:40]}")
    times.sort()
    p50, p95 = times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.95))]
    print(
        f"search time per query (first page, {len(times)} queries): "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )
    return scores


def _mean(values):
    return sum(values) / len(values) if values else 0.0


def print_table(scores):
    print(f"{'kind':<14} {'n':>3} {'site':>7} {'BM25':>7}")
    answerable = {"site": [], "bm25": []}
    for kind in KINDS:
        if kind not in scores:
            continue
        s = scores[kind]
        print(f"{kind:<14} {len(s['site']):>3} {_mean(s['site']):>7.3f} {_mean(s['bm25']):>7.3f}")
        if kind != NO_ANSWER:
            answerable["site"] += s["site"]
            answerable["bm25"] += s["bm25"]
    n = len(answerable["site"])
    print(
        f"{'overall':<14} {n:>3} {_mean(answerable['site']):>7.3f} "
        f"{_mean(answerable['bm25']):>7.3f}"
    )
    print("nDCG@10 per kind (no-answer: share answered honestly); overall excludes no-answer.")


if __name__ == "__main__":
    main()
