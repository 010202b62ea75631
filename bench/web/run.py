"""Web benchmark (issue 8): cached and uncached Gongkai pages next to stock Wagtail and nginx.

Run by hand from the checkout; needs Debian's nginx and wrk (`apt-get install nginx-light wrk`):

    .venv/bin/python bench/web/run.py                  # about 5 minutes
    .venv/bin/python bench/web/run.py --soak 300       # plus the 5-minute load run

Everything listens on 127.0.0.1 only; every run is bounded in time; all processes are stopped
and the temporary folder removed at the end (--keep leaves it for inspection).
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote as urlquote
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import servers  # noqa: E402

TARGET_CACHED_VS_STATIC = 0.80
TARGET_UNCACHED_VS_STOCK = 1.0


def wrk(url, duration, connections, headers=(), script=None):
    """requests/s, p50 ms, p99 ms and errors of one wrk run."""
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for header in headers:
        cmd += ["-H", header]
    if script:
        cmd += ["-s", str(script)]
    out = subprocess.run(
        [*cmd, url], capture_output=True, text=True, timeout=duration + 60, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors:.*", out)
    errors = int(non2xx.group(1)) if non2xx else 0
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(0)))
    return {
        "rps": rps,
        "p50": _ms(re.search(r"\s50%\s+([\d.]+\w+)", out).group(1)),
        "p99": _ms(re.search(r"\s99%\s+([\d.]+\w+)", out).group(1)),
        "errors": errors,
    }


def _ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def page_paths(env):
    code = (
        "from policies.models import PolicyPage, PolicyIndexPage\n"
        "p = PolicyPage.objects.live().order_by('pk').first()\n"
        "print(p.url); print(PolicyIndexPage.objects.live().first().url)"
    )
    out = subprocess.run(
        [servers.VENV_BIN / "python", "manage.py", "shell", "-c", code],
        cwd=servers.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()[-2:]  # after the shell's own "N objects imported" line
    policy, listing = (unquote(url) for url in out)  # as nginx sees $uri, and the cache stores
    return {"home": "/", "policy": policy, "listing": listing, "search": "/search/?q=社区治理"}


def static_copy(work, paths):
    """Copies of the cached simplified pages, for plain nginx."""
    current = work / "var/pagecache/current/hans-0"
    for path in paths:
        src = current / path.lstrip("/") / "index.html"
        dest = work / "static-copy" / path.lstrip("/") / "index.html"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)


def quote(path):
    return urlquote(path, safe="/?=&")


def measure(args, ports, paths):
    site = f"http://127.0.0.1:{ports['site']}"
    app = f"http://127.0.0.1:{ports['app']}"
    static = f"http://127.0.0.1:{ports['static']}"
    stock = f"http://127.0.0.1:{ports['stock']}"
    runs = [
        ("nginx static copy", "home", static + "/", ()),
        ("nginx static copy", "policy", static + quote(paths["policy"]), ()),
        ("cached (recipe)", "home", site + "/", ()),
        ("cached (recipe)", "home 繁+长者", site + "/", ("Cookie: script=hant; elder=1",)),
        ("cached (recipe)", "policy", site + quote(paths["policy"]), ()),
        ("cached (recipe)", "listing", site + quote(paths["listing"]), ()),
        ("uncached (gunicorn)", "home", app + "/", ()),
        ("uncached (gunicorn)", "policy", app + quote(paths["policy"]), ()),
        ("uncached (gunicorn)", "listing", app + quote(paths["listing"]), ()),
        ("uncached (gunicorn)", "search", app + quote(paths["search"]), ()),
        ("via nginx, never cached", "search", site + quote(paths["search"]), ()),
        ("stock Wagtail", "starter page", stock + "/", ()),
    ]
    results = {}
    for group, name, url, headers in runs:
        result = wrk(url, args.duration, args.connections, headers)
        results[(group, name)] = result
        print(
            f"{group:<24} {name:<14} {result['rps']:>10.1f} req/s  p50 {result['p50']:>7.2f} ms"
            f"  p99 {result['p99']:>7.2f} ms  errors {result['errors']}",
            flush=True,
        )
    return results


def report(results):
    def ratio(a, b):
        return results[a]["rps"] / results[b]["rps"]

    checks = [
        (
            "cached home / nginx static home",
            ratio(("cached (recipe)", "home"), ("nginx static copy", "home")),
            TARGET_CACHED_VS_STATIC,
        ),
        (
            "cached policy / nginx static policy",
            ratio(("cached (recipe)", "policy"), ("nginx static copy", "policy")),
            TARGET_CACHED_VS_STATIC,
        ),
        (
            "uncached policy / stock Wagtail page",
            ratio(("uncached (gunicorn)", "policy"), ("stock Wagtail", "starter page")),
            TARGET_UNCACHED_VS_STOCK,
        ),
        (
            "cached home / uncached home",
            ratio(("cached (recipe)", "home"), ("uncached (gunicorn)", "home")),
            None,
        ),
    ]
    print("\nRatios (requests/s)")
    for label, value, target in checks:
        verdict = "" if target is None else ("  OK" if value >= target else f"  BELOW {target:.2f}")
        print(f"  {label:<40} {value:6.2f}{verdict}")


def faults(ports, paths, gongkai):
    """Stop gunicorn: cached pages must still be served by nginx."""
    print("\nApplication server stopped:")
    servers.stop(gongkai)
    site = f"http://127.0.0.1:{ports['site']}"
    for name in ("home", "policy", "listing", "search"):
        status, headers, _ = servers.fetch(site + quote(paths[name]))
        print(f"  {name:<8} HTTP {status}  X-Page-Cache: {headers.get('X-Page-Cache', '-')}")


SOAK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def soak(args, ports, paths, work, gongkai):
    """A long mixed run through the recipe: errors and gunicorn's memory over time."""
    # A publication-day mix: nine in ten requests for published pages, one in ten dynamic.
    cached = [paths["home"], paths["policy"], paths["listing"]] * 6
    mix = cached + [paths["search"], paths["listing"] + "?page=1"]
    script = work / "soak.lua"
    script.write_text(SOAK_SCRIPT % ", ".join(f'"{quote(p)}"' for p in mix))
    url = f"http://127.0.0.1:{ports['site']}/"
    proc = subprocess.Popen(
        ["wrk", "-t2", "-c32", f"-d{args.soak}s", "--timeout", "30s", "-s", str(script), url],
        stdout=subprocess.PIPE,
        text=True,
    )
    samples = []
    while proc.poll() is None:
        samples.append(servers.rss_kib(gongkai.pid))
        time.sleep(min(15, args.soak / 10))
    out = proc.communicate(timeout=60)[0]
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sock = re.search(r"Socket errors:.*", out)
    print(f"\nSoak {args.soak} s through nginx, mixed cached/uncached: {rps} req/s")
    errors = non2xx.group(1) if non2xx else 0
    print(f"  non-2xx: {errors}; socket errors: {sock.group(0) if sock else 'none'}")
    print(f"  gunicorn RSS (MiB) over time: {[round(s / 1024) for s in samples]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--soak", type=int, default=0, help="seconds of mixed load (e.g. 300)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--work", type=Path, help="reuse the folder of an earlier --keep run")
    parser.add_argument("--soak-only", action="store_true", help="skip the comparison runs")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            sys.exit(f"{tool} is missing: apt-get install nginx-light wrk")

    work = args.work or Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    work.chmod(0o755)  # nginx workers run as another user
    processes = []
    try:
        print(f"Preparing in {work} …", flush=True)
        env = servers.prepare_gongkai(work)
        stock_env = None if args.soak_only else servers.prepare_stock(work)
        paths = page_paths(env)
        static_copy(work, [paths["home"], paths["policy"]])
        ports = {k: servers.free_port() for k in ("app", "site", "static", "stock")}
        workers = servers.multiprocessing_workers()
        gongkai = servers.start_gongkai(env, ports["app"], work)
        processes.append(gongkai)
        if stock_env:
            processes.append(servers.start_stock(stock_env, ports["stock"], work, workers))
        processes.append(servers.start_nginx(work, ports["app"], ports["site"], ports["static"]))
        for key in ("app", "site", "static") + (("stock",) if stock_env else ()):
            servers.wait_until_up(f"http://127.0.0.1:{ports[key]}/")
        print(
            f"\nwrk: {args.duration} s per run, {args.connections} connections, 2 threads;"
            f" gunicorn {workers} sync workers each\n",
            flush=True,
        )
        if not args.soak_only:
            report(measure(args, ports, paths))
        if args.soak:
            soak(args, ports, paths, work, gongkai)
        faults(ports, paths, gongkai)
    finally:
        for process in reversed(processes):
            servers.stop(process)
        if args.keep or args.work:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
