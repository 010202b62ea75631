"""Conditions written into the query in words: a year or period, validity, an issuing body.

"2019年国务院办公厅发的关于医院的文件", "现行有效的社会救助规定", "2005年以前的粮食文件":
``parse`` takes the conditions out of the text (so 2019年 and 现行有效 are not searched for as
words) and says what was understood, for the reader ("已按：2019年 · 现行有效"). Issuing
bodies are recognised against the names the engine knows (``authorities``), through their
short names too (国办 → 国务院办公厅), and stay in the searched text: titles name them.
Engines use the conditions to put the documents that meet them first (a boost, not a filter:
a document without a date is not hidden).
"""

import datetime
import re
from dataclasses import dataclass, field

from .normalize import fold

_YEAR = r"((?:19|20)\d\d)\s*年?"
_AFTER = re.compile(_YEAR + r"\s*(?:以后|之后|以来|后|起)")
_BEFORE = re.compile(_YEAR + r"\s*(?:以前|之前|前)")
_RANGE = re.compile(_YEAR + r"\s*(?:至|到|-|—|~)\s*" + _YEAR)
_EXACT = re.compile(
    r"((?:19|20)\d\d)\s*年(?![〕\]\)）】]|\s*第?\d+号)(?:度)?(?:的|发的|发布的|印发的|出台的)?"
)
_RELATIVE = {"今年": 0, "去年": 1, "前年": 2}
_RECENT = re.compile(r"(?:最近|近)(?:几|两|三|五)年(?:来)?|近年来")
_VALID = re.compile(r"现行有效|现行|仍然有效|还有效|目前有效|有效的")
_REPEALED = re.compile(r"已废止|废止的|已经废止|失效的|已失效|作废的")
# 发的、印发的 after a body or a year are words of the condition, not of the subject.
_LINKS = re.compile(r"^(?:发的|发布的|印发的|出台的|制定的|的)")
RECENT_YEARS = 3


@dataclass
class Constraints:
    text: str = ""
    year_from: int | None = None
    year_to: int | None = None
    validity: str = ""
    authorities: list = field(default_factory=list)
    labels: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.year_from or self.year_to or self.validity or self.authorities)

    def met(self, year, validity, authorities):
        """How many of the conditions a document with these values meets."""
        score = 0
        if (self.year_from or self.year_to) and year:
            low, high = self.year_from or 0, self.year_to or 9999
            score += low <= year <= high
        if self.validity and validity == self.validity:
            score += 1
        if self.authorities and set(self.authorities) & set(authorities or ()):
            score += 1
        return score


def _cut(text, match):
    rest = _LINKS.sub("", text[match.end() :])
    return (text[: match.start()] + " " + rest).strip()


def _years(text, found, today):
    for pattern, kind in ((_RANGE, "range"), (_AFTER, "after"), (_BEFORE, "before")):
        match = pattern.search(text)
        if match:
            year = int(match.group(1))
            if kind == "range":
                found.year_from, found.year_to = year, int(match.group(2))
                found.labels.append(f"{year}—{found.year_to}年")
            elif kind == "after":
                found.year_from = year
                found.labels.append(f"{year}年以后")
            else:
                found.year_to = year
                found.labels.append(f"{year}年以前")
            return _cut(text, match)
    for word, back in _RELATIVE.items():
        if word in text:
            found.year_from = found.year_to = today.year - back
            found.labels.append(f"{today.year - back}年")
            return text.replace(word, " ", 1)
    match = _RECENT.search(text)
    if match:
        found.year_from = today.year - RECENT_YEARS
        found.labels.append(f"{found.year_from}年以后")
        return _cut(text, match)
    match = _EXACT.search(text)
    if match:
        found.year_from = found.year_to = int(match.group(1))
        found.labels.append(f"{found.year_from}年")
        return _cut(text, match)
    return text


def _validity(text, found):
    for pattern, value, label in ((_REPEALED, "已废止", "已废止"), (_VALID, "有效", "现行有效")):
        match = pattern.search(text)
        if match:
            found.validity = value
            found.labels.append(label)
            return _cut(text, match)
    return text


def _authorities(text, found, authorities, short_names):
    """Issuing bodies named in the text, longest name first (国务院办公厅 before 国务院)."""
    names = {fold(a): a for a in authorities}
    spoken = dict(short_names)
    spoken.update({folded: folded for folded in names})
    for word in sorted(spoken, key=len, reverse=True):
        full = spoken[word]
        if full in names and word in text:
            found.authorities.append(names[full])
            found.labels.append(names[full])
            text = text.replace(word, " " * len(word), 1)
    return text


def parse(query, authorities=(), short_names=None, today=None):
    """Constraints of query; ``text`` is the query without the year and validity words."""
    today = today or datetime.date.today()
    found = Constraints(text=query)
    text = _years(fold(query), found, today)
    text = _validity(text, found)
    _authorities(text, found, authorities, short_names or {})
    if found.year_from or found.year_to or found.validity:
        found.text = re.sub(r"\s+", " ", text).strip() or query
    return found
