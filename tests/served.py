"""The production recipe on loopback, for tests: gunicorn (production settings) behind nginx.

``serve(work)`` prepares a fresh SQLite site under ``work``, starts gunicorn with several
workers and nginx with the recipe's own files (site/deploy/nginx), both on free ports of
127.0.0.1, and returns a ``Recipe``. ``Client`` talks to it from any 127.0.0.0/8 source
address, so tests can play several people on different addresses.
"""

import base64
import html
import http.client
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

from django_otp.oath import hotp

from bench.web import servers

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

NGINX_TEMPLATE = """
worker_processes 1;
daemon off;
pid {work}/nginx/nginx.pid;
error_log {work}/nginx/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/nginx/body;
    proxy_temp_path {work}/nginx/proxy;
    fastcgi_temp_path {work}/nginx/fastcgi;
    uwsgi_temp_path {work}/nginx/uwsgi;
    scgi_temp_path {work}/nginx/scgi;
    upstream gongkai_app {{ server 127.0.0.1:{app_port}; keepalive 8; }}
    map $scheme $gongkai_hsts {{ https "max-age=31536000"; default ""; }}
    include gongkai/gongkai-maps.conf;
    proxy_cache_path {work}/nginx/micro levels=1:2 keys_zone=gongkai_micro:10m max_size=64m
                     inactive=10m use_temp_path=off;
    server {{
        listen 127.0.0.1:{site_port};
        server_name _;
        set $gongkai_var {work}/var;
        set $gongkai_recipe {work}/nginx/gongkai;
        include gongkai/gongkai-locations.conf;
    }}
}}
"""


def nginx_available():
    return Path(NGINX).exists()


def make_workdir():
    """A folder nginx's unprivileged workers can read (pytest's tmp_path is private)."""
    work = Path(tempfile.mkdtemp(prefix="gongkai-recipe-"))
    work.chmod(0o755)
    return work


@dataclass
class Recipe:
    work: Path
    env: dict
    app_port: int
    site_port: int
    processes: list = field(default_factory=list)
    admin_password: str = ""
    admin_totp_secret: str = ""  # base32, as secondfactor_demo prints it

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.site_port}"

    def manage(self, *args, env=None):
        """Run manage.py against the served site's database; returns stdout."""
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        print(f"manage.py {args[0]}: {time.monotonic() - started:.0f} s")
        return result.stdout

    def manage_in_background(self, *args):
        """Start manage.py against the served site; ``wait`` for it before using what it makes."""
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    @staticmethod
    def wait(process):
        _, stderr = process.communicate(timeout=600)
        if process.returncode:
            raise RuntimeError(f"{' '.join(map(str, process.args))} failed:\n{stderr[-3000:]}")

    def start_gunicorn(self, port, workers=2, log="gunicorn.log"):
        env = dict(self.env, GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS=str(workers))
        # Each worker imports the application itself (no preload_app): on a crowded test
        # machine that can take longer than the production timeout.
        env.setdefault("GUNICORN_TIMEOUT", "180")
        cmd = [servers.VENV_BIN / "gunicorn", "-c", ROOT / "site/deploy/gunicorn.conf.py"]
        process = servers.start(cmd, env, log=self.work / log)
        self.processes.append(process)
        servers.wait_until_up(f"http://127.0.0.1:{port}/admin/login/", timeout=240)
        return process

    def gunicorn(self):
        """The first gunicorn this recipe started (the one nginx sends requests to)."""
        return next(p for p in self.processes if "gunicorn" in str(p.args[0]))

    def start_worker(self, log="worker.log"):
        """The database-backed task worker of the recipe (gongkai-tasks.service)."""
        cmd = [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"]
        process = servers.start(cmd, self.env, log=self.work / log)
        self.processes.append(process)
        return process

    def stop_workers(self):
        """Stop every task worker (nothing is rendered again until one is started)."""
        for process in self.processes:
            if "db_worker" in map(str, process.args):
                servers.stop(process)

    def stop(self):
        for process in reversed(self.processes):
            servers.stop(process)
        shutil.rmtree(self.work, ignore_errors=True)


def site_env(work, base_url, **overrides):
    env = servers.gongkai_env(work)
    env.pop("REDIS_URL", None)
    # The recipe is production: every admin account gives a second factor (the default).
    env.pop("GONGKAI_SECOND_FACTOR", None)
    env.update(
        ALLOWED_HOSTS="127.0.0.1",
        GONGKAI_BASE_URL=base_url,
        GONGKAI_TRUSTED_PROXIES="127.0.0.1",
        AXES_FAILURE_LIMIT="5",
    )
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    env.update(overrides)
    return env


def serve(work, workers=2, fixtures=(), **env_overrides):
    """Prepare and start the recipe: migrate, collectstatic, an admin, gunicorn, nginx."""
    app_port, site_port = servers.free_port(), servers.free_port()
    env = site_env(work, f"http://127.0.0.1:{site_port}", **env_overrides)
    recipe = Recipe(work, env, app_port, site_port, admin_password=secrets.token_urlsafe(16))
    (work / "var").mkdir(parents=True, exist_ok=True)
    # collectstatic (compressing every file) needs no database: it runs beside the migrations.
    collecting = recipe.manage_in_background("collectstatic", "--noinput")
    recipe.manage("migrate", "--noinput")
    recipe.manage("createcachetable")
    recipe.manage("home_site_address")
    recipe.wait(collecting)
    if fixtures:
        # Bulk import without rendering the page cache page by page; build it once after.
        recipe.manage("import_content", *map(str, fixtures), env=dict(env, GONGKAI_PAGECACHE="0"))
        # Production indexes through the task worker (Wagtail enqueues every index update):
        # work off what the import queued, as gongkai-tasks.service would.
        recipe.manage("db_worker", "--batch", "--no-startup-delay")
        recipe.manage("pagecache_rebuild")
    admin_env = dict(env, DJANGO_SUPERUSER_PASSWORD=recipe.admin_password)
    recipe.manage(
        "createsuperuser",
        "--noinput",
        "--username",
        "admin",
        "--email",
        "a@example.cn",
        env=admin_env,
    )
    # Production asks every admin account for a second factor: enrol the admin's authenticator
    # the way make demo does and keep the printed secret, so the clients compute codes.
    printed = recipe.manage("secondfactor_demo")
    recipe.admin_totp_secret = re.search(r"^admin 的两步验证密钥：(\S+)$", printed, re.M).group(1)
    try:
        recipe.start_worker()
        recipe.start_gunicorn(app_port, workers=workers)
        conf_dir = work / "nginx"
        conf_dir.mkdir(exist_ok=True)
        servers.copy_recipe(conf_dir / "gongkai")  # readable even if the checkout is not
        conf = conf_dir / "nginx.conf"
        conf.write_text(NGINX_TEMPLATE.format(work=work, app_port=app_port, site_port=site_port))
        servers.run([NGINX, "-t", "-q", "-p", f"{conf_dir}/", "-c", str(conf)])
        recipe.processes.append(
            servers.start([NGINX, "-p", f"{conf_dir}/", "-c", str(conf)], log=work / "nginx.log")
        )
        servers.wait_until_up(f"{recipe.base_url}/admin/login/", timeout=240)
    except Exception:
        recipe.stop()
        raise
    return recipe


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str

    def header(self, name):
        return self.headers.get(name, "")


class Client:
    """One person's browser on one loopback address: keeps cookies (Secure ones too)."""

    def __init__(self, port, source="127.0.0.1", host="127.0.0.1"):
        self.port, self.source, self.host = port, source, host
        self.cookies = {}

    def request(self, method, path, form=None, headers=None):
        path = urllib.parse.quote(path, safe="/?=&%:+,;@~")
        body = urllib.parse.urlencode(form) if form is not None else None
        sent = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=60, source_address=(self.source, 0)
        )
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for raw in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(raw).items():
                self.cookies[name] = morsel.value
        return Response(response.status, response.headers, text)

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def login_form(self, username, password):
        """The admin login form filled in, with the CSRF token of a fresh login page."""
        page = self.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        return {
            "csrfmiddlewaretoken": html.unescape(token.group(1)) if token else "",
            "username": username,
            "password": password,
            "next": "/admin/",
        }

    def login(self, username, password, headers=None, totp_secret=""):
        """Password, then (given the authenticator's secret) the code the admin asks for next.

        Answers the password step's response when it did not succeed or no secret is given,
        else the code step's (a redirect to /admin/ when the code was taken)."""
        form = self.login_form(username, password)
        response = self.request("POST", "/admin/login/", form=form, headers=headers)
        if response.status != 302 or not totp_secret:
            return response
        step = self.get(response.header("Location"), headers=headers)
        for _ in range(3):  # /admin/ → /admin/secondfactor/verify/?next=/admin/
            if step.status != 302:
                break
            step = self.get(step.header("Location"), headers=headers)
        action = re.search(r'<form[^>]*action="([^"]*secondfactor/verify/[^"]*)"', step.text)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', step.text)
        assert action and token, f"no code form after the password: {step.status}"
        code = {
            "csrfmiddlewaretoken": html.unescape(token.group(1)),
            "otp_token": current_code(totp_secret),
            "next": "/admin/",
        }
        return self.request("POST", html.unescape(action.group(1)), form=code, headers=headers)


# The time step each authenticator's code was last given for: the site takes a code once, and
# one step ahead of the clock, so a second login within 30 s types the next step's code.
_USED_STEPS = {}


def _key(secret):
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def codes_around(secret):
    """The codes of the steps before, at and after the clock (what the site may accept)."""
    now = int(time.time()) // 30
    return [f"{hotp(_key(secret), step, digits=6):06d}" for step in (now - 1, now, now + 1)]


def current_code(secret):
    """A 6-digit TOTP code of a base32 secret the site has not taken yet (RFC 6238, 30 s)."""
    key = _key(secret)
    while True:
        now = int(time.time()) // 30
        step = max(now, _USED_STEPS.get(secret, -1) + 1)
        if step <= now + 1:
            break
        time.sleep(1)
    _USED_STEPS[secret] = step
    return f"{hotp(key, step, digits=6):06d}"
