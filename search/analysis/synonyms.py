"""Synonym and abbreviation groups (社治委 ↔ 城乡社区发展治理委员会), expanded at query time."""

from .normalize import fold


class Synonyms:
    """Equivalence groups of terms, folded to simplified script.

    Accepts groups (iterables of terms) or a mapping term → iterable of terms; lookups are in
    both directions.
    """

    def __init__(self, source=None):
        self._map = {}
        self._one_way = {}
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

    def add_mapping(self, term, others):
        """One way: ``term`` (an everyday word) is expanded to ``others`` (official words), not
        the reverse, and never merged with other groups."""
        key = fold(term).strip()
        targets = {fold(t).strip() for t in others if t and fold(t).strip()} - {key}
        if key and targets:
            self._one_way.setdefault(key, set()).update(targets)

    def get(self, term):
        """Other terms that term also searches for (empty tuple if none)."""
        key = fold(term).strip()
        found = set(self._map.get(key, ())) | self._one_way.get(key, set())
        return tuple(sorted(t for t in found if t != key))

    def __len__(self):
        return len({frozenset(v) for v in self._map.values()}) + len(self._one_way)

    def __bool__(self):
        return bool(self._map or self._one_way)
