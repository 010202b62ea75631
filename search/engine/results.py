"""Engine-independent steps: filtering and faceting records, sorting, snippets, suggestions."""

import math
from collections import Counter

from ..analysis.analyzer import LOOSE_CREDIT
from ..analysis.normalize import fold
from ..highlight import highlight_title, snippet
from .base import FACETS, Hit


def _passes(rec, filters, skip=None):
    for key, value in filters.items():
        if key == skip:
            continue
        if key == "authority":
            if value not in rec["authority"]:
                return False
        elif rec.get(key) != value:
            return False
    return True


def facet_counts(records, filters, type_labels):
    """Counts per facet value; each facet counts the records that pass the *other* filters."""
    facets = {}
    for key in FACETS:
        counter = Counter()
        for rec in records:
            if not _passes(rec, filters, skip=key):
                continue
            values = rec["authority"] if key == "authority" else [rec.get(key)]
            counter.update(v for v in values if v not in ("", None))
        if key == "year":
            items = sorted(counter.items(), key=lambda kv: -kv[0])
        else:
            items = sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))
        labels = type_labels if key == "type" else {}
        facets[key] = [(v, labels.get(v, str(v)), c) for v, c in items]
    return facets


def apply_filters(records, filters):
    return [rec for rec in records if _passes(rec, filters)]


def sort_records(records, sort):
    if sort == "newest":
        return sorted(
            records, key=lambda r: (r["date"] is None, -(r["date"].toordinal() if r["date"] else 0))
        )
    if sort == "oldest":
        return sorted(
            records, key=lambda r: (r["date"] is None, r["date"].toordinal() if r["date"] else 0)
        )
    return records


# Below this share of the query's terms a partial match is a weak hit: suggestions are better.
WEAK_COVERAGE = 0.5


def drop_weak(matched):
    """(id, coverage) rows without the weak partial hits (all of them when none is strong)."""
    return [(pk, c) for pk, c in matched if c >= WEAK_COVERAGE]


def match_kind(records):
    """ "full" when the best result holds every term of the query, "partial" otherwise."""
    if not records:
        return ""
    return "full" if max(r.get("coverage", 1.0) for r in records) >= 1.0 else "partial"


def _group_counts(group, folded):
    """(occurrences of the word or a synonym, occurrences of its loose parts) in folded text."""
    tight = loose = 0
    for alt in group.alternatives:
        if not alt.tokens:
            continue
        if alt.loose:
            if all(t in folded for t in alt.tokens):
                loose = max(loose, min(folded.count(t) for t in alt.tokens))
        else:
            tight += folded.count("".join(alt.tokens))
    return tight, loose


def best_section(sections, plan):
    """The article (anchor, heading, text) that answers the query best, if any holds part of it.

    Each article is scored like BM25 over its own document: a query word weighs by how few of
    the document's articles hold it, and counts with saturation (tf / (tf + 1.2)); the word's
    parts found only apart count LOOSE_CREDIT. Ties go to the earlier article.
    """
    if not sections or not plan.groups:
        return None
    counts = []
    for _anchor, _heading, text in sections:
        folded = fold(text)
        counts.append([_group_counts(group, folded) for group in plan.groups])
    size = len(sections)
    weights = []
    for index in range(len(plan.groups)):
        holding = sum(1 for row in counts if row[index][0] or row[index][1])
        weights.append(math.log(1 + (size - holding + 0.5) / (holding + 0.5)))
    best, best_score = None, 0.0
    for section, row in zip(sections, counts, strict=True):
        score = 0.0
        for (tight, loose), weight in zip(row, weights, strict=True):
            if tight:
                score += weight * tight / (tight + 1.2)
            elif loose:
                score += LOOSE_CREDIT * weight * loose / (loose + 1.2)
        if score > best_score:
            best, best_score = section, score
    return best


def make_hit(rec, plan):
    """A result with escaped, highlighted title and snippet and an article deep link."""
    terms = plan.highlight_terms()
    url = rec["url"]
    text = rec["body"] or rec["title"]
    section_heading = ""
    found = best_section(rec.get("sections") or [], plan)
    if found:
        anchor, section_heading, text = found
        url = f"{url.split('#')[0]}#{anchor}"
    return Hit(
        id=rec["id"],
        title=rec["title"],
        url=url,
        type=rec["type"],
        type_label=rec["type_label"],
        date=rec["date"],
        title_html=highlight_title(rec["title"], terms, plan.doc_numbers),
        snippet=snippet(text, terms, plan.doc_numbers),
        score=rec.get("score", 0.0),
        section=section_heading,
        partial=rec.get("coverage", 1.0) < 1.0,
        status=rec.get("status", ""),
    )
