"""Web benchmark (issues 8, 17): Gongkai's caches next to stock Wagtail, nginx and a proxy_cache.

Run by hand from the checkout; needs Debian's nginx and wrk (`apt-get install nginx-light wrk`):

    .venv/bin/python bench/web/run.py                  # about 10 minutes, with the rush
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

TARGET_CACHED_VS_STATIC = 0.90
TARGET_UNCACHED_VS_STOCK = 1.0
TARGET_REPEATED_SEARCH_VS_TODAY = 20.0
TARGET_REPEATED_SEARCH_P99_MS = 100.0
TARGET_RUSH_HIT_RATIO = 0.95
ISSUE_17_SEARCH_RPS = 59.0  # search at 50 connections when issue 17 was filed ("today's")
BYPASS = ("Cookie: csrftoken=benchmark-bypasses-the-microcache",)  # as a reader who sent a form


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
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": _ms(re.search(r"\s50%\s+([\d.]+\w+)", out).group(1)),
        "p99": _ms(re.search(r"\s99%\s+([\d.]+\w+)", out).group(1)),
        "errors": errors,
    }


def _ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def page_paths(env):
    code = (
        "from policies.models import PolicyIndexPage, PolicyPage\n"
        "from taxonomy.models import Topic\n"
        "p = PolicyPage.objects.live().order_by('pk').first()\n"
        "print(p.url); print(PolicyIndexPage.objects.live().first().url)\n"
        "print(Topic.objects.filter(policypage__live=True).distinct().first().name)\n"
        "for q in PolicyPage.objects.live().order_by('-pk')[:4]: print(q.url)"
    )
    out = subprocess.run(
        [servers.VENV_BIN / "python", "manage.py", "shell", "-c", code],
        cwd=servers.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()[-7:]  # after the shell's own "N objects imported" line
    policy, listing, topic, *others = (unquote(url) for url in out)  # as nginx sees $uri
    return {
        "home": "/",
        "policy": policy,
        "listing": listing,
        "others": others,
        "search": "/search/?q=社区治理",
        "filter": f"{listing}?topic={topic}",
        "page 2": f"{listing}?page=2",
        "search API": "/api/search/?q=社区治理",
    }


def static_copy(work, paths):
    """Copies of the cached simplified pages, for plain nginx."""
    current = work / "var/pagecache/current/hans-0"
    for path in paths:
        for name in ("index.html", "index.html.gz"):  # the page and its gzip twin
            src = current / path.lstrip("/") / name
            dest = work / "static-copy" / path.lstrip("/") / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            if src.exists():  # a cache built before the twins (--work) has none
                shutil.copyfile(src, dest)


def quote(path):
    return urlquote(path, safe="/?=&")


def warm(url, headers=()):
    servers.fetch(url, dict(h.split(": ", 1) for h in headers))


CACHED_GROUPS = ("nginx static copy", "cached (recipe)")


CACHED_NAMES = ("home", "policy", "listing", "policy gzip")


def cached_checks(results):
    """Cached / static in requests/s, and the same by nginx's CPU per request (static's cost
    over the recipe's: less swayed by other load on the machine than requests/s)."""
    static, cached = CACHED_GROUPS
    checks = []
    for name in CACHED_NAMES:
        ratio = results[(cached, name)]["rps"] / (results[(static, name)]["rps"] or float("nan"))
        checks.append((f"cached {name} / nginx static {name}", ratio, TARGET_CACHED_VS_STATIC))
    for name in CACHED_NAMES:
        cost = results[(static, name)]["cpu_us"] / (
            results[(cached, name)]["cpu_us"] or float("nan")
        )
        label = f"nginx CPU per hit, static / cached {name}"
        checks.append((label, cost, TARGET_CACHED_VS_STATIC))
    return checks


def report_cached(results):
    print("\nRatios (same run)")
    for label, value, target in cached_checks(results):
        print(f"  {label:<52} {value:9.2f}{_verdict(value, target)}")


def measure(args, ports, paths, only=None, nginx=None):
    site = f"http://127.0.0.1:{ports['site']}"
    app = f"http://127.0.0.1:{ports['app']}"
    static = f"http://127.0.0.1:{ports['static']}"
    stock = f"http://127.0.0.1:{ports['stock']}"
    peer = f"http://127.0.0.1:{ports['peer']}"
    hant = ("Cookie: script=hant; elder=1",)
    gz = ("Accept-Encoding: gzip",)  # as every browser sends
    runs = [
        ("nginx static copy", "home", static + "/", ()),
        ("nginx static copy", "policy", static + quote(paths["policy"]), ()),
        ("nginx static copy", "listing", static + quote(paths["listing"]), ()),
        ("nginx static copy", "policy gzip", static + quote(paths["policy"]), gz),
        ("cached (recipe)", "home", site + "/", ()),
        ("cached (recipe)", "home 繁+长者", site + "/", hant),
        ("cached (recipe)", "policy", site + quote(paths["policy"]), ()),
        ("cached (recipe)", "listing", site + quote(paths["listing"]), ()),
        ("cached (recipe)", "policy gzip", site + quote(paths["policy"]), gz),
        ("nginx proxy_cache peer", "policy", peer + quote(paths["policy"]), ()),
        ("nginx proxy_cache peer", "search", peer + quote(paths["search"]), ()),
        ("uncached (gunicorn)", "home", app + "/", ()),
        ("uncached (gunicorn)", "policy", app + quote(paths["policy"]), ()),
        ("uncached (gunicorn)", "listing", app + quote(paths["listing"]), ()),
        ("uncached (gunicorn)", "search", app + quote(paths["search"]), ()),
        ("uncached (gunicorn)", "filter", app + quote(paths["filter"]), ()),
        ("microcache (recipe)", "search", site + quote(paths["search"]), ()),
        ("microcache (recipe)", "filter", site + quote(paths["filter"]), ()),
        ("microcache (recipe)", "page 2", site + quote(paths["page 2"]), ()),
        ("microcache (recipe)", "search API", site + quote(paths["search API"]), ()),
        ("via nginx, bypassed", "search", site + quote(paths["search"]), BYPASS),
        ("stock Wagtail", "starter page", stock + "/", ()),
    ]
    runs = [run for run in runs if only is None or run[0] in only]
    for _, _, url, headers in runs:
        warm(url, headers)  # the first answer fills the caches; wrk measures the rest
    results = {}
    for group, name, url, headers in runs:
        before = servers.cpu_seconds(nginx.pid) if nginx else 0.0
        result = wrk(url, args.duration, args.connections, headers)
        spent = servers.cpu_seconds(nginx.pid) - before if nginx else 0.0
        result["cpu_us"] = spent * 1e6 / max(1, result["requests"])  # nginx CPU per request
        results[(group, name)] = result
        cpu = f"  nginx {result['cpu_us']:5.1f} µs/req" if group in CACHED_GROUPS else ""
        print(
            f"{group:<24} {name:<14} {result['rps']:>10.1f} req/s  p50 {result['p50']:>7.2f} ms"
            f"  p99 {result['p99']:>7.2f} ms  errors {result['errors']}{cpu}",
            flush=True,
        )
    return results


def report(results, rush_result=None):
    def rps(group, name):
        return results[(group, name)]["rps"] or float("nan")  # nan: nothing answered

    cached, stock = CACHED_GROUPS[1], ("stock Wagtail", "starter page")
    checks = cached_checks(results)
    checks += [
        (
            "cached policy / proxy_cache peer policy",
            rps(cached, "policy") / rps("nginx proxy_cache peer", "policy"),
            None,
        ),
        (
            "microcache search / proxy_cache peer search",
            rps("microcache (recipe)", "search") / rps("nginx proxy_cache peer", "search"),
            None,
        ),
    ]
    checks += [
        (
            f"uncached {n} / stock Wagtail page",
            rps("uncached (gunicorn)", n) / rps(*stock),
            TARGET_UNCACHED_VS_STOCK,
        )
        for n in ("policy", "home", "listing")
    ]
    checks += [
        (
            "first-time search / stock Wagtail page",
            rps("uncached (gunicorn)", "search") / rps(*stock),
            TARGET_UNCACHED_VS_STOCK,
        ),
        (
            "first-time filter / stock Wagtail page",
            rps("uncached (gunicorn)", "filter") / rps(*stock),
            TARGET_UNCACHED_VS_STOCK,
        ),
        (
            f"repeated search / issue-17 search ({ISSUE_17_SEARCH_RPS:.0f} req/s)",
            rps("microcache (recipe)", "search") / ISSUE_17_SEARCH_RPS,
            TARGET_REPEATED_SEARCH_VS_TODAY,
        ),
        (
            "repeated search / uncached search",
            rps("microcache (recipe)", "search") / rps("uncached (gunicorn)", "search"),
            TARGET_REPEATED_SEARCH_VS_TODAY,
        ),
        (
            "repeated filter / uncached filter",
            rps("microcache (recipe)", "filter") / rps("uncached (gunicorn)", "filter"),
            TARGET_REPEATED_SEARCH_VS_TODAY,
        ),
        (
            "cached home / uncached home",
            rps(cached, "home") / rps("uncached (gunicorn)", "home"),
            None,
        ),
    ]
    print("\nRatios (requests/s, same run)")
    for label, value, target in checks:
        print(f"  {label:<52} {value:9.2f}{_verdict(value, target)}")
    p99 = results[("microcache (recipe)", "search")]["p99"]
    line = f"  {'repeated search p99 (ms)':<52} {p99:9.2f}"
    print(line + _verdict(p99, TARGET_REPEATED_SEARCH_P99_MS, below=True))
    if rush_result:
        report_rush(rush_result, rps(*stock))


def report_rush(rush_result, stock_rps=None):
    ratio = rush_result["hits"] / max(1, rush_result["hits"] + rush_result["misses"])
    errors = rush_result["errors"]
    print(f"  {'rush hit ratio':<52} {ratio:9.3f}{_verdict(ratio, TARGET_RUSH_HIT_RATIO)}")
    print(f"  {'rush errors':<52} {errors:9d}{_verdict(errors, 0, below=True, equal=True)}")
    print(f"  {'rush p99 (ms)':<52} {rush_result['p99']:9.2f}")
    if stock_rps:
        print(f"  {'rush req/s / stock Wagtail page':<52} {rush_result['rps'] / stock_rps:9.2f}")


def _verdict(value, target, below=False, equal=False):
    """The target beside the value and whether it is met."""
    if target is None:
        return ""
    sign = "=" if equal else ("<" if below else "≥")
    met = value == target if equal else (value < target if below else value >= target)
    return f"  (target {sign} {target:g})  {'OK' if met else 'BELOW TARGET'}"


def faults(ports, paths, gongkai):
    """Stop gunicorn: cached pages must still be served by nginx."""
    print("\nApplication server stopped:")
    servers.stop(gongkai)
    site = f"http://127.0.0.1:{ports['site']}"
    for name in ("home", "policy", "listing", "search"):
        status, headers, body = servers.fetch(site + quote(paths[name]))
        served = headers.get("X-Page-Cache") or headers.get("X-Cache-Status", "-")
        notice = "  (维护页)" if "系统维护中".encode() in body else ""
        print(f"  {name:<8} HTTP {status}  cache: {served}{notice}")


SOAK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


RUSH_SCRIPT = """
local paths = {%s}
local threads = {}
local i = 0
function setup(thread) table.insert(threads, thread) end
function init(args) hits = 0; misses = 0; failed = 0 end
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
function response(status, headers, body)
  local micro = headers["X-Cache-Status"]
  if headers["X-Page-Cache"] == "hit" or micro == "HIT" or micro == "STALE"
     or micro == "UPDATING" then hits = hits + 1 else misses = misses + 1 end
  if status >= 400 then failed = failed + 1 end
end
function done(summary, latency, requests)
  local h, m, f = 0, 0, 0
  for _, t in ipairs(threads) do h = h + t:get("hits"); m = m + t:get("misses");
    f = f + t:get("failed") end
  io.write(string.format("RUSH hits %%d misses %%d failed %%d\\n", h, m, f))
end
"""

PUBLISHER = """
import datetime, time
from news.models import NewsArticlePage, NewsIndexPage
index = NewsIndexPage.objects.live().first()
start = time.monotonic()
for n in range({count}):
    time.sleep(max(0, start + {every} * (n + 1) - time.monotonic()))
    page = NewsArticlePage(title=f"发布日快讯{{n}}", slug=f"rush-{{n}}-{{int(start)}}",
                           date=datetime.date.today(), body=[("paragraph", "<p>快讯</p>")])
    index.add_child(instance=page)
    page.save_revision().publish()
    print("published", n, round(time.monotonic() - start, 1), flush=True)
"""


def rush(args, ports, paths, work, env):
    """Publication day: mixed URLs, 50 connections, a publish every 10 s; hit ratio, errors."""
    pages = [paths["home"], paths["policy"], paths["listing"], *paths["others"]]
    terms = ["社区治理", "养老", "补贴", "村务公开"]
    queries = [f"/search/?q={t}" for t in terms] + [paths["filter"], paths["page 2"]]
    queries += [paths["search API"]]
    mix = pages * 2 + queries  # people search and filter most on such a day
    for path in dict.fromkeys(mix):
        warm(f"http://127.0.0.1:{ports['site']}{quote(path)}")
    script = work / "rush.lua"
    script.write_text(RUSH_SCRIPT % ", ".join(f'"{quote(p)}"' for p in mix))
    code = PUBLISHER.format(count=args.rush // 10, every=10)
    publisher = servers.start(
        [servers.VENV_BIN / "python", "manage.py", "shell", "-c", code],
        env,
        log=work / "publisher.log",
    )
    time.sleep(8)  # the shell's start-up; the first publish is 10 s after it is up
    url = f"http://127.0.0.1:{ports['site']}/"
    cmd = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.rush}s", "--latency"]
    out = subprocess.run(
        [*cmd, "--timeout", "10s", "-s", str(script), url],
        capture_output=True,
        text=True,
        timeout=args.rush + 120,
        check=True,
    ).stdout
    publisher.wait(timeout=120)
    counts = re.search(r"RUSH hits (\d+) misses (\d+) failed (\d+)", out)
    socket_errors = re.search(r"Socket errors:.*", out)
    errors = int(counts.group(3))
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(0)))
    published = (work / "publisher.log").read_text(errors="replace").count("published")
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p99": _ms(re.search(r"\s99%\s+([\d.]+\w+)", out).group(1)),
        "hits": int(counts.group(1)),
        "misses": int(counts.group(2)),
        "errors": errors,
    }
    print(
        f"\nRush {args.rush} s, {args.connections} connections, {len(mix)} URLs,"
        f" {published} publishes: {result['rps']:.1f} req/s, p99 {result['p99']:.1f} ms,"
        f" hits {result['hits']}, misses {result['misses']}, errors {errors}",
        flush=True,
    )
    return result


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
    parser.add_argument("--rush", type=int, default=60, help="seconds of the rush (0: none)")
    parser.add_argument(
        "--only",
        choices=("all", "rush", "cached"),
        default="all",
        help="rush: only the rush; cached: only the recipe's cached pages next to nginx static",
    )
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            sys.exit(f"{tool} is missing: apt-get install nginx-light wrk")

    work = args.work or Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    work.chmod(0o755)  # nginx workers run as another user
    processes = []
    try:
        print(f"Preparing in {work} …", flush=True)
        env = servers.prepare_gongkai(work)
        stock_env = None if args.soak_only or args.only != "all" else servers.prepare_stock(work)
        paths = page_paths(env)
        static_copy(work, [paths["home"], paths["policy"], paths["listing"]])
        ports = {k: servers.free_port() for k in ("app", "site", "static", "stock", "peer")}
        workers = servers.multiprocessing_workers()
        gongkai = servers.start_gongkai(env, ports["app"], work)
        processes.append(gongkai)
        if stock_env:
            processes.append(servers.start_stock(stock_env, ports["stock"], work, workers))
        processes.append(servers.start_worker(env, work))
        nginx = servers.start_nginx(
            work, ports["app"], ports["site"], ports["static"], ports["peer"]
        )
        processes.append(nginx)
        for key in ("app", "site", "static", "peer") + (("stock",) if stock_env else ()):
            servers.wait_until_up(f"http://127.0.0.1:{ports[key]}/")
        print(
            f"\nwrk: {args.duration} s per run, {args.connections} connections, 2 threads;"
            f" gunicorn {workers} sync workers each\n",
            flush=True,
        )
        if args.only == "rush":
            report_rush(rush(args, ports, paths, work, env))
        elif args.only == "cached":
            report_cached(measure(args, ports, paths, only=CACHED_GROUPS, nginx=nginx))
        elif not args.soak_only:
            results = measure(args, ports, paths, nginx=nginx)
            rushed = rush(args, ports, paths, work, env) if args.rush else None
            report(results, rushed)
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
