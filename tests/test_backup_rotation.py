"""Backups rotate: the last of each recent day and month stays, everything else goes."""

import datetime

from django.core.management import call_command

from backup.rotation import to_delete, to_keep


def name(day, hour=3):
    return f"gongkai-{day:%Y%m%d}-{hour:02d}0000.tar.gz"


def test_keeps_the_newest_days_and_the_last_of_each_month():
    start = datetime.date(2026, 1, 1)
    names = [name(start + datetime.timedelta(days=n)) for n in range(120)]  # to 30 April
    names += [name(datetime.date(2026, 4, 30), hour=1), "notes.txt", "gongkai-bad.tar.gz"]
    kept = to_keep(names, daily=3, monthly=3)
    assert kept == {
        name(datetime.date(2026, 4, 30)),
        name(datetime.date(2026, 4, 29)),
        name(datetime.date(2026, 4, 28)),
        name(datetime.date(2026, 3, 31)),
        name(datetime.date(2026, 2, 28)),
    }
    deleted = to_delete(names, daily=3, monthly=3)
    assert "notes.txt" not in deleted and "gongkai-bad.tar.gz" not in deleted
    assert len(deleted) == len(names) - 2 - len(kept)
    assert deleted[0] == name(start)


def test_backup_create_rotates_the_default_folder(tmp_path, settings, monkeypatch):
    settings.VAR_DIR = tmp_path
    folder = tmp_path / "backups"
    folder.mkdir()
    for n in range(10):
        (folder / name(datetime.date(2025, 1, 1) + datetime.timedelta(days=n))).write_bytes(b"x")
    (folder / "keep-me.txt").write_text("operator's note")
    monkeypatch.setattr("backup.archive.create", lambda path: _fake_backup(path))
    call_command("backup_create", keep_daily=2, keep_monthly=1)
    left = sorted(p.name for p in folder.iterdir())
    assert "keep-me.txt" in left
    assert len([n for n in left if n.endswith(".tar.gz")]) == 2  # today's and the newest old one


def _fake_backup(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"backup")
    return {"engine": "sqlite", "media_files": 0}
