"""Engine-independent steps: filtering and faceting records, sorting, snippets, suggestions."""

import math
from collections import Counter

from django.utils.html import escape
from django.utils.safestring import mark_safe

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


# No gate: every document holding a content word of the query is a candidate and ranking
# decides. A hit holding less than this share of the query's words is thin evidence: such hits
# follow the near misses of a misspelt query, and when the best hit is thin the page says so.
THIN_EVIDENCE = 0.5
# Near misses (shared character bigrams) are marked with this coverage: partial, and thin.
NEAR_MISS_COVERAGE = THIN_EVIDENCE * 0.99
# The best thin hits kept (in rank order): enough for three pages, and a long spoken question
# whose every word some page holds does not load the whole site for its facets.
THIN_MAX = 30


def split_by_evidence(matched):
    """(strong, thin) rows of (id, coverage): thin rows hold less than THIN_EVIDENCE; only
    the best THIN_MAX of them are kept."""
    strong = [(pk, c) for pk, c in matched if c >= THIN_EVIDENCE]
    return strong, [(pk, c) for pk, c in matched if c < THIN_EVIDENCE][:THIN_MAX]


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


def names_document(rec, plan):
    """True when the query asks for this document by its title or 文号 (every query word is
    in the title, or the query's document number is this one's): open its top, not an article."""
    if plan.doc_numbers and rec.get("doc_number") in plan.doc_numbers:
        return True
    title = fold(rec["title"])
    return bool(plan.groups) and all(
        any(not a.loose and "".join(a.tokens) in title for a in group.alternatives)
        for group in plan.groups
    )


def _held(text, plan):
    """How many of the query's groups the text holds as written (a word or a synonym)."""
    folded = fold(text or "")
    return sum(1 for group in plan.groups if _group_counts(group, folded)[0])


def matching_attachment(rec, plan):
    """The attachment holding more of the query than the page's own title and text, if any."""
    attachments = rec.get("attachments") or []
    if not attachments or not plan.groups:
        return None
    best, best_held = None, _held(f"{rec['title']}\n{rec['body'] or ''}", plan)
    for attachment in attachments:
        held = _held(attachment["text"], plan)
        if held > best_held:
            best, best_held = attachment, held
    return best


def attachment_snippet(attachment, terms, doc_numbers):
    """附件《title》：excerpt, the name linking to the document; escaped and marked."""
    link = f'<a href="{escape(attachment["url"])}">附件《{escape(attachment["title"])}》</a>'
    excerpt = snippet(attachment["text"], terms, doc_numbers)
    return mark_safe(f"{link}：{excerpt}")  # noqa: S308 - every part is escaped


def make_hit(rec, plan):
    """A result with escaped, highlighted title and snippet and an article deep link (none
    when the query names the document: a title or 文号 match opens its top)."""
    terms = plan.highlight_terms()
    url = rec["url"]
    text = rec["body"] or rec["title"]
    section_heading = ""
    found = None if names_document(rec, plan) else best_section(rec.get("sections") or [], plan)
    if found:
        anchor, section_heading, text = found
        url = f"{url.split('#')[0]}#{anchor}"
    attachment = matching_attachment(rec, plan)
    if attachment:
        shown = attachment_snippet(attachment, terms, plan.doc_numbers)
    else:
        shown = snippet(text, terms, plan.doc_numbers)
    return Hit(
        id=rec["id"],
        title=rec["title"],
        url=url,
        type=rec["type"],
        type_label=rec["type_label"],
        date=rec["date"],
        title_html=highlight_title(rec["title"], terms, plan.doc_numbers),
        snippet=shown,
        score=rec.get("score", 0.0),
        section=section_heading,
        partial=rec.get("coverage", 1.0) < 1.0,
        validity=str(rec.get("validity") or ""),
        status=rec.get("status", ""),
        attachment=attachment["title"] if attachment else "",
        attachment_url=attachment["url"] if attachment else "",
    )
