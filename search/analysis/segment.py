"""Word segmentation with rjieba, loaded with the domain dictionary."""

import threading
from functools import lru_cache

import rjieba

from .dictionary import domain_dictionary

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _segmenter():
    with _lock:
        jieba = rjieba.Jieba()
        words, _compounds = domain_dictionary()
        for word, freq in words:
            jieba.add_word(word, freq, None)
        return jieba


def cut(text):
    """Whole words in reading order (precise mode)."""
    return _segmenter().cut(text)


def cut_for_search(text):
    """Search mode: whole words plus their dictionary sub-words."""
    return _segmenter().cut_for_search(text)
