"""Search benchmark (run by hand, not a test).

    .venv/bin/python bench/search/run.py                 # 1k and 10k documents
    .venv/bin/python bench/search/run.py --sizes 1000,10000,100000

For each size it builds a synthetic corpus of news pages from the demo text in a scratch SQLite
database (and in PostgreSQL when it is reachable, and Elasticsearch when ELASTICSEARCH_URL is
set), indexes it with stock Wagtail's database backend and with ours, runs a fixed query set, and
prints indexing speed, p50/p95 latency and recall@10 side by side, with ratios ours/stock.
Relevance truth: a document is relevant when its folded text (simplified script, no pinyin
noise) contains every word of the query.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"


def _postgres_available(name):
    try:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=2) as conn:
            conn.autocommit = True
            # A fresh database for every run (the worker expects an empty site).
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return True
    except Exception as error:  # no server: skip that column
        print(f"PostgreSQL 不可用，跳过：{error}", file=sys.stderr)
        return False


def _run_worker(database_url, size, engines, realistic=False):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="gongkai.settings.dev",
        GONGKAI_VAR_DIR=str(VAR),
        BENCH_REALISTIC="1" if realistic else "0",
    )
    cmd = [sys.executable, str(Path(__file__).with_name("worker.py")), str(size), ",".join(engines)]
    out = subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    sys.stderr.write(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _fmt(value, unit=""):
    return (
        "—"
        if value is None
        else f"{value:,.1f}{unit}"
        if isinstance(value, float)
        else f"{value}{unit}"
    )


def _fmt_recall(value):
    return "—" if value is None else f"{value:.2f}"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--databases", default="sqlite,postgres", help="sqlite, postgres or both")
    parser.add_argument(
        "--scratch", default="bench-search", help="name of the scratch SQLite file and database"
    )
    parser.add_argument(
        "--engines", default="stock,ours", help="stock, ours (the million run: ours alone)"
    )
    parser.add_argument(
        "--realistic",
        action="store_true",
        help="bodies as long as the policy corpus's (median ~3,300 characters), not ~400",
    )
    args = parser.parse_args()
    sqlite_file = f"{args.scratch}.sqlite3"
    pg_name = args.scratch.replace("-", "_")
    VAR.mkdir(exist_ok=True)
    chosen = {d.strip().lower() for d in args.databases.split(",")}
    databases = []
    if "sqlite" in chosen:
        databases.append(("SQLite", f"sqlite:///{VAR / sqlite_file}"))
    if "postgres" in chosen and _postgres_available(pg_name):
        databases.append(("PostgreSQL", f"{PG_SERVER}/{pg_name}"))
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    if os.environ.get("ELASTICSEARCH_URL"):
        engines.append("elasticsearch")
    rows = []
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        for db_name, url in databases:
            if db_name == "SQLite":
                for suffix in ("", "-wal", "-shm"):
                    (VAR / f"{sqlite_file}{suffix}").unlink(missing_ok=True)
            else:
                _postgres_available(pg_name)
            print(f"… {db_name} {size} 篇", file=sys.stderr, flush=True)
            result = _run_worker(url, size, engines, args.realistic)
            rows.append((db_name, size, result))
    header = (
        f"{'数据库':<10} {'文档数':>8} {'引擎':<14} {'索引 篇/秒':>11} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'recall@10':>10} {'更新 篇/秒':>10} {'索引 MB':>8}"
    )
    print(header)
    print("-" * len(header))
    for db_name, size, result in rows:
        for name, r in result["engines"].items():
            print(
                f"{db_name:<10} {size:>8} {name:<14} {_fmt(r['docs_per_s']):>11} "
                f"{_fmt(r['p50_ms']):>8} {_fmt(r['p95_ms']):>8} {_fmt_recall(r['recall']):>10} "
                f"{_fmt(r.get('updates_per_s')):>10} {_fmt(r.get('index_mb')):>8}"
            )
        stock, ours = result["engines"].get("stock"), result["engines"].get("ours")
        if stock and ours:
            recall_ratio = ours["recall"] / stock["recall"] if stock["recall"] else float("inf")
            speed = ours["docs_per_s"] / stock["docs_per_s"]
            p50 = ours["p50_ms"] / max(stock["p50_ms"], 1e-6)
            p95 = ours["p95_ms"] / max(stock["p95_ms"], 1e-6)
            updates = (ours.get("updates_per_s") or 0) / (stock.get("updates_per_s") or 1)
            print(
                f"{'':<10} {'':>8} {'比值 ours/stock':<14} {speed:>11.2f} {p50:>8.2f} "
                f"{p95:>8.2f} {recall_ratio:>10.2f} {updates:>10.2f}"
            )
        agree = (ours or {}).get("agreement")
        print(
            f"{'':<10} {'':>8} 工作进程最大内存 {result.get('max_rss_mb', 0):,.0f} MB；"
            f"ours 前10与逐条排序一致率 {_fmt_recall(agree)}"
        )
    print("\n目标：10万篇 p95 ≤ 50 ms（SQLite 与 PostgreSQL）；索引 ≥ 1000 篇/秒。")
    print("recall@10：折叠后全文包含全部检索词的文档为相关文档。")


if __name__ == "__main__":
    main()
