"""A reload of gunicorn (systemctl reload: SIGHUP) runs the code deployed since it started
(issue 25, reproduction 14: with preload_app the new workers kept the old code)."""

import os
import signal
import subprocess
import sys
import time
import urllib.request

from bench.web import servers
from tests.served import ROOT

APP = 'VERSION = "{version}"\n\n\ndef application(environ, start_response):\n' + (
    '    start_response("200 OK", [("Content-Type", "text/plain")])\n'
    "    return [VERSION.encode()]\n"
)


def fetch(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:  # noqa: S310
        return response.read().decode()


def test_a_reload_runs_the_new_code(tmp_path):
    (tmp_path / "reloadapp.py").write_text(APP.format(version="旧版"))
    port = servers.free_port()
    env = dict(
        os.environ,
        PYTHONPATH=str(tmp_path),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        GUNICORN_ACCESSLOG="",
    )
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "site/deploy/gunicorn.conf.py")]
    process = subprocess.Popen([*gunicorn, "reloadapp:application"], cwd=tmp_path, env=env)
    try:
        servers.wait_until_up(f"http://127.0.0.1:{port}/")
        assert fetch(port) == "旧版"
        (tmp_path / "reloadapp.py").write_text(APP.format(version="新版"))
        for cached in (tmp_path / "__pycache__").glob("*.pyc"):
            cached.unlink()
        process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        while fetch(port) != "新版":
            assert time.monotonic() < deadline, "the reloaded workers still run the old code"
            time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(30)
