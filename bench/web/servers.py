"""Setting up and running the three servers the web benchmark compares, on 127.0.0.1 only."""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
NGINX_CONF_DIR = ROOT / "site/deploy/nginx"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(cmd, env=None, cwd=ROOT, timeout=900):
    print("  $", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, env=env, check=True, timeout=timeout, stdout=subprocess.DEVNULL)


def gongkai_env(work):
    var = work / "var"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="gongkai.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        GONGKAI_CHAIN_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        GONGKAI_VAR_DIR=str(var),
        DATABASE_URL=f"sqlite:///{var / 'db.sqlite3'}",
        SECURE_SSL_REDIRECT="0",
        GONGKAI_PAGECACHE="1",
        GUNICORN_ACCESSLOG="",
        LOG_LEVEL="ERROR",
        # Benchmarks and recipe tests log editors in with a password only; the second factor
        # production asks for is tested in secondfactor/tests.
        GONGKAI_SECOND_FACTOR="",
    )
    return env


def prepare_gongkai(work):
    """A fresh SQLite site with the demo content, static files collected and the cache built
    (kept when work/ already holds one from an earlier --keep run)."""
    env = gongkai_env(work)
    if (work / "var/db.sqlite3").exists():
        return env
    (work / "var").mkdir(parents=True)
    manage = [VENV_BIN / "python", "manage.py"]
    demo = [ROOT / "home/demo/seeds.jsonl"]
    demo += sorted((ROOT / "policies/demo").glob("*.jsonl"))
    demo += sorted((ROOT / "disclosures/demo").glob("*.jsonl"))
    # Bulk import: build the cache and the index once, at the end (no task backlog either).
    quiet = dict(
        env, GONGKAI_PAGECACHE="0", TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend"
    )
    run([*manage, "migrate", "--noinput"], quiet)
    run([*manage, "createcachetable"], quiet)  # the cache when REDIS_URL is unset
    run([*manage, "import_content", *demo], quiet)
    run([*manage, "update_index"], quiet)
    run([*manage, "collectstatic", "--noinput"], quiet)
    run([*manage, "pagecache_rebuild"], env)
    return env


def prepare_stock(work):
    """Stock Wagtail's starter project, from the same virtualenv, DEBUG off."""
    shutil.rmtree(work / "stock", ignore_errors=True)
    (work / "stock").mkdir()
    run([VENV_BIN / "wagtail", "start", "stock", str(work / "stock")], cwd=work)
    _rename_stock_apps(work / "stock")
    settings = work / "stock/stock/settings/local.py"
    settings.write_text(
        f"SECRET_KEY = {secrets.token_urlsafe(50)!r}\nALLOWED_HOSTS = ['127.0.0.1', 'localhost']\n"
    )
    # Its own home and search apps, not Gongkai's: no PYTHONPATH pointing at a Gongkai checkout.
    skip = ("DJANGO_", "DATABASE_", "PYTHONPATH")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env["DJANGO_SETTINGS_MODULE"] = "stock.settings.production"
    run([VENV_BIN / "python", "manage.py", "migrate", "--noinput"], env, cwd=work / "stock")
    run([VENV_BIN / "python", "manage.py", "collectstatic", "--noinput"], env, cwd=work / "stock")
    return env


def _rename_stock_apps(stock):
    """The starter's apps are called home and search, like Gongkai's: with Gongkai installed in
    editable mode, its finder would lend them Gongkai's missing modules (search.models,
    home.wagtail_hooks). Rename the packages, keep the app labels."""
    for name in ("home", "search"):
        (stock / name).rename(stock / f"stock{name}")
    (stock / "stockhome/apps.py").write_text(
        "from django.apps import AppConfig\n\n\nclass HomeConfig(AppConfig):\n"
        '    default_auto_field = "django.db.models.BigAutoField"\n'
        '    name = "stockhome"\n    label = "home"\n'
    )
    (stock / "stockhome/tests.py").unlink(missing_ok=True)
    base = stock / "stock/settings/base.py"
    text = (
        base.read_text().replace('"home",', '"stockhome",').replace('"search",', '"stocksearch",')
    )
    base.write_text(text)
    urls = stock / "stock/urls.py"
    urls.write_text(urls.read_text().replace("from search import", "from stocksearch import"))


def start(cmd, env=None, cwd=ROOT, log=None):
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
    return subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)


def start_gongkai(env, port, work):
    env = dict(env, GUNICORN_BIND=f"127.0.0.1:{port}")
    env.setdefault("GUNICORN_TIMEOUT", "180")  # each worker imports the app (no preload_app)
    cmd = [VENV_BIN / "gunicorn", "-c", ROOT / "site/deploy/gunicorn.conf.py"]
    return start(cmd, env, log=work / "gunicorn-gongkai.log")


def start_worker(env, work):
    """The database-backed task worker (gongkai-tasks.service): re-renders after publishes."""
    cmd = [VENV_BIN / "python", "manage.py", "db_worker", "--interval", "0.5"]
    return start(cmd, env, log=work / "worker.log")


def start_stock(env, port, work, workers):
    cmd = [
        VENV_BIN / "gunicorn",
        "stock.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
    ]
    return start(cmd, env, cwd=work / "stock", log=work / "gunicorn-stock.log")


NGINX_TEMPLATE = """
worker_processes auto;
daemon off;
pid {work}/nginx/nginx.pid;
error_log {work}/nginx/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    upstream gongkai_app {{ server 127.0.0.1:{app_port}; keepalive 32; }}
    map $scheme $gongkai_hsts {{ https "max-age=31536000"; default ""; }}
    include gongkai/gongkai-maps.conf;
    proxy_cache_path {work}/nginx/micro levels=1:2 keys_zone=gongkai_micro:10m max_size=64m
                     inactive=10m use_temp_path=off;
    proxy_cache_path {work}/nginx/peer levels=1:2 keys_zone=gongkai_peer:10m max_size=64m
                     inactive=10m use_temp_path=off;

    # The production recipe: cached pages from disk, the rest from gunicorn.
    server {{
        listen 127.0.0.1:{site_port};
        server_name localhost;
        set $gongkai_var {work}/var;
        set $gongkai_recipe {work}/nginx/gongkai;
        include gongkai/gongkai-locations.conf;
    }}
    # The peer: a generic nginx proxy_cache in front of the same gunicorn, keeping every
    # answer a minute whatever the application says (what a plain reverse-proxy cache does).
    server {{
        listen 127.0.0.1:{peer_port};
        location / {{
            proxy_pass http://gongkai_app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_cache gongkai_peer;
            proxy_cache_valid 200 1m;
            proxy_ignore_headers Cache-Control Expires Set-Cookie Vary X-Accel-Expires;
            proxy_cache_lock on;
            proxy_cache_use_stale updating;
            add_header X-Cache-Status $upstream_cache_status always;
        }}
    }}
    # Plain nginx serving static copies of the same pages: the ceiling.
    server {{
        listen 127.0.0.1:{static_port};
        root {work}/static-copy;
        location / {{ try_files $uri ${{uri}}index.html =404; gzip_static on; }}
    }}
}}
"""


def copy_recipe(dest):
    """A world-readable copy of the nginx recipe (site/deploy/nginx) at ``dest``: nginx's
    unprivileged workers read the maintenance page from it, and a checkout inside a private
    (mode-700) folder is out of their reach."""
    if dest.is_symlink() or dest.is_file():
        dest.unlink()
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(NGINX_CONF_DIR, dest)
    dest.chmod(0o755)
    for path in dest.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return dest


def start_nginx(work, app_port, site_port, static_port, peer_port=None):
    conf_dir = work / "nginx"
    conf_dir.mkdir(exist_ok=True)
    copy_recipe(conf_dir / "gongkai")
    conf = conf_dir / "nginx.conf"
    conf.write_text(
        NGINX_TEMPLATE.format(
            work=work,
            app_port=app_port,
            site_port=site_port,
            static_port=static_port,
            peer_port=peer_port or free_port(),
        )
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    run([nginx, "-t", "-q", "-p", f"{conf_dir}/", "-c", str(conf)])
    return start([nginx, "-p", f"{conf_dir}/", "-c", str(conf)], log=work / "nginx-stdout.log")


def wait_until_up(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                if response.status < 500:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up within {timeout} s")


def fetch(url, headers=None):
    """(status, headers, body) of one GET; never raises for HTTP errors."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback only
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()
    except OSError as exc:
        return 0, {}, str(exc).encode()


def stop(process):
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def rss_kib(pid):
    """Resident memory of a process and its children (gunicorn master + workers)."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        return 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def cpu_seconds(pid):
    """CPU time (user + system) the children of a process have used: nginx's workers."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    ticks = 0
    for child in children:
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def multiprocessing_workers():
    """The worker count site/deploy/gunicorn.conf.py picks, so stock Wagtail gets the same."""
    import multiprocessing

    return int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
