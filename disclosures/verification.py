"""What the public 核验 page reads and checks: a version hash, a chain head, the address under a
notice sheet's QR code, or an archived chain-head log entry, answered in plain Chinese.

``parse`` turns the pasted text into hashes (or an archived entry) or a Chinese reason why not;
``check`` looks each up and says which village, disclosure and version it belongs to, whether the
page online still matches, and every later correction. Nothing here ever calls a mismatch
"verified": a finding is ``ok`` only when every check passed.
"""

import json
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

MAX_INPUT = 20000
HASH_LENGTH = 64
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_HEX_RUN = re.compile(r"[0-9a-fA-F]{6,}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
VERIFY_PATH = "/siwu-data/hexiao/"


@dataclass
class Parsed:
    hashes: list = field(default_factory=list)  # 64-hex strings, lower case
    version: str = ""  # from a QR address: the version hash (v=)
    head: str = ""  # from a QR address: the chain head (h=)
    archived: list | None = None  # entries of a pasted chain-heads.json copy
    error: str = ""


def _clean(text):
    text = unicodedata.normalize("NFKC", text or "")
    return _INVISIBLE.sub("", text).strip()


def _hash_error(value, what="哈希"):
    """Why ``value`` is not a 64-character hex hash, or "" when it is one."""
    if not value:
        return f"没有找到{what}。"
    if not re.fullmatch(r"[0-9a-fA-F]+", value):
        bad = "".join(sorted({c for c in value if c not in "0123456789abcdefABCDEF"}))[:10]
        return f"{what}只能由 0–9 和 a–f 组成，这里含有其他字符（{bad}），可能抄错或多复制了字符。"
    if len(value) < HASH_LENGTH:
        return (
            f"{what}不完整：应为 {HASH_LENGTH} 位，这里只有 {len(value)} 位。"
            "请完整抄录张贴单上的哈希，不完整的哈希无法核验。"
        )
    if len(value) > HASH_LENGTH:
        extra = len(value) - HASH_LENGTH
        return f"{what}应为 {HASH_LENGTH} 位，这里有 {len(value)} 位（多了 {extra} 位）。"
    return ""


def _parse_address(text):
    parts = urlsplit(text)
    if parts.path.rstrip("/") + "/" != VERIFY_PATH:
        return Parsed(
            error="这不是本站的核验地址：张贴单二维码下的地址以 " + VERIFY_PATH + " 结尾。"
        )
    query = parse_qs(parts.query, keep_blank_values=True)
    unknown = sorted(set(query) - {"v", "h", "q", "village", "date"})
    if unknown or parts.fragment or any(len(values) > 1 for values in query.values()):
        return Parsed(error="核验地址中有多余的内容，可能被改动过，请对照张贴单重新输入。")
    if "q" in query and not ({"v", "h"} & set(query)):
        return parse(query["q"][0], nested=True)
    version, head = query.get("v", [""])[0], query.get("h", [""])[0]
    for value, what in ((version, "版本哈希"), (head, "链头")):
        if value and (error := _hash_error(value, what)):
            return Parsed(error=error)
    if not version and not head:
        return Parsed(error="核验地址中没有哈希。")
    return Parsed(version=version.lower(), head=head.lower())


def _parse_archive(text):
    try:
        data = json.loads(text)
    except ValueError:
        return Parsed(error="粘贴的内容不是完整的链头存档（JSON 格式有误）。")
    entries = data.get("entries") if isinstance(data, dict) and "entries" in data else data
    if isinstance(entries, dict):
        entries = [entries]
    if not isinstance(entries, list) or not entries:
        return Parsed(error="粘贴的内容不是链头存档：应为 chain-heads.json 的内容或其中一条。")
    if len(entries) > 500:
        return Parsed(error="一次最多核验 500 条存档链头，请分批粘贴。")
    return Parsed(archived=entries)


def parse(text, nested=False):
    """The hashes (or archived entries) in what someone pasted, or a Chinese reason why not."""
    text = _clean(text)
    if not text:
        return Parsed()
    if len(text) > MAX_INPUT:
        return Parsed(error=f"内容太长（超过 {MAX_INPUT} 个字符），请只粘贴哈希或存档中的几条。")
    if text[0] in "{[":
        return _parse_archive(text)
    if not nested and ("://" in text or text.startswith(("/", "?"))):
        return _parse_address(text)
    compact = re.sub(r"\s+", "", text)
    if re.fullmatch(r"[0-9a-zA-Z]+", compact):
        error = _hash_error(compact)
        return Parsed(error=error) if error else Parsed(hashes=[compact.lower()])
    runs = _HEX_RUN.findall(text)
    if not runs:
        return Parsed(
            error="没有找到哈希：请粘贴 64 位的链头或版本哈希（由 0–9 和 a–f 组成），"
            "或张贴单二维码下的网址。"
        )
    for run in runs:
        if error := _hash_error(run):
            return Parsed(error=error)
    if len(runs) > 2:
        return Parsed(error="一次最多核验两个哈希（一个链头和一个版本哈希）。")
    return Parsed(hashes=[run.lower() for run in dict.fromkeys(runs)])
