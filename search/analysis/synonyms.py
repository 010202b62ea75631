"""Synonym and abbreviation groups (社治委 ↔ 城乡社区发展治理委员会), expanded at query time."""

from .normalize import fold


class Synonyms:
    """Equivalence groups of terms, folded to simplified script.

    Accepts groups (iterables of terms) or a mapping term → iterable of terms; lookups are in
    both directions.
    """

    def __init__(self, source=None):
        self._map = {}
        if not source:
            return
        groups = (
            [[key, *values] for key, values in source.items()]
            if isinstance(source, dict)
            else source
        )
        for group in groups:
            self.add_group(group)

    def add_group(self, terms):
        folded = {fold(t).strip() for t in terms if t and fold(t).strip()}
        if len(folded) < 2:
            return
        for term in list(folded):
            folded |= self._map.get(term, set())
        for term in folded:
            self._map[term] = folded

    def get(self, term):
        """Other terms equivalent to term (empty tuple if none)."""
        key = fold(term).strip()
        return tuple(sorted(t for t in self._map.get(key, ()) if t != key))

    def __len__(self):
        return len({frozenset(v) for v in self._map.values()})

    def __bool__(self):
        return bool(self._map)
