"""A plain BM25 reference over rjieba tokens (no domain dictionary, no synonyms, no stop words).

Used by evaluate.py as the bar the site's search must clear on every kind of query.
"""

import math
import re
from collections import Counter

import rjieba

from search.analysis import fold

_WORD = re.compile(r"[^\W_]+")
K1, B = 1.2, 0.75


def tokens(text):
    return [t for w in rjieba.cut(fold(text)) for t in _WORD.findall(w)]


class BM25:
    def __init__(self, docs):
        """docs: {doc_id: text}."""
        self.tf = {doc_id: Counter(tokens(text)) for doc_id, text in docs.items()}
        self.length = {doc_id: sum(tf.values()) for doc_id, tf in self.tf.items()}
        self.avg = sum(self.length.values()) / max(1, len(self.length))
        df = Counter(t for tf in self.tf.values() for t in tf)
        n = len(self.tf)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def search(self, query, k=10):
        terms = set(tokens(query))
        scores = {}
        for doc_id, tf in self.tf.items():
            norm = K1 * (1 - B + B * self.length[doc_id] / self.avg)
            score = sum(self.idf[t] * tf[t] * (K1 + 1) / (tf[t] + norm) for t in terms if t in tf)
            if score > 0:
                scores[doc_id] = score
        return sorted(scores, key=lambda d: -scores[d])[:k]
