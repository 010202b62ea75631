"""Tamper-evident hash chain over the published versions of a disclosure.

Each version's SHA-256 covers the canonical JSON of its content and the previous version's
hash, so changing, removing or reordering any stored version breaks every later link. A
database writer could recompute every hash, so each hash is also signed (HMAC-SHA256, key kept
outside the database) and each village's chain head is published daily (``head_of``) for others
to archive. See the threat model in README.md.
"""

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

# The first version links to this value instead of a previous hash.
GENESIS = "0" * 64


class CanonicalError(TypeError):
    """Content holds a value that has no single canonical JSON form."""


def _normalise(value, path="$"):
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CanonicalError(f"{path}: 非有限数值")
        raise CanonicalError(f"{path}: 不接受浮点数，金额请用 Decimal")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise CanonicalError(f"{path}: 非有限数值")
        return format(value, "f")
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise CanonicalError(f"{path}: 时间缺少时区")
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise CanonicalError(f"{path}: 键必须是字符串")
            out[key] = _normalise(item, f"{path}.{key}")
        return out
    if isinstance(value, (list, tuple)):
        return [_normalise(item, f"{path}[{i}]") for i, item in enumerate(value)]
    raise CanonicalError(f"{path}: 无法序列化的类型 {type(value).__name__}")


def canonical_json(content):
    """Serialise content to one exact byte string: sorted keys, no spaces, UTF-8.

    Decimals become strings with their exact digits ("1234.50"), dates ISO 8601.
    """
    normalised = _normalise(content)
    text = json.dumps(
        normalised, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    return text.encode("utf-8")


def json_safe(content):
    """Content as plain JSON types, exactly as it will read back from a JSON column."""
    return json.loads(canonical_json(content))


def version_hash(content, previous_hash):
    """SHA-256 (hex) over the previous hash and the canonical content."""
    if len(previous_hash) != 64:
        raise ValueError("previous_hash 必须是 64 位十六进制字符串")
    digest = hashlib.sha256()
    digest.update(previous_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical_json(content))
    return digest.hexdigest()


@dataclass(frozen=True)
class StoredVersion:
    """What is stored for one published version."""

    number: int
    content: dict
    previous_hash: str
    hash: str


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    broken_at: int | None = None
    reason: str = ""

    def __bool__(self):
        return self.ok


def build_chain(contents):
    """Chain a list of contents from scratch (used by tests and demo data)."""
    versions, previous = [], GENESIS
    for number, content in enumerate(contents, start=1):
        digest = version_hash(content, previous)
        versions.append(StoredVersion(number, content, previous, digest))
        previous = digest
    return versions


def verify_chain(versions):
    """Check stored versions in order; name the first broken link in Chinese."""
    previous = GENESIS
    for expected_number, version in enumerate(versions, start=1):
        number = version.number
        if number != expected_number:
            return ChainReport(
                False, number, f"第 {expected_number} 版缺失或顺序错乱（实际为第 {number} 版）"
            )
        if version.previous_hash != previous:
            return ChainReport(False, number, f"第 {number} 版记录的上一版哈希与实际不符，链条断开")
        try:
            recomputed = version_hash(version.content, version.previous_hash)
        except (CanonicalError, ValueError) as exc:
            return ChainReport(False, number, f"第 {number} 版内容无法规范化：{exc}")
        if recomputed != version.hash:
            return ChainReport(False, number, f"第 {number} 版存储的内容与其哈希不符，内容已被改动")
        previous = version.hash
    return ChainReport(True)


# ---- anchoring outside the database ------------------------------------------------------


def sign(key, message):
    """HMAC-SHA256 (hex) of ``message`` with ``key`` (bytes); the key never enters the DB."""
    import hmac

    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def signature_ok(key, message, signature):
    """True when ``signature`` is the HMAC of ``message``; constant-time comparison."""
    import hmac

    return bool(signature) and hmac.compare_digest(sign(key, message), signature)


def head_of(links):
    """The head of a village's chain: SHA-256 over each disclosure's latest (page, version, hash).

    ``links`` is a list of dicts ``{"page": id, "version": n, "hash": hex}``; order does not
    matter. Each hash already covers its disclosure's whole history, so the head covers the
    village's whole record at the moment it was taken.
    """
    ordered = sorted(links, key=lambda link: (link["page"], link["version"]))
    return hashlib.sha256(canonical_json(ordered)).hexdigest()
