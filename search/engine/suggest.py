"""Help for a search with few or no results: the other script, broader terms."""

from functools import lru_cache

import opencc

from ..analysis.analyzer import QueryPlan


@lru_cache(maxsize=1)
def _s2t():
    return opencc.OpenCC("s2t")


def other_script(text):
    """The traditional spelling of a simplified query (or the simplified one of a traditional)."""
    from ..analysis.normalize import to_simplified

    simplified = to_simplified(text)
    if simplified != text:
        return simplified
    traditional = _s2t().convert(text)
    return traditional if traditional != text else ""


def broader_queries(plan: QueryPlan, limit=4):
    """Shorter queries: each word alone when several were given, parts of a compound word."""
    words = [t for t in plan.terms if t and not t.isascii()]
    out = []
    if len(plan.groups) > 1:
        out.extend(words)
    elif len(plan.groups) == 1:
        for alt in plan.groups[0].alternatives[1:]:
            if not alt.phrase:
                out.extend(t for t in alt.tokens if len(t) > 1)
    if plan.phrases:
        out.extend(plan.phrases)
    seen, result = set(), []
    for q in out:
        if q not in seen and q != plan.text:
            seen.add(q)
            result.append(q)
    return result[:limit]
