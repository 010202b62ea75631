"""Question and function words (什么, 怎么, 如何, 吗…) kept as data in search/vocabulary/."""

from functools import lru_cache
from pathlib import Path

from .normalize import fold

STOPWORDS_FILE = Path(__file__).resolve().parent.parent / "vocabulary" / "stopwords.txt"
DOCTYPES_FILE = STOPWORDS_FILE.with_name("doctypes.txt")


def read_stopwords(path=STOPWORDS_FILE):
    words = set()
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        word = fold(raw.split("#", 1)[0].strip())
        if word:
            words.add(word)
    return frozenset(words)


@lru_cache(maxsize=1)
def stopwords():
    """The stop words, read once per process."""
    return read_stopwords()


@lru_cache(maxsize=1)
def doc_type_words():
    """Words naming a kind of document (条例, 办法, 意见…), read once per process."""
    return read_stopwords(DOCTYPES_FILE)
