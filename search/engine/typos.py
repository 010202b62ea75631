"""Typo tolerance for queries that find little.

One wrong, missing or extra character breaks the word the segmenter sees but leaves most of the
query's character bigrams intact: ``bigram_query`` turns the query into exact two-character
phrases for the ranked retrieval, and ``did_you_mean`` proposes the query with a misspelt run of
characters replaced by the nearest word found in titles or the domain dictionary.
"""

import re
from collections import Counter

from ..analysis.analyzer import _dictionary_set
from ..analysis.normalize import fold, is_han

# Fewer results than this and the bigram fallback joins in.
MIN_RESULTS = 3
# Share of the query's bigrams a fallback hit must hold, and at least two of them: a wrong
# character costs two bigrams, so a six-character query keeps three of five.
MIN_BIGRAM_SHARE = 0.5
MIN_BIGRAMS = 2
MAX_BIGRAMS = 20
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")


def han_runs(plan):
    """Runs of two or more Han characters of the folded query, question words taken out."""
    text = plan.text
    for word in sorted(plan.dropped, key=len, reverse=True):
        text = text.replace(word, " ")
    return _HAN_RUN.findall(text)


def bigram_query(plan):
    """The query as exact two-character phrases ("最底" "底生" …), or "" when it has none."""
    grams = []
    for run in han_runs(plan):
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    grams = list(dict.fromkeys(grams))[:MAX_BIGRAMS]
    return " ".join(f'"{g}"' for g in grams)


def within_one_edit(a, b):
    """True when b differs from a by exactly one substituted, missing or extra character."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _windows(text, sizes):
    for size in sizes:
        for i in range(len(text) - size + 1):
            piece = text[i : i + size]
            if all(is_han(ch) for ch in piece):
                yield piece


def nearest_word(run, titles):
    """The word within one edit of run that titles use most (dictionary words count extra)."""
    sizes = [s for s in (len(run), len(run) + 1, len(run) - 1) if s >= 2]
    counts = Counter()
    for title in titles:
        counts.update({w for w in _windows(title, sizes) if within_one_edit(run, w)})
    dictionary, _longest = _dictionary_set()
    for word in dictionary:
        if len(word) in sizes and within_one_edit(run, word):
            counts[word] += 2
    # A two-character run shares a character with too many words: ask for two witnesses.
    floor = 2 if len(run) == 2 else 1
    ranked = [(n, len(w) == len(run), w) for w, n in counts.items() if n >= floor and w not in run]
    return max(ranked)[2] if ranked else ""


def did_you_mean(plan, titles, runs, limit=3):
    """Corrected queries: each misspelt run replaced by its nearest word (folded text).

    ``titles`` are folded titles of the nearest documents; ``runs`` the query's runs of Han
    characters that the index does not hold as written.
    """
    out = []
    for run in runs:
        word = nearest_word(run, titles)
        if word:
            corrected = plan.text.replace(run, word, 1)
            if corrected != plan.text and corrected not in out:
                out.append(corrected)
    return out[:limit]


def found_suggestions(plan, recs, runs, count):
    """The "您是不是要找" queries that find something, with their counts: the corrections built
    from the titles of the nearest records, each counted by the engine's ``count(query)``."""
    titles = [fold(rec["title"]) for rec in recs[:30]]
    out = []
    for query in did_you_mean(plan, titles, runs):
        found = count(query)
        if found:
            out.append({"query": query, "count": found})
    return out
