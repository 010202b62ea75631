"""Anchors of the hash chains outside the database: signatures and the public chain-head log.

A database writer can recompute every SHA-256 of a chain. Two things they cannot redo:

- the HMAC-SHA256 signature of each version's hash, made with ``GONGKAI_CHAIN_KEY`` (an
  environment secret, never stored in the database);
- the chain heads already printed on notice sheets and posters and published in the daily
  chain-head log (``/siwu-data/chain-heads.json``), which anyone can archive.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import timezone

from .hashchain import head_of, sign, signature_ok


def _model(name):
    """A model of this app by name: the models call these helpers (on save, in permission
    checks), so the helpers look the models up in the app registry instead of importing the
    models package back."""
    return apps.get_model("disclosures", name)


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


def head_message(village_id, number, kind, day, head):
    """What an entry's signature covers: its place in the log, its kind, its day and its head."""
    return f"chain-head:{village_id}:{number}:{kind}:{day}:{head}"


def entry_signature_ok(entry):
    message = head_message(entry.village_id, entry.number, entry.kind, entry.day, entry.head)
    return signature_ok(chain_key(), message, entry.signature)


def current_links(village):
    """The latest version (page, number, hash) of each disclosure under ``village``."""
    DisclosureVersion = _model("DisclosureVersion")  # noqa: N806

    latest = {}
    rows = DisclosureVersion.objects.filter(page__path__startswith=village.path).order_by("number")
    for page_id, number, digest in rows.values_list("page_id", "number", "hash"):
        latest[page_id] = {"page": page_id, "version": number, "hash": digest}
    return sorted(latest.values(), key=lambda link: link["page"])


def current_head(village):
    """(head, number of disclosures) of a village's record right now; head is "" when empty."""
    links = current_links(village)
    return (head_of(links) if links else ""), len(links)


def latest_entry(village_id):
    ChainHead = _model("ChainHead")  # noqa: N806

    return ChainHead.objects.filter(village_id=village_id).order_by("-number").first()


def _append(village, kind, links):
    """Append one signed entry covering ``links``; numbered after the village's last entry."""
    ChainHead = _model("ChainHead")  # noqa: N806

    last = latest_entry(village.pk)
    number = (last.number + 1) if last else 1
    day, head = timezone.localdate(), head_of(links)
    entry = ChainHead(
        village_id=village.pk,
        village_name=village.title,
        number=number,
        kind=kind,
        day=day,
        recorded_at=timezone.now(),
        links=links,
        head=head,
        signature=sign(chain_key(), head_message(village.pk, number, kind, day, head)),
    )
    with transaction.atomic():
        entry.save()
    return entry


def _write(village, kind, wanted):
    """Append an entry when ``wanted(latest entry, links)`` says so; retry a lost race."""
    for _attempt in range(5):
        links = current_links(village)
        if not links:
            return None
        last = latest_entry(village.pk)
        if not wanted(last, head_of(links)):
            return last
        try:
            return _append(village, kind, links)
        except IntegrityError:  # another worker appended meanwhile: look again
            continue
    return latest_entry(village.pk)


def record_change(village):
    """After a publication, correction or withdrawal: an entry covering every disclosure of the
    village at its latest version, unless the latest entry already says exactly that."""
    ChainHead = _model("ChainHead")  # noqa: N806

    return _write(village, ChainHead.CHANGE, lambda last, head: last is None or last.head != head)


def record_daily(village):
    """Today's summary entry of the village (once a day), after catching up any change."""
    ChainHead = _model("ChainHead")  # noqa: N806

    record_change(village)
    today = timezone.localdate()

    def missing_today(last, head):
        return not ChainHead.objects.filter(
            village_id=village.pk, kind=ChainHead.DAILY, day=today
        ).exists()

    return _write(village, ChainHead.DAILY, missing_today)


def record_head(village):
    """The village's latest entry, covering every disclosure at its latest version (written
    now if the log lags behind, and today's summary if it is the day's first look)."""
    record_daily(village)
    return latest_entry(village.pk)


def entry_for(page, number):
    """The latest log entry of the page's village that lists version ``number`` of the page."""
    ChainHead = _model("ChainHead")  # noqa: N806

    village = page.get_parent()
    record_head(village)
    entries = ChainHead.objects.filter(village_id=village.pk).order_by("-number")[:50]
    return next((e for e in entries if e.covers(page.pk, number)), None)


def record_all_heads():
    """Today's summary entry for every village that has published disclosures."""
    VillagePage = _model("VillagePage")  # noqa: N806

    return [e for v in VillagePage.objects.order_by("path") if (e := record_daily(v))]


def parse_day(text):
    return datetime.date.fromisoformat(text)
