"""One backup = one .tar.gz: manifest.json, the database dump and the media folder."""

import json
import shutil
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.utils import timezone

from . import database
from .database import BackupError

FORMAT = "gongkai-backup"
VERSION = 1


def default_path():
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"gongkai-{stamp}.tar.gz"


def create(output):
    """Write a backup archive to output; returns the manifest."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="gongkai-backup-") as tmp:
        tmp = Path(tmp)
        db_name = database.dump(tmp)
        media_files = (
            [p for p in media_root.rglob("*") if p.is_file()] if media_root.is_dir() else []
        )
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": timezone.now().isoformat(),
            "engine": database.engine(),
            "database": db_name,
            "media_files": len(media_files),
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(tmp / "manifest.json", arcname="manifest.json")
            tar.add(tmp / db_name, arcname=db_name)
            tar.add(media_root if media_root.is_dir() else tmp, arcname="media", recursive=False)
            for path in media_files:
                tar.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
        partial.replace(output)
    return manifest


def _safe_members(tar):
    """Every member, after refusing absolute paths, '..', links and device files."""
    members = tar.getmembers()
    for member in members:
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"备份文件中含有不安全的条目：{member.name!r}，已拒绝恢复。")
        top_level = len(path.parts) == 1 and path.name in ("manifest.json", "db.sqlite3", "db.sql")
        if not (top_level or path.parts[0] == "media"):
            raise BackupError(f"备份文件中含有未知的条目：{member.name!r}，已拒绝恢复。")
    return members


def read_manifest(tar):
    try:
        data = json.load(tar.extractfile("manifest.json"))
    except (KeyError, ValueError, AttributeError) as exc:
        raise BackupError("这不是公开网站的备份文件（缺少或无法读取 manifest.json）。") from exc
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise BackupError("备份文件的格式或版本不受支持。")
    return data


def restore(source):
    """Replace the database and media with the archive's; returns (manifest, old media folder)."""
    source = Path(source)
    try:
        tar = tarfile.open(source, "r:gz")  # noqa: SIM115 - closed by the with block below
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"无法打开备份文件：{exc}") from exc
    try:
        return _restore(tar)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise BackupError(f"备份文件已损坏或不完整，未做任何改动：{exc}") from exc


def _restore(tar):
    with tar, tempfile.TemporaryDirectory(prefix="gongkai-restore-") as tmp:
        tmp = Path(tmp)
        members = _safe_members(tar)
        manifest = read_manifest(tar)
        if manifest.get("engine") != database.engine():
            raise BackupError(
                f"备份来自 {manifest.get('engine')} 数据库，"
                f"当前使用 {database.engine()}，无法直接恢复。"
            )
        db_name = manifest.get("database")
        if db_name not in ("db.sqlite3", "db.sql"):
            raise BackupError("备份文件中的数据库文件名不正确。")
        tar.extractall(tmp, members=members, filter="data")
        if not (tmp / db_name).is_file():
            raise BackupError("备份文件中缺少数据库文件。")
        database.load(tmp / db_name)
        old_media = _swap_media(tmp / "media")
    return manifest, old_media


def _swap_media(new_media):
    """Put the restored media in place; the previous folder is kept beside it, renamed."""
    media_root = Path(settings.MEDIA_ROOT)
    old = None
    if media_root.exists():
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        old = media_root.with_name(f"{media_root.name}.before-restore-{stamp}")
        media_root.rename(old)
    if new_media.is_dir():
        shutil.copytree(new_media, media_root)
    else:
        media_root.mkdir(parents=True)
    return old
