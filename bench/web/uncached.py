"""Uncached pages next to stock Wagtail's starter page, in one short run (issue 17 item 3).

Only gunicorn, no nginx: Gongkai with the production recipe (site/deploy/gunicorn.conf.py) and
the starter project with the same worker count, each page measured with wrk in turn and the
starter page measured before and after, so the ratio uses the mean of both.

    .venv/bin/python bench/web/uncached.py --work /tmp/gongkai-render --duration 8

``--work`` keeps the demo site and the starter project between runs (built on the first run).
``--before DIR`` also serves the same site from another checkout (e.g. ``git archive`` of the
previous commit unpacked in DIR) and measures its pages in the same run.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import servers  # noqa: E402
from run import page_paths, wrk  # noqa: E402


def prepare(work):
    env = servers.prepare_gongkai(work)
    if (work / "stock/manage.py").exists():
        skip = ("DJANGO_", "DATABASE_", "PYTHONPATH")
        stock_env = {k: v for k, v in servers.os.environ.items() if not k.startswith(skip)}
        stock_env["DJANGO_SETTINGS_MODULE"] = "stock.settings.production"
    else:
        stock_env = servers.prepare_stock(work)
    return env, stock_env


def start_checkout(env, port, work, checkout):
    """Gongkai served from another checkout: its folders first on the path, ``gongkai`` being
    its site/ folder (as the editable install maps it)."""
    shim = work / "checkout-path"
    shim.mkdir(exist_ok=True)
    link = shim / "gongkai"
    if link.is_symlink():
        link.unlink()
    link.symlink_to(checkout / "site")
    env = dict(env, GUNICORN_BIND=f"127.0.0.1:{port}", PYTHONPATH=f"{shim}:{checkout}")
    cmd = [servers.VENV_BIN / "gunicorn", "-c", checkout / "site/deploy/gunicorn.conf.py"]
    return servers.start(cmd, env, cwd=checkout, log=work / "gunicorn-checkout.log")


def urls(paths, app, suffix=""):
    named = ("home", "policy", "listing", "filter", "page 2", "search")
    return [(name + suffix, app + quote(paths[name], safe="/?=&")) for name in named]


def measure(args, paths):
    app = f"http://127.0.0.1:{args.port}"
    stock = f"http://127.0.0.1:{args.port + 1}/"
    before = urls(paths, f"http://127.0.0.1:{args.port + 2}", " (before)") if args.before else []
    runs = [("stock (before)", stock), *before, *urls(paths, app), ("stock (after)", stock)]
    for _, url in runs:
        servers.fetch(url)
    results = {}
    for name, url in runs:
        time.sleep(2)  # the requests a slow page left queued are answered before the next run
        results[name] = wrk(url, args.duration, args.connections)
        r = results[name]
        print(f"{name:<16} {r['rps']:>8.1f} req/s  p50 {r['p50']:>8.1f} ms  errors {r['errors']}")
    base = (results["stock (before)"]["rps"] + results["stock (after)"]["rps"]) / 2
    print(f"\nstock starter page (mean) {base:.1f} req/s")
    for name, _ in runs[1:-1]:
        print(f"  {name:<12} / stock  {results[name]['rps'] / base:5.2f}")
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="folder kept between runs")
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=18300, help="Gongkai; the starter gets +1")
    parser.add_argument("--before", type=Path, help="another checkout, served on --port + 2")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="gongkai-uncached-"))
    work.mkdir(parents=True, exist_ok=True)
    env, stock_env = prepare(work)
    paths = page_paths(env)
    workers = servers.multiprocessing_workers()
    processes = [
        servers.start_gongkai(env, args.port, work),
        servers.start_stock(stock_env, args.port + 1, work, workers),
    ]
    if args.before:
        processes.append(start_checkout(env, args.port + 2, work, args.before.resolve()))
    try:
        for port in range(args.port, args.port + (3 if args.before else 2)):
            servers.wait_until_up(f"http://127.0.0.1:{port}/")
        print(f"wrk {args.duration} s, {args.connections} connections; {workers} workers each\n")
        measure(args, paths)
    finally:
        for process in processes:
            servers.stop(process)


if __name__ == "__main__":
    main()
