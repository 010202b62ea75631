"""backup_create / backup_restore: the database and the media come back exactly as they were."""

import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command

from home.models import HomePage
from media.tests.factories import credited_image
from news.models import NewsArticlePage
from news.tests.factories import news_article
from tests.browser.content import ensure_base


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


# Transactional: the restore replaces the whole database. Other transactional tests may have
# flushed it before, so the migrations' home page and site are put back first.
@pytest.mark.django_db(transaction=True)
def test_round_trip_restores_pages_and_media(media_root, tmp_path):
    ensure_base()
    article = news_article("备份前的新闻")
    photo = credited_image(caption="村委会议")
    photo_bytes = (media_root / photo.file.name).read_bytes()
    (media_root / "documents").mkdir()
    (media_root / "documents" / "村务公开.txt").write_text("三月账目", encoding="utf-8")
    archive = tmp_path / "backup.tar.gz"
    out = io.StringIO()

    call_command("backup_create", output=str(archive), stdout=out)
    assert "备份完成" in out.getvalue() and archive.is_file()

    # Things go wrong after the backup: a page renamed, one deleted, files lost and added.
    article.title = "被改坏的标题"
    article.save_revision().publish()
    news_article("备份后才有的新闻")
    (media_root / photo.file.name).unlink()
    (media_root / "documents" / "村务公开.txt").write_text("被覆盖", encoding="utf-8")
    (media_root / "stray.txt").write_text("x")

    out = io.StringIO()
    call_command("backup_restore", str(archive), yes=True, stdout=out)
    assert "已恢复" in out.getvalue()

    titles = set(NewsArticlePage.objects.values_list("title", flat=True))
    assert "备份前的新闻" in titles
    assert "被改坏的标题" not in titles and "备份后才有的新闻" not in titles
    assert NewsArticlePage.objects.get(pk=article.pk).live
    assert HomePage.objects.count() == 1
    assert (media_root / photo.file.name).read_bytes() == photo_bytes
    assert (media_root / "documents" / "村务公开.txt").read_text(encoding="utf-8") == "三月账目"
    assert not (media_root / "stray.txt").exists()
    # the media folder as it was before the restore is kept, not thrown away
    kept = [p for p in media_root.parent.iterdir() if p.name.startswith("media.before-restore-")]
    assert len(kept) == 1 and (kept[0] / "stray.txt").exists()


def _tar_with(tmp_path, members):
    path = tmp_path / "hostile.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


MANIFEST = json.dumps(
    {"format": "gongkai-backup", "version": 1, "engine": "sqlite", "database": "db.sqlite3"}
).encode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"manifest.json": MANIFEST, "../evil.txt": b"x"}, "不安全"),
        ({"manifest.json": MANIFEST, "/etc/evil": b"x"}, "不安全"),
        ({"manifest.json": MANIFEST, "media/../../evil": b"x"}, "不安全"),
        ({"notes.txt": b"hello"}, "未知"),
        ({"db.sqlite3": b"x"}, "manifest.json"),
        ({"manifest.json": b"{not json"}, "manifest.json"),
    ],
)
def test_hostile_or_foreign_archives_are_refused_and_nothing_changes(
    media_root, tmp_path, members, message
):
    (media_root / "keep.txt").write_text("原有文件")
    pages_before = HomePage.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("backup_restore", str(_tar_with(tmp_path, members)), yes=True)
    assert (media_root / "keep.txt").read_text() == "原有文件"
    assert not (tmp_path / "evil.txt").exists()
    assert HomePage.objects.count() == pages_before


@pytest.mark.django_db
def test_a_file_that_is_not_an_archive_gets_a_clear_message(tmp_path):
    bogus = tmp_path / "backup.tar.gz"
    bogus.write_bytes(b"this is not gzip")
    with pytest.raises(CommandError, match="无法打开备份文件"):
        call_command("backup_restore", str(bogus), yes=True)
