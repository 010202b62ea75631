"""What the reader meant, before matching: pinyin written in characters, conditions in words.

Both engines call ``understand`` first, so they read a query the same way. A reader who wants
the words taken literally adds ``literal=1`` (the "按原词检索" link); nothing is rewritten then.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.models import get_page_models

from ..analysis import constraints as conditions
from ..analysis import pinyin
from ..vocabulary import SHORT_NAMES_FILE, read_vocabulary

AUTHORITIES_KEY = "search:authority-names"
AUTHORITIES_SECONDS = 300


@dataclass
class Understood:
    text: str
    constraints: conditions.Constraints = field(default_factory=conditions.Constraints)
    # [(pinyin as typed, characters)]: a guess, shown as "您是不是要找".
    pinyin: list = field(default_factory=list)

    @property
    def applied(self):
        return list(self.constraints.labels)


def authority_names():
    """Names of every issuing body pages can cite (read from the database, cached briefly)."""
    names = cache.get(AUTHORITIES_KEY)
    if names is None:
        found = set()
        for model in get_page_models():
            fields = {f.name: f for f in model._meta.get_fields()}
            if "issuing_authorities" in fields:
                related = fields["issuing_authorities"].related_model
                found.update(related.objects.values_list("name", flat=True))
        names = sorted(found)
        cache.set(AUTHORITIES_KEY, names, AUTHORITIES_SECONDS)
    return names


def short_names():
    """{short name: full name} of issuing bodies and documents (shortnames.tsv)."""
    out = {}
    for short, full, _source in read_vocabulary(SHORT_NAMES_FILE):
        if full:
            out[short] = full[0]
    return out


def understand(query, literal=False, known_word=None):
    """The Understood reading of query. ``known_word(text)`` says whether the index holds a
    Latin word as written (so ``pdf`` or an English name is never turned into pinyin)."""
    if literal:
        return Understood(text=query)
    text, changes = pinyin.convert(query)
    if changes and known_word is not None:
        changes = [(typed, chars) for typed, chars in changes if not known_word(typed)]
        if not changes:
            text = query
    found = conditions.parse(text, authority_names(), short_names())
    return Understood(text=found.text if found else text, constraints=found, pinyin=changes)


def boost(records, found):
    """Records meeting more of the conditions first among those holding the whole query, then
    among the rest; rank kept otherwise (stable). A condition never lifts a document that
    misses a word of the query above one that holds them all (2019年节假日安排: every 2019
    document meets the year, the 节假日 notice dated December 2018 holds the words)."""
    if not found:
        return records

    def key(rec):
        whole = rec.get("coverage", 1.0) >= 1.0
        met = found.met(rec.get("year"), rec.get("validity"), rec.get("authority"))
        return (not whole, -met)

    return sorted(records, key=key)


def describe(resp, meant, query):
    """Tell the response what was read into the query."""
    resp.applied = meant.applied
    resp.pinyin = list(meant.pinyin)
    if meant.text != query:
        resp.searched_as = meant.text


def offer_guess(resp, meant):
    """A pinyin reading is a guess: it leads the "您是不是要找" list with its count."""
    if meant.pinyin:
        guess = {"query": meant.text, "count": resp.count}
        resp.did_you_mean = [guess, *[s for s in resp.did_you_mean if s["query"] != meant.text]]
