"""The chain is anchored outside the database: signed versions, a public append-only head log,
heads printed on the sheets, and verify_disclosures catching a rewrite with recomputed hashes."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from disclosures.hashchain import version_hash
from disclosures.models import ChainHead, DisclosureVersion

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
    assert [e["village"] for e in entries] == [published.get_parent().title]
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


def test_head_log_entries_are_written_once_a_day_and_never_changed(published):
    (entry,) = ChainHead.objects.all()
    first_head = entry.head
    published.change_reason = "补充说明"
    published.summary = "更正后的说明"
    published.save_revision().publish()
    assert ChainHead.objects.get().head == first_head  # the day's entry does not move
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()


def test_tampered_log_entry_is_reported(published, capsys):
    ChainHead.objects.update(head="f" * 64)
    assert "日志被改动" in verify_errors(capsys)


def test_notice_sheet_and_poster_print_the_head_with_its_date(published, client):
    village = published.get_parent()
    for url in (
        f"/siwu-data/disclosure/{published.pk}/notice/",
        f"/siwu-data/village/{village.pk}/poster/",
    ):
        html = client.get(url).content.decode()
        entry_head = ChainHead.objects.get().head
        assert entry_head in html and "公开链头" in html
        assert ChainHead.objects.get().recorded_at.strftime("%Y年") in html


def test_feed_lists_the_entries(published, client):
    response = client.get("/siwu-data/chain-heads.xml")
    assert response.status_code == 200
    assert ChainHead.objects.get().head[:16] in response.content.decode()
    assert client.get("/siwu-data/chain-heads.json?village=①").status_code == 400
    assert (
        json.loads(client.get("/siwu-data/chain-heads.json?village=999").content)["entries"] == []
    )
