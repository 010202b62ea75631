"""Dumping and loading the database: SQLite through its online backup API, PostgreSQL through
pg_dump and psql."""

import os
import shutil
import sqlite3
import subprocess

from django.db import connection


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is for the operator."""


def engine():
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"不支持的数据库类型：{vendor}")
    return vendor


def dump(target_dir):
    """Write the database into target_dir; returns the file name used."""
    if engine() == "sqlite":
        name = "db.sqlite3"
        connection.ensure_connection()
        dest = sqlite3.connect(target_dir / name)
        try:
            connection.connection.backup(dest)
        finally:
            dest.close()
        return name
    name = "db.sql"
    _run_pg(
        "pg_dump",
        [
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(target_dir / name),
        ],
    )
    return name


def load(source_file):
    """Replace the whole database with the dump in source_file."""
    if engine() == "sqlite":
        source = sqlite3.connect(f"file:{source_file}?mode=ro", uri=True)
        try:
            try:
                (verdict,) = source.execute("PRAGMA integrity_check").fetchone()
            except sqlite3.DatabaseError as exc:
                raise BackupError(f"备份中的数据库文件已损坏，未做任何改动：{exc}") from exc
            if verdict != "ok":
                raise BackupError(f"备份中的数据库文件已损坏，未做任何改动：{verdict}")
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
        return
    connection.close()
    _run_pg(
        "psql", ["--quiet", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-f", str(source_file)]
    )


def _run_pg(program, args):
    if shutil.which(program) is None:
        raise BackupError(
            f"找不到 {program}，请安装 PostgreSQL 客户端（Debian: postgresql-client）。"
        )
    conf = connection.settings_dict
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if conf.get(key):
            env[var] = str(conf[key])
    if conf.get("PASSWORD"):
        env["PGPASSWORD"] = conf["PASSWORD"]
    result = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
        [program, *args, "--dbname", conf["NAME"]],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{program} 失败：{result.stderr.strip()[:2000]}")
