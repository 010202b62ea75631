"""Settings read from the environment; production refuses to run unsafely."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env_overrides):
    unset = {"SECRET_KEY", "GONGKAI_CHAIN_KEY", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage(
        "check", env_overrides={"DJANGO_SETTINGS_MODULE": "gongkai.settings.production"}
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_the_chain_key():
    result = run_manage(
        "check",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "gongkai.settings.production",
            "SECRET_KEY": "x7!" + "k" * 50,
            "ALLOWED_HOSTS": "gongkai.example.cn",
        },
    )
    assert result.returncode != 0
    assert "GONGKAI_CHAIN_KEY" in result.stderr


def test_production_deploy_check_is_clean_with_sane_environment(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "gongkai.settings.production",
            "SECRET_KEY": "x7!" + "k" * 20 + "q9#Zp2@Lm4$Rt6^Wv8&Yb0*Nc3(Hf5)Jd",
            "GONGKAI_CHAIN_KEY": "c" * 50,
            "ALLOWED_HOSTS": "gongkai.example.cn",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_database_url_selects_postgresql():
    code = (
        "import gongkai.settings.base as s; "
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'])"
    )
    env = dict(os.environ, DATABASE_URL="postgres://postgres@127.0.0.1:5432/gongkai")
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.stdout.split() == ["django.db.backends.postgresql", "gongkai"]


def test_chinese_first(settings):
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"


def test_the_suite_runs_on_the_test_settings():
    from django.conf import settings

    assert settings.SETTINGS_MODULE == "gongkai.settings.test"
    assert settings.AXES_ENABLED is False and settings.DEBUG is False


def test_make_test_runs_pytest_on_the_test_settings():
    # The Makefile exports the dev settings for the demo; `make test` must override them.
    dry_run = subprocess.run(
        ["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    pytest_lines = [line for line in dry_run.stdout.splitlines() if "bin/pytest" in line]
    assert pytest_lines and all(
        "DJANGO_SETTINGS_MODULE=gongkai.settings.test" in line for line in pytest_lines
    )


def test_make_demo_serves_with_debug_off_on_its_own_address():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "GONGKAI_BASE_URL"}}
    env.update(HOST="127.0.0.1", PORT="8765")
    shown = subprocess.run(
        ["make", "-s", "--eval", "show-env: ; @echo $$DEBUG $$GONGKAI_BASE_URL", "show-env"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.stdout.split() == ["0", "http://127.0.0.1:8765"]
    code = "from django.conf import settings; print(settings.DEBUG, settings.GONGKAI_BASE_URL)"
    result = run_manage(
        "shell",
        "-c",
        code,
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "gongkai.settings.dev",
            "DEBUG": "0",
            "GONGKAI_BASE_URL": "http://127.0.0.1:8765",
        },
    )
    assert result.stdout.split()[-2:] == ["False", "http://127.0.0.1:8765"], result.stderr
