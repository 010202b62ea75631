"""The chain is anchored outside the database: signed versions, a public append-only head log,
heads printed on the sheets, and verify_disclosures catching a rewrite with recomputed hashes."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from disclosures.anchoring import record_all_heads
from disclosures.hashchain import version_hash
from disclosures.models import ChainHead, DisclosurePage, DisclosureVersion

from .factories import finance_disclosure, hierarchy

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    village = hierarchy()[3][0]
    return finance_disclosure(village)


def rewrite_with_recomputed_hash(version, new_title):
    """What a database writer without the key can do: change content, recompute the hash."""
    version.content = {**version.content, "title": new_title}
    version.hash = version_hash(version.payload(), version.previous_hash)
    DisclosureVersion.objects.filter(pk=version.pk).update(
        content=version.content, hash=version.hash
    )


def verify_errors(capsys, *args):
    with pytest.raises(CommandError):
        call_command("verify_disclosures", *args)
    return capsys.readouterr().err


def test_each_version_is_signed_with_the_key_from_the_environment(published, settings):
    version = published.versions.get()
    assert len(version.signature) == 64
    call_command("verify_disclosures")
    settings.GONGKAI_CHAIN_KEY = "another-key"
    with pytest.raises(CommandError):
        call_command("verify_disclosures")


def test_recomputed_hash_without_the_key_fails_on_the_signature(published, capsys):
    version = published.versions.get()
    published.title = "伪造标题"
    published.save()  # the live page shows the forged title too
    rewrite_with_recomputed_hash(version, "伪造标题")
    assert "第 1 版签名不符" in verify_errors(capsys)


def test_archived_head_log_catches_a_rewrite_even_with_the_key(published, client, tmp_path, capsys):
    archived = client.get("/siwu-data/chain-heads.json")
    assert archived.status_code == 200
    entries = archived.json()["entries"]
    assert [(e["village"], e["number"], e["kind"]) for e in entries] == [
        (published.get_parent().title, 1, "change"),
        (published.get_parent().title, 2, "daily"),
    ]
    assert entries[0]["disclosures"][0]["hash"] == published.versions.get().hash
    archive = tmp_path / "heads.json"
    archive.write_bytes(archived.content)
    call_command("verify_disclosures", "--heads", str(archive))

    # A writer who also holds the key re-signs; only the archived head can tell.
    from disclosures.anchoring import sign_version

    version = published.versions.get()
    published.title = "伪造标题"
    published.save()
    rewrite_with_recomputed_hash(version, "伪造标题")
    version.signature = sign_version(version)
    DisclosureVersion.objects.filter(pk=version.pk).update(signature=version.signature)
    err = verify_errors(capsys, "--heads", str(archive))
    assert "该版本在存档后被改写" in err
    assert "签名不符" not in err


def test_every_change_appends_an_entry_that_covers_every_disclosure(published):
    village = published.get_parent()
    second = finance_disclosure(village, title="2024年第二季度财务公开")
    published.change_reason = "补充说明"
    published.summary = "更正后的说明"
    published.save_revision().publish()
    second.withdrawn, second.withdrawal_reason = True, "期间写错"
    second.save_revision().publish()
    entries = list(ChainHead.objects.filter(village_id=village.pk))
    assert [e.number for e in entries] == [1, 2, 3, 4]
    assert {e.kind for e in entries} == {ChainHead.CHANGE}
    assert [len(e.links) for e in entries] == [1, 2, 2, 2]
    latest = entries[-1]
    assert latest.covers(published.pk, 2) and latest.covers(second.pk, 2)
    # A look the same day adds the day's summary; another look adds nothing.
    record_all_heads()
    record_all_heads()
    assert list(ChainHead.objects.filter(village_id=village.pk).values_list("kind", flat=True))[
        -2:
    ] == [ChainHead.CHANGE, ChainHead.DAILY]
    with pytest.raises(ValidationError):
        latest.save()
    with pytest.raises(ValidationError):
        latest.delete()
    call_command("verify_disclosures", "--heads")


def delete_as_a_database_writer(model, pk):
    """A raw DELETE, past the model's refusal, as someone with database access would."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {model._meta.db_table} WHERE id = %s", [pk])  # noqa: S608


def test_a_version_deleted_after_the_days_first_publication_is_caught(
    published, client, tmp_path, capsys
):
    """Issue 25, reproduction 4: a disclosure published later the same day is anchored at once,
    so deleting it (and the log entry that lists it) no longer passes with an archived log."""
    later = finance_disclosure(published.get_parent(), title="2024年第二季度财务公开")
    archive = tmp_path / "heads.json"
    archive.write_bytes(client.get("/siwu-data/chain-heads.json").content)
    archived = json.loads(archive.read_text())["entries"]
    assert any(
        {"page": later.pk, "version": 1} == {k: d[k] for k in ("page", "version")}
        for e in archived
        for d in e["disclosures"]
    )
    # The writer removes the later disclosure's version, takes the page down, and drops
    # every log entry that lists it.
    version = later.versions.get()
    delete_as_a_database_writer(DisclosureVersion, version.pk)
    DisclosurePage.objects.filter(pk=later.pk).update(live=False)
    for entry in ChainHead.objects.all():
        if entry.covers(later.pk, 1):
            delete_as_a_database_writer(ChainHead, entry.pk)
    # The site's own log now ends before the deleted version (only others' copies can tell):
    err = verify_errors(capsys, "--heads", str(archive))
    assert f"页面 ID {later.pk} 第 1 版在数据库中已不存在" in err
    assert "本站链头日志中已没有这一条" in err


def test_a_deleted_version_still_listed_in_the_site_log_is_caught(published, capsys):
    later = finance_disclosure(published.get_parent(), title="2024年第二季度财务公开")
    delete_as_a_database_writer(DisclosureVersion, later.versions.get().pk)
    DisclosurePage.objects.filter(pk=later.pk).update(live=False)
    assert f"页面 ID {later.pk} 第 1 版在数据库中已不存在" in verify_errors(capsys)


def test_tampered_log_entry_is_reported(published, capsys):
    ChainHead.objects.update(head="f" * 64)
    assert "日志被改动" in verify_errors(capsys)


def test_renumbered_log_fails_on_the_signature(published, capsys):
    record_all_heads()
    ChainHead.objects.filter(number=2).update(number=3)
    err = verify_errors(capsys)
    assert "缺少第 2 条" in err and "签名不符" in err


def test_notice_sheet_and_poster_print_the_head_with_its_date(published, client):
    village = published.get_parent()
    for url in (
        f"/siwu-data/disclosure/{published.pk}/notice/",
        f"/siwu-data/village/{village.pk}/poster/",
    ):
        html = client.get(url).content.decode()
        entry = ChainHead.objects.last()
        assert entry.head in html and "公开链头" in html
        assert entry.recorded_at.strftime("%Y年") in html


def test_feed_lists_the_entries(published, client):
    response = client.get("/siwu-data/chain-heads.xml")
    assert response.status_code == 200
    assert ChainHead.objects.last().head[:16] in response.content.decode()
    assert client.get("/siwu-data/chain-heads.json?village=①").status_code == 400
    assert (
        json.loads(client.get("/siwu-data/chain-heads.json?village=999").content)["entries"] == []
    )
