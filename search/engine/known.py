"""Known items by name: 《民法典》, 村委会组织法, 《国务院工作规则》 find the document itself.

A document's names are derived from its title: the title itself, without the
"中华人民共和国" prefix and a trailing （试行）/（暂行）, and a document name quoted in it
(国务院关于印发《国务院工作规则》的通知 → 国务院工作规则). Colloquial short names that cannot be
derived (信息公开条例, 个税法) come from the shipped short-name table through the synonyms
(search/vocabulary/shortnames.tsv, editable in the admin).
"""

import re
from functools import lru_cache

import opencc
from django.db.models import Q

from ..analysis.normalize import fold
from ..analysis.stopwords import doc_type_words

COUNTRY = "中华人民共和国"
_TRAILERS = ("（试行）", "(试行)", "（暂行）", "(暂行)")
_QUOTED = re.compile(r"《([^《》]{2,60})》")
_SPACES = re.compile(r"\s+")
MIN_NAME = 3
MAX_NAME = 60
MAX_PART = 8


@lru_cache(maxsize=2)
def _converter(config):
    return opencc.OpenCC(config)


# Names end with a kind of document; these endings are not in doctypes.txt on their own.
_NAME_ENDINGS = ("典", "规则", "守则", "公约", "条例", "法")


def query_name(query):
    """The folded name a query asks for (《》 and spaces removed), or "" when the query does not
    look like a document's name (it must end with a kind of document: 法, 条例, 办法…)."""
    text = _SPACES.sub("", fold(query or ""))
    text = text.strip("《》〈〉<>\"'“”")
    if not (MIN_NAME <= len(text) <= MAX_NAME) or "《" in text or "》" in text:
        return ""
    endings = (*_NAME_ENDINGS, *doc_type_words())
    return text if text.endswith(endings) else ""


def title_names(title):
    """Every name a title gives its document (folded)."""
    folded = _SPACES.sub("", fold(title or ""))
    names = {folded}
    for trailer in _TRAILERS:
        if folded.endswith(fold(trailer)):
            names.add(folded[: -len(fold(trailer))])
    names |= {n.removeprefix(COUNTRY) for n in list(names) if n.startswith(COUNTRY)}
    names |= {fold(m) for m in _QUOTED.findall(folded)}
    names |= {n.removeprefix(COUNTRY) for n in list(names) if n.startswith(COUNTRY)}
    return {n for n in names if n}


def wanted_names(name, synonyms):
    """The name and the full names its short forms stand for (from the synonyms)."""
    names = {name}
    for other in synonyms.get(name):
        names.add(fold(other))
    # Abbreviations inside the name: 村委会组织法 → 村民委员会组织法.
    for size in range(min(len(name) - 1, MAX_PART), 1, -1):
        for start in range(0, len(name) - size + 1):
            part = name[start : start + size]
            for other in synonyms.get(part):
                names.add(name[:start] + fold(other) + name[start + size :])
    return {n for n in names if n}


def _spellings(names):
    out = set()
    for name in names:
        for written in (name, COUNTRY + name):
            out.add(written)
            out.add(_converter("s2t").convert(written))
            out.add(_converter("s2tw").convert(written))
    return out


def find_by_name(pages, query, synonyms):
    """The one page of ``pages`` whose title names the document the query asks for, or None."""
    name = query_name(query)
    if not name:
        return None
    names = wanted_names(name, synonyms)
    spellings = _spellings(names)
    condition = Q(title__in=spellings)
    for written in spellings:
        condition |= Q(title__contains=f"《{written}》")
    found = [page for page in pages.filter(condition)[:20] if title_names(page.title) & names]
    exact = [page for page in found if fold(page.title) in names]
    chosen = exact or found
    return chosen[0] if len(chosen) == 1 else None
