"""The domain dictionary kept as data in search/dictionary/*.txt."""

from functools import lru_cache
from pathlib import Path

from .normalize import fold, is_han

DICTIONARY_DIR = Path(__file__).resolve().parent.parent / "dictionary"


def read_dictionary(directory=DICTIONARY_DIR):
    """Return (han_words, compound_terms) from every *.txt file, folded to simplified script.

    han_words are (word, freq-or-None) for the segmenter; compound_terms are entries with Latin
    letters, digits or symbols such as "1+6+N" that are indexed as one token.
    """
    words, compounds = [], []
    for path in sorted(Path(directory).glob("*.txt")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            word = fold(parts[0])
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            if all(is_han(ch) for ch in word):
                words.append((word, freq))
            else:
                compounds.append(word)
    return words, compounds


@lru_cache(maxsize=1)
def domain_dictionary():
    """Cached dictionary contents (read once per process)."""
    words, compounds = read_dictionary()
    return tuple(words), tuple(sorted(set(compounds), key=len, reverse=True))
