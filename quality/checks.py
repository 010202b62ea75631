"""The pre-publish quality gate on plain text: text in, findings out (no database, no Django).

- blocking (``BLOCK``): entries of the 严重表述错误 list (wrong form → right form), unmasked
  personal data (身份证号 with a valid check digit, 手机号, 银行卡号, found by
  ``personaldata.detect``), words of the prohibited list;
- warning (``WARN``): typos of the confusion list, half-width ``,;:?!`` between Chinese
  characters.

A finding's ``key`` names what was found (not where), so an override recorded for a page keeps
applying while the page is edited elsewhere. One compiled alternation per list keeps a
20,000-character page well under 100 ms.
"""

import functools
import re
from dataclasses import dataclass

from personaldata.detect import BANK, ID_NUMBER, MOBILE, find

BLOCK, WARN = "block", "warning"
SEVERITY_LABELS = {BLOCK: "必须修改", WARN: "提醒"}
BLOCKING_PERSONAL = (ID_NUMBER, MOBILE, BANK)
_HALF_WIDTH = re.compile(r"(?<=[\u4e00-\u9fff])([,;:?!])(?=[\u4e00-\u9fff])")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


@dataclass(frozen=True)
class Finding:
    severity: str
    kind: str
    key: str
    message: str
    start: int = 0
    end: int = 0

    @property
    def blocking(self):
        return self.severity == BLOCK


@dataclass(frozen=True)
class Lists:
    """What the gate looks for: ``corrections`` and ``confusions`` are (wrong, right) pairs,
    ``prohibited`` (word, advice) pairs."""

    corrections: tuple = ()
    prohibited: tuple = ()
    confusions: tuple = ()


@functools.lru_cache(maxsize=32)
def _pattern(words):
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


def _pairs(text, pairs):
    """(start, end, wrong, right) for each wrong form that is not part of its right form."""
    lookup = {}
    for wrong, right in pairs:
        lookup.setdefault(wrong, right)
    pattern = _pattern(tuple(lookup))
    if pattern is None:
        return
    for match in pattern.finditer(text):
        wrong = match.group(0)
        right = lookup[wrong]
        offset = right.find(wrong)
        if offset >= 0 and text.startswith(right, match.start() - offset):
            continue  # 检查院 inside a correct 检查院… is not a typo of itself
        yield match.start(), match.end(), wrong, right


def corrections(text, pairs):
    for start, end, wrong, right in _pairs(text, pairs):
        message = f"严重表述错误：“{wrong}”应为“{right}”"
        yield Finding(BLOCK, "严重表述错误", f"correction:{wrong}", message, start, end)


def prohibited(text, words):
    advice = dict(words)
    pattern = _pattern(tuple(advice))
    if pattern is None:
        return
    for match in pattern.finditer(text):
        word = match.group(0)
        note = f"（{advice[word]}）" if advice[word] else ""
        message = f"禁用词：“{word}”不得在公开内容中使用{note}"
        yield Finding(BLOCK, "禁用词", f"prohibited:{word}", message, match.start(), match.end())


def personal_data(text):
    for found in find(text):
        if found.kind not in BLOCKING_PERSONAL:
            continue
        shown = text[found.start : found.end]
        message = f"未遮盖的个人信息：{found.label}“{shown}”不得公开，请删除或遮盖"
        key = f"personal:{found.kind}:{found.value}"
        yield Finding(BLOCK, "个人信息", key, message, found.start, found.end)


def typos(text, pairs):
    for start, end, wrong, right in _pairs(text, pairs):
        message = f"疑似错别字：“{wrong}”是否应为“{right}”"
        yield Finding(WARN, "疑似错别字", f"typo:{wrong}", message, start, end)


def punctuation(text):
    for match in _HALF_WIDTH.finditer(text):
        mark = match.group(1)
        around = text[max(match.start() - 2, 0) : match.end() + 2]
        message = f"半角标点：“{around}”中的“{mark}”应为全角“{_FULL_WIDTH[mark]}”"
        yield Finding(WARN, "半角标点", f"punct:{mark}", message, match.start(), match.end())


def check(text, lists):
    """Every finding in ``text``, blocking ones first, each (key) reported once."""
    text = text or ""
    found = [
        *corrections(text, lists.corrections),
        *personal_data(text),
        *prohibited(text, lists.prohibited),
        *typos(text, lists.confusions),
        *punctuation(text),
    ]
    seen, unique = set(), []
    for finding in sorted(found, key=lambda f: (not f.blocking, f.start)):
        if finding.key not in seen:
            seen.add(finding.key)
            unique.append(finding)
    return unique
