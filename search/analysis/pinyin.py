"""Pinyin typed where characters were meant: dibao, di bao shen qing, 低bao, shjz.

A phone without a Chinese input method, or one left in Latin mode, sends pinyin. ``convert``
turns each run of Latin letters that reads as pinyin into the words it most likely spells:
whole syllables with or without spaces (``yi bao`` and ``yibao``), a run continuing the Han
characters before it (``低bao`` → 低保), and the first letters of a term (``shjz`` → 社会救助).

The words come from data, in order of preference: the search vocabulary (everyday words,
situations, dialect, short names, the domain dictionary), then the common words of the policy
corpus (``search/vocabulary/pinyin_words.txt``, most frequent first). The result is a guess:
callers show it as "您是不是要找".
"""

import re
from functools import lru_cache
from pathlib import Path

from .dictionary import domain_dictionary
from .normalize import fold, is_han

VOCABULARY = Path(__file__).resolve().parent.parent / "vocabulary"
WORD_LIST = VOCABULARY / "pinyin_words.txt"
TABLES = ("everyday.tsv", "situations.tsv", "spoken.tsv", "shortnames.tsv")
# A Latin run: letters, optionally separated by spaces or apostrophes (xi'an).
_RUN = re.compile(r"[a-z]+(?:[\s']+[a-z]+)*")
_WORD_CHARS = re.compile(r"^[\u4e00-\u9fff]{1,8}$")
_VOWELS = set("aeiouv")
LONGEST_KEY = 30
# Initials are read only for runs this long (db, ok and the like are too ambiguous).
MIN_INITIALS = 3


def _table_words(path):
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        columns = raw.split("\t")
        yield columns[0]
        if len(columns) > 1:
            yield from columns[1].split("、")


def _listed_words():
    """(word, pinyin, initials) rows of pinyin_words.txt (pinyin computed when it was built)."""
    for line in WORD_LIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, *spelled = line.strip().split("\t")
            yield word, *(spelled + ["", ""])[:2]


def _preferred_words():
    """(word, pinyin, initials) for every candidate word once, most preferred first; pinyin
    is computed here for the vocabulary (editable, a few hundred words) and read for the list."""
    from pypinyin import Style, lazy_pinyin  # a few seconds' import, paid at the first pinyin

    seen = set()
    sources = [_table_words(VOCABULARY / name) for name in TABLES]
    sources.append(w for w, _freq in domain_dictionary()[0])
    for source in sources:
        for word in source:
            word = fold(word.strip())
            if _WORD_CHARS.match(word) and len(word) > 1 and word not in seen:
                seen.add(word)
                letters = "".join(lazy_pinyin(word, style=Style.FIRST_LETTER))
                yield word, "".join(lazy_pinyin(word)), letters
    for word, spelled, letters in _listed_words():
        if word not in seen and spelled:
            seen.add(word)
            yield word, spelled, letters


@lru_cache(maxsize=1)
def lexicon():
    """({pinyin without tones or spaces: (rank, word)}, {initials: (rank, word)})."""
    full, initials = {}, {}
    for rank, (word, spelled, letters) in enumerate(_preferred_words()):
        full.setdefault(spelled, (rank, word))
        if len(word) >= MIN_INITIALS:
            initials.setdefault(letters, (rank, word))
    return full, initials


def spell(letters):
    """The words a run of pinyin letters (no spaces) spells, or "" when it does not parse.

    Fewest words first, then the most preferred words (dynamic programming over the string).
    """
    full, _ = lexicon()
    size = len(letters)
    best = [None] * (size + 1)
    best[0] = (0, 0, ())
    for start in range(size):
        if best[start] is None:
            continue
        count, ranks, words = best[start]
        for end in range(start + 1, min(size, start + LONGEST_KEY) + 1):
            found = full.get(letters[start:end])
            if found:
                candidate = (count + 1, ranks + found[0], (*words, found[1]))
                if best[end] is None or candidate[:2] < best[end][:2]:
                    best[end] = candidate
    return "".join(best[size][2]) if best[size] else ""


def _after_han(text, start, letters):
    """``低bao`` → 低保: a word starting with the Han characters just before the run."""
    from pypinyin import lazy_pinyin

    full, _ = lexicon()
    for back in (2, 1):
        head = text[max(0, start - back) : start]
        if len(head) == back and all(is_han(ch) for ch in head):
            found = full.get("".join(lazy_pinyin(head)) + letters)
            if found and found[1].startswith(head):
                return back, found[1][back:]
    return 0, ""


def convert(query):
    """(text with pinyin runs written in characters, [(pinyin, characters)]); the text is the
    query unchanged when nothing reads as pinyin."""
    text = fold(query)
    pieces, changes, position = [], [], 0
    for match in _RUN.finditer(text):
        letters = re.sub(r"[\s']+", "", match.group(0))
        _back, tail = _after_han(text, match.start(), letters)
        words = tail or spell(letters)
        if not words and len(letters) >= MIN_INITIALS and not (_VOWELS & set(letters)):
            found = lexicon()[1].get(letters)
            words = found[1] if found else ""
        if words:
            pieces.append(text[position : match.start()])
            pieces.append(words if tail else f" {words} ")
            changes.append((match.group(0), words))
            position = match.end()
    if not changes:
        return query, []
    pieces.append(text[position:])
    return re.sub(r"\s+", " ", "".join(pieces)).strip(), changes
