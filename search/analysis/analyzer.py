"""The analyzer shared by indexing and querying, so both sides fold and segment the same way.

Index side: ``index_tokens(text)`` returns the whole words in reading order (so phrase queries can
use positions) followed by extra tokens: search-mode sub-words, single Han characters, compound
terms (1+3+N → ``1加3加n``), number+unit (``15分钟``) and document numbers.

Query side: ``parse_query(q)`` returns a ``QueryPlan``: an AND of groups, each group an OR of
alternatives, each alternative an AND (or an exact phrase) of tokens. Backends render it.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from . import docnumbers
from .dictionary import domain_dictionary
from .normalize import fold, is_han
from .segment import cut, cut_for_search
from .stopwords import stopwords
from .synonyms import Synonyms

MAX_QUERY_CHARS = 100
MAX_GROUPS = 24
# Chinese quotation marks are punctuation inside a term (“四务”公开), not phrase markers.
_QUOTE_MARKS = re.compile("[“”‘’「」『』〝〞]")
_COMPOUND_RE = re.compile(r"[0-9a-z]+(?:\s*\+\s*[0-9a-z]+)+")
_PHRASE_RE = re.compile(r'"([^"]*)"')
_NUMBER_RE = re.compile(r"^\d+$")
_HAN_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


# A group held only through a loose alternative (the parts of a word, anywhere in the
# document) counts this much towards a document's coverage of the query.
LOOSE_CREDIT = 0.5


@dataclass(frozen=True)
class Alternative:
    tokens: tuple
    phrase: bool = False
    # The parts of a longer word, each anywhere in the document: a recall aid, weaker evidence.
    loose: bool = False


@dataclass(frozen=True)
class Group:
    alternatives: tuple

    def tight(self):
        """The alternatives that hold the word itself (or a synonym), without loose parts."""
        return Group(tuple(a for a in self.alternatives if not a.loose))

    def loose(self):
        return Group(tuple(a for a in self.alternatives if a.loose))


@dataclass
class QueryPlan:
    text: str = ""
    groups: list = field(default_factory=list)
    terms: list = field(default_factory=list)
    doc_numbers: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    truncated: bool = False
    # Question and function words left out of the groups (什么, 怎么, 吗…).
    dropped: list = field(default_factory=list)
    # (surface term, other terms it was expanded to) for every synonym that applied.
    expansions: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not self.groups

    @property
    def only_doc_number(self):
        """The canonical number when the whole query is one document number."""
        if len(self.doc_numbers) == 1 and len(self.groups) == 1 and not self.phrases:
            return self.doc_numbers[0]
        return None

    def highlight_terms(self):
        """Surface terms and word tokens worth marking in a snippet (folded, longest first)."""
        terms = set(self.terms)
        for group in self.groups:
            for alt in group.alternatives:
                if not alt.phrase:
                    terms.update(t for t in alt.tokens if len(t) > 1)
        terms = {t for t in terms if t.strip() and not (len(t) == 1 and t.isascii())}
        return sorted(terms, key=lambda t: (-len(t), t))

    def matches(self, tokens):
        """Reference evaluation: does a document with these index tokens hold every group?"""
        return not self.is_empty and self.coverage(tokens) == len(self.groups)

    def coverage(self, tokens):
        """How many groups of the plan a document with these index tokens holds."""
        present = set(tokens)
        return sum(
            any(_alternative_matches(alt, tokens, present) for alt in group.alternatives)
            for group in self.groups
        )

    def credit(self, tokens, weights=None):
        """Like coverage, but a group held only through loose parts counts LOOSE_CREDIT, and
        each group counts its weight (default 1)."""
        present = set(tokens)
        total = 0.0
        for index, group in enumerate(self.groups):
            weight = weights[index] if weights else 1.0
            found = [a for a in group.alternatives if _alternative_matches(a, tokens, present)]
            if any(not a.loose for a in found):
                total += weight
            elif found:
                total += LOOSE_CREDIT * weight
        return total

    def also_searched(self):
        """Other terms the query was expanded to, for "也搜索了：…" (folded, in order)."""
        return list(dict.fromkeys(t for _surface, others in self.expansions for t in others))

    def all_tokens(self):
        return sorted({t for g in self.groups for a in g.alternatives for t in a.tokens})


def _alternative_matches(alt, tokens, present):
    if not alt.phrase:
        return all(t in present for t in alt.tokens)
    size = len(alt.tokens)
    first = alt.tokens[0]
    return any(
        tuple(tokens[i : i + size]) == alt.tokens for i, t in enumerate(tokens) if t == first
    )


def compound_token(term):
    """1+3+N → 1加3加n: one token that every engine keeps whole."""
    return clean_tokens(term.replace("+", "加"))[0] if clean_tokens(term.replace("+", "加")) else ""


_TOKEN_RE = re.compile(r"[^\W_]+")


def clean_tokens(word):
    """Split a segmenter word into runs of letters/digits (what FTS tokenizers keep)."""
    return _TOKEN_RE.findall(word.lower())


def unigrams(tokens):
    """Han tokens split into characters, other tokens kept, in order."""
    out = []
    for token in tokens:
        if token.isascii():
            out.append(token)
        else:
            out.extend(token)
    return out


def _subwords(search_words, words):
    """Search-mode output minus the whole words (it lists each word's parts, then the word)."""
    extras, position, total = [], 0, len(words)
    for word in search_words:
        if position < total and word == words[position]:
            position += 1
        else:
            extras.append(word)
    return extras


@lru_cache(maxsize=1)
def _dictionary_set():
    words, _ = domain_dictionary()
    entries = {w for w, _freq in words}
    return frozenset(entries), max((len(w) for w in entries), default=2)


def _words(text):
    return [t for w in cut(text) for t in clean_tokens(w)]


def _prepare(text):
    return _QUOTE_MARKS.sub("", fold(text))


class Analyzer:
    """Chinese analyzer; ``synonyms`` is a Synonyms, a mapping or groups of equivalent terms."""

    def __init__(self, synonyms=None):
        self.synonyms = synonyms if isinstance(synonyms, Synonyms) else Synonyms(synonyms)

    # -- index side --------------------------------------------------------------------------
    def index_tokens(self, text):
        text = _prepare(text)
        if not text.strip():
            return []
        words = cut(text)
        primary = clean_tokens(" ".join(words))
        extras = []
        extras.extend(clean_tokens(" ".join(_subwords(cut_for_search(text), words))))
        extras.extend(self._inner_dictionary_words(primary))
        extras.extend(self._number_units(primary))
        for match in _COMPOUND_RE.finditer(text):
            extras.append(compound_token(match.group(0)))
        _, compounds = domain_dictionary()
        for term in compounds:
            if term in text and not _COMPOUND_RE.fullmatch(term) and clean_tokens(term) != [term]:
                extras.extend([compound_token(term)] * text.count(term))
        if "号" in text:
            for number in docnumbers.find_all(text):
                extras.extend(docnumbers.doc_tokens_for_index(number))
        # Last, the text again one Han character at a time: single characters are searchable and
        # an exact phrase is a run of adjacent positions in this section.
        extras.extend(unigrams(primary))
        return primary + [t for t in extras if t]

    def index_text(self, text):
        """Space-separated tokens, stored in the full-text column."""
        return " ".join(self.index_tokens(text))

    @staticmethod
    def _inner_dictionary_words(tokens):
        """Dictionary words inside longer words (社区发展治理 inside 城乡社区发展治理)."""
        words, longest = _dictionary_set()
        for token in tokens:
            size = len(token)
            if size > 3:
                for i in range(size - 1):
                    for j in range(i + 2, min(size, i + longest) + 1):
                        if j - i < size and token[i:j] in words:
                            yield token[i:j]

    @staticmethod
    def _number_units(tokens):
        for current, following in zip(tokens, tokens[1:], strict=False):
            if current.isdigit() and not following.isascii() and is_han(following[0]):
                yield current + following

    # -- query side --------------------------------------------------------------------------
    def phrase_tokens(self, text):
        """Whole words of text in order, after folding (used for autocomplete)."""
        return _words(_prepare(unicodedata.normalize("NFKC", str(text or ""))[:MAX_QUERY_CHARS]))

    def parse_query(self, query):
        raw = unicodedata.normalize("NFKC", str(query or ""))
        plan = QueryPlan(truncated=len(raw) > MAX_QUERY_CHARS)
        raw = raw[:MAX_QUERY_CHARS]
        plan.text = fold(raw).strip()
        rest = raw
        for phrase_text in _PHRASE_RE.findall(raw):
            tokens = tuple(unigrams(_words(_prepare(phrase_text))))
            if tokens:
                surface = _HAN_SPACE.sub("", _prepare(phrase_text).strip())
                plan.phrases.append(surface)
                plan.terms.append(surface)
                plan.groups.append(Group((Alternative(tokens, phrase=len(tokens) > 1),)))
        rest = _PHRASE_RE.sub(" ", rest).replace('"', " ")
        rest = _prepare(rest)
        rest = self._take_doc_numbers(rest, plan)
        rest = self._take_compounds(rest, plan)
        self._word_groups(rest, plan)
        del plan.groups[MAX_GROUPS:]
        plan.terms = list(dict.fromkeys(t for t in plan.terms if t))
        return plan

    def _take_doc_numbers(self, text, plan):
        text = docnumbers.written_variants(text)
        for start, end, number in reversed(docnumbers.spans(text)):
            plan.doc_numbers.insert(0, number)
            plan.terms.append(text[start:end])
            plan.groups.append(Group((Alternative((docnumbers.doc_token(number),)),)))
            text = text[:start] + " " + text[end:]
        return text

    def _take_compounds(self, text, plan):
        for match in reversed(list(_COMPOUND_RE.finditer(text))):
            token = compound_token(match.group(0))
            plan.terms.append(match.group(0))
            plan.groups.append(Group((Alternative((token,)),)))
            text = text[: match.start()] + " " + text[match.end() :]
        return text

    def _word_groups(self, text, plan):
        words = self._without_stopwords([t for w in cut(text) for t in clean_tokens(w)], plan)
        i = 0
        while i < len(words):
            span = self._synonym_span(words, i)
            if span:
                surface = "".join(words[i : i + span])
                alts = [
                    Alternative(tuple(_words(surface)) if span == 1 else tuple(words[i : i + span]))
                ]
                others = []
                for other in self.synonyms.get(surface):
                    tokens = tuple(_words(other))
                    if tokens:
                        alts.append(Alternative(tokens))
                        plan.terms.append(other)
                        others.append(other)
                if others:
                    plan.expansions.append((surface, others))
                plan.terms.append(surface)
                plan.groups.append(Group(tuple(dict.fromkeys(alts))))
                i += span
                continue
            word = words[i]
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if _NUMBER_RE.match(word) and nxt and is_han(nxt[0]):
                alts = (Alternative((word + nxt,)), Alternative((word, nxt)))
                plan.terms.append(word + nxt)
                plan.groups.append(Group(alts))
                i += 2
                continue
            plan.groups.append(Group(self._word_alternatives(word)))
            plan.terms.append(word)
            i += 1

    def _without_stopwords(self, words, plan):
        """Words without the question and filler words, except inside a vocabulary entry
        (请人照顾, 瘫痪在床 keep their 请 and 在). All kept when nothing else is left."""
        stop = stopwords()
        kept, dropped, i = [], [], 0
        while i < len(words):
            span = self._synonym_span(words, i)
            if span > 1 and any(w in stop for w in words[i : i + span]):
                kept.append("".join(words[i : i + span]))
                i += span
                continue
            (dropped if words[i] in stop else kept).append(words[i])
            i += 1
        if not kept:
            return words
        plan.dropped.extend(dict.fromkeys(dropped))
        return kept

    def _synonym_span(self, words, start):
        """Length of the longest run of words starting at start that is a synonym entry."""
        for size in range(min(6, len(words) - start), 0, -1):
            if self.synonyms.get("".join(words[start : start + size])):
                return size
        return 0

    @staticmethod
    def _word_alternatives(word):
        alts = [Alternative((word,))]
        if len(word) > 2 and all(is_han(ch) for ch in word):
            parts = [p for p in cut_for_search(word) if p != word]
            if parts:
                alts.append(Alternative(tuple(dict.fromkeys(parts)), loose=True))
        return tuple(alts)
