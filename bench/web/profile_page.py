"""Profile uncached renders of one page of a benchmark site: queries and the slowest functions.

    .venv/bin/python bench/web/profile_page.py --work /tmp/gongkai-render / "/policies/?page=2"

Uses the site bench/web/uncached.py (or run.py --keep) built in ``--work``, through Django's test
client with every middleware, after one warm-up request per path.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import servers  # noqa: E402


def setup(work):
    os.environ.update(servers.gongkai_env(work))
    sys.path.insert(0, str(servers.ROOT))
    import django

    django.setup()


def queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    shapes = Counter(q["sql"][:160] for q in captured.captured_queries)
    return len(captured.captured_queries), shapes


def profile(client, path, repeat, top):
    started = time.perf_counter()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        client.get(path)
    profiler.disable()
    elapsed = (time.perf_counter() - started) / repeat * 1000
    print(f"  {elapsed:.1f} ms per render (profiled)")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--queries-only", action="store_true")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    setup(args.work)
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for path in args.paths:
        status = client.get(path).status_code
        count, shapes = queries(client, path)
        print(f"\n{path}: HTTP {status}, {count} queries")
        for sql, n in shapes.most_common():
            print(f"  {n}× {sql}")
        if not args.queries_only:
            profile(client, path, args.repeat, args.top)


if __name__ == "__main__":
    main()
