"""Anchors of the hash chains outside the database: signatures and the public chain-head log.

A database writer can recompute every SHA-256 of a chain. Two things they cannot redo:

- the HMAC-SHA256 signature of each version's hash, made with ``GONGKAI_CHAIN_KEY`` (an
  environment secret, never stored in the database);
- the chain heads already printed on notice sheets and posters and published in the daily
  chain-head log (``/siwu-data/chain-heads.json``), which anyone can archive.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import timezone

from .hashchain import head_of, sign, signature_ok


def chain_key():
    key = getattr(settings, "GONGKAI_CHAIN_KEY", None)
    if not key:
        raise ImproperlyConfigured("未设置 GONGKAI_CHAIN_KEY：四务公开的版本签名需要此密钥。")
    return key.encode("utf-8")


def version_message(version):
    return f"disclosure-version:{version.page_id}:{version.number}:{version.hash}"


def sign_version(version):
    return sign(chain_key(), version_message(version))


def version_signature_ok(version):
    return signature_ok(chain_key(), version_message(version), version.signature)


def head_message(village_id, day, head):
    return f"chain-head:{village_id}:{day}:{head}"


def current_links(village):
    """The latest version (page, number, hash) of each disclosure under ``village``."""
    from .models import DisclosureVersion

    latest = {}
    rows = DisclosureVersion.objects.filter(page__path__startswith=village.path).order_by("number")
    for page_id, number, digest in rows.values_list("page_id", "number", "hash"):
        latest[page_id] = {"page": page_id, "version": number, "hash": digest}
    return sorted(latest.values(), key=lambda link: link["page"])


def current_head(village):
    """(head, number of disclosures) of a village's record right now; head is "" when empty."""
    links = current_links(village)
    return (head_of(links) if links else ""), len(links)


def record_head(village, day=None):
    """Write the village's chain-head entry for ``day`` (today) unless one exists; return it.

    One entry per village per day, never changed: the first writer of the day wins.
    """
    from .models import ChainHead

    day = day or timezone.localdate()
    existing = ChainHead.objects.filter(village_id=village.pk, day=day).first()
    if existing:
        return existing
    links = current_links(village)
    if not links:
        return None
    head = head_of(links)
    entry = ChainHead(
        village_id=village.pk,
        village_name=village.title,
        day=day,
        recorded_at=timezone.now().replace(microsecond=0),
        links=links,
        head=head,
        signature=sign(chain_key(), head_message(village.pk, day, head)),
    )
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:  # written meanwhile by another worker
        return ChainHead.objects.get(village_id=village.pk, day=day)
    return entry


def record_all_heads(day=None):
    """Today's entry for every village that has published disclosures."""
    from .models import VillagePage

    return [e for v in VillagePage.objects.order_by("path") if (e := record_head(v, day))]


def check_archived_heads(entries, key=None):
    """Compare an archived chain-head log with the database; Chinese problems, [] when it holds.

    Each archived (disclosure, version, hash) must still be in the database with that hash: a
    version rewritten after the entry was archived shows up here even when the writer
    recomputed every hash (and, with the key, every signature).
    """
    from .models import DisclosureVersion

    problems = []
    for entry in entries:
        where = f"{entry.get('village', '?')} {entry.get('date', '?')} 的链头"
        links = entry.get("disclosures") or []
        if not links or head_of(links) != entry.get("head"):
            problems.append(f"{where}：存档本身不完整或链头与所列版本不符，无法用于核验")
            continue
        for link in links:
            stored = (
                DisclosureVersion.objects.filter(page_id=link["page"], number=link["version"])
                .values_list("hash", flat=True)
                .first()
            )
            if stored is None:
                problems.append(
                    f"{where}：页面 ID {link['page']} 第 {link['version']} 版在数据库中已不存在"
                )
            elif stored != link["hash"]:
                problems.append(
                    f"{where}：页面 ID {link['page']} 第 {link['version']} 版的哈希存档为 "
                    f"{link['hash'][:16]}…，数据库中为 {stored[:16]}…，该版本在存档后被改写"
                )
    return problems


def parse_day(text):
    return datetime.date.fromisoformat(text)
