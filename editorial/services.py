"""Service entries (办事与互动入口): the public forms and standalone pages a citizen looks for.

An app offers entries with the Wagtail hook ``register_service_entries``: a function taking no
argument and returning ``ServiceEntry`` objects. The hub page, the home page, the HTML site map,
``sitemap.xml`` and the search page (which shows the entries a query names above its results)
all read them from here, so no app names another.
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOOK = "register_service_entries"
MAX_MATCHES = 3


@dataclass(frozen=True)
class ServiceEntry:
    key: str  # stable name, e.g. "request-form"
    title: str  # what the link says
    url: str  # a path on this site ("" for a place not built yet)
    summary: str = ""
    group: str = ""  # heading it is listed under
    keywords: tuple = field(default_factory=tuple)  # words a searcher uses for it
    order: int = 100
    on_home: bool = False  # listed on the home page too
    in_sitemap: bool = True

    def words(self):
        return (self.title, *self.keywords)


def service_entries():
    """Every registered entry, in (order, title) order; entries without a URL included."""
    entries = []
    for register in hooks.get_hooks(HOOK):
        entries.extend(register())
    return sorted(entries, key=lambda e: (e.order, e.title))


def grouped(entries):
    """[(group, [entries])] in the order the groups first appear."""
    groups = {}
    for entry in entries:
        groups.setdefault(entry.group, []).append(entry)
    return list(groups.items())


def _squash(text):
    return "".join(str(text or "").split()).lower()


def _score(entry, queries):
    """2: the query names a keyword of the entry; 1: the query is part of one; 0: no match."""
    best = 0
    for query in queries:
        for word in map(_squash, entry.words()):
            if not word:
                continue
            if word in query:
                best = max(best, 2)
            elif len(query) >= 2 and len(query) * 2 > len(word) and query in word:
                best = max(best, 1)  # most of a keyword: 留言答 → 留言答复, not 公开 → 公开指南
    return best


def matching_entries(*queries, limit=MAX_MATCHES):
    """The entries a search names (the query as typed and any other form of it, e.g. in
    simplified script), best first; at most ``limit``. Only entries with a URL."""
    squashed = {q for q in map(_squash, queries) if q}
    if not squashed:
        return []
    scored = [(_score(e, squashed), e) for e in service_entries() if e.url]
    scored = [(s, e) for s, e in scored if s]
    scored.sort(key=lambda pair: (-pair[0], pair[1].order, pair[1].title))
    return [e for _s, e in scored[:limit]]
