"""Traditional-script rendering of finished HTML, leaving markup and URLs alone.

The text goes through ``readerprefs.conversion`` (OpenCC with the project's phrase rules) in the
reader's regional forms: ``tw`` (Taiwan, the default for 繁體) or ``hk`` (Hong Kong).

Only human-readable text changes: text between tags, a fixed list of text-bearing attributes
(alt, title, placeholder, aria-label, …, and <meta content> when it is not a URL) and the string
values of JSON-LD blocks. Tag names, URLs (href, src, action, srcset, value …), other scripts,
styles, comments and text explicitly marked ``lang="zh-Hans"`` (e.g. the “简体” switch label)
are kept byte for byte. ``<html lang="zh-Hans">`` becomes ``zh-Hant`` (``zh-Hant-HK``).
"""

import json
import logging
import re

from .conversion import converter

logger = logging.getLogger(__name__)

SENTINEL = "\ue000"  # private-use character: OpenCC leaves it alone and no phrase spans it

_TOKENS = re.compile(
    r"""
    (?P<comment><!--.*?-->)
  | (?P<ldjson><script\b[^>]*\btype=["']?application/ld\+json["']?[^>]*>)(?P<ldbody>.*?)
      (?P<ldend></script\s*>)
  | (?P<raw><(?P<rawtag>script|style|textarea)\b.*?</(?P=rawtag)\s*>)
  | (?P<keep><(?P<keeptag>[a-zA-Z][\w-]*)\b[^>]*\blang=["']?zh-Hans["']?[^>]*>[^<]*
      </(?P=keeptag)\s*>)
  | (?P<tag><[!/?]?[a-zA-Z][^>]*>)
    """,
    re.S | re.I | re.X,
)
_TEXT_ATTRS = re.compile(
    r"""(?P<lead>\s(?P<name>alt|title|placeholder|aria-label|aria-description|aria-roledescription
    |aria-valuetext|label|summary|content|data-label)\s*=\s*)(?P<q>["'])(?P<value>.*?)(?P=q)""",
    re.I | re.S | re.X,
)
_HTML_LANG = re.compile(r"""^(<html\b[^>]*\blang=["']?)zh-Hans""", re.I)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


LANGS = {"tw": "zh-Hant", "hk": "zh-Hant-HK"}


def to_traditional(text, variant="tw"):
    """Plain text in traditional characters."""
    return converter(variant).convert(text) if text and _CJK.search(text) else text


def _looks_like_url(value):
    value = value.strip()
    return value.startswith(("/", "#", "?")) or "://" in value or value.startswith("data:")


class _Batch:
    """Output parts: literal strings, or indexes of text converted together in one OpenCC call."""

    def __init__(self, variant="tw"):
        self.parts = []
        self.pieces = []
        self.variant = variant

    def keep(self, text):
        self.parts.append(text)

    def convert(self, text):
        if not _CJK.search(text) or SENTINEL in text:
            self.parts.append(text)
        else:
            self.parts.append(len(self.pieces))
            self.pieces.append(text)

    def result(self):
        converted, opencc = [], converter(self.variant)
        if self.pieces:
            converted = opencc.convert(SENTINEL.join(self.pieces)).split(SENTINEL)
            if len(converted) != len(self.pieces):  # never expected; then convert one by one
                converted = [opencc.convert(piece) for piece in self.pieces]
        return "".join(converted[p] if isinstance(p, int) else p for p in self.parts)


def _convert_json_strings(value, convert, lang="zh-Hant"):
    if isinstance(value, str):
        if value == "zh-Hans":
            return lang
        return value if _looks_like_url(value) else convert(value)
    if isinstance(value, list):
        return [_convert_json_strings(item, convert, lang) for item in value]
    if isinstance(value, dict):
        return {key: _convert_json_strings(item, convert, lang) for key, item in value.items()}
    return value


def _ld_json(body, variant):
    """A JSON-LD block with its strings converted, escaped like Django's json_script."""
    try:
        data = json.loads(body)
    except ValueError:
        return body
    converted = _convert_json_strings(
        data, lambda text: to_traditional(text, variant), LANGS[variant]
    )
    text = json.dumps(converted, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _tag(tag, batch):
    """A start tag with its text attributes queued for conversion."""
    tag = _HTML_LANG.sub(lambda m: m.group(1) + LANGS[batch.variant], tag)
    last = 0
    if _CJK.search(tag):
        for match in _TEXT_ATTRS.finditer(tag):
            value = match.group("value")
            if match.group("name").lower() == "content" and _looks_like_url(value):
                continue
            batch.keep(tag[last : match.start("value")])
            batch.convert(value)
            last = match.end("value")
    batch.keep(tag[last:])


def html_to_traditional(html, variant="tw"):
    """The same HTML document with its readable text in traditional characters."""
    batch, last = _Batch(variant), 0
    for match in _TOKENS.finditer(html):
        if match.start() > last:
            batch.convert(html[last : match.start()])
        if match.group("ldjson"):
            body = _ld_json(match.group("ldbody"), variant)
            batch.keep(match.group("ldjson") + body + match.group("ldend"))
        elif match.group("tag"):
            _tag(match.group("tag"), batch)
        else:
            batch.keep(match.group(0))
        last = match.end()
    if last < len(html):
        batch.convert(html[last:])
    return batch.result()
