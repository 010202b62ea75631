"""Elasticsearch query bodies built from a QueryPlan (plain dicts, tested as data)."""

from .base import FACETS

TITLE_BOOST = 4
FACET_SIZE = 30


def _token(token):
    return {
        "bool": {
            "should": [
                {"term": {"title_tokens": {"value": token, "boost": TITLE_BOOST}}},
                {"term": {"body_tokens": {"value": token}}},
                {"term": {"attachments_tokens": {"value": token}}},
            ],
            "minimum_should_match": 1,
        }
    }


def _phrase(tokens):
    text = " ".join(tokens)
    return {
        "bool": {
            "should": [
                {"match_phrase": {"title_tokens": {"query": text, "boost": TITLE_BOOST}}},
                {"match_phrase": {"body_tokens": {"query": text}}},
                {"match_phrase": {"attachments_tokens": {"query": text}}},
            ],
            "minimum_should_match": 1,
        }
    }


def _alternative(alt):
    if alt.phrase:
        return _phrase(alt.tokens)
    if len(alt.tokens) == 1:
        return _token(alt.tokens[0])
    return {"bool": {"must": [_token(t) for t in alt.tokens]}}


FULL_MATCH = "all-terms"
FULL_BOOST = 10


def min_should_match(plan):
    """Groups a document must hold: one. There is no share-of-words gate (the database engines
    have none either); BM25's idf lets the rare words lead and ranking decides."""
    return 1 if plan.groups else 0


def match_query(plan):
    """Relaxed matching: a document must hold one of the groups (within a group any
    alternative); documents holding every group get a large boost and are tagged ``all-terms``
    (hit["matched_queries"]) so partial matches can be marked. The cjk fields add relevance."""
    groups = []
    for group in plan.groups:
        alts = [_alternative(a) for a in group.alternatives if a.tokens]
        groups.append(
            alts[0] if len(alts) == 1 else {"bool": {"should": alts, "minimum_should_match": 1}}
        )
    return {
        "bool": {
            "must": [{"bool": {"should": groups, "minimum_should_match": min_should_match(plan)}}],
            "should": [
                {"bool": {"must": groups, "boost": FULL_BOOST, "_name": FULL_MATCH}},
                {
                    "multi_match": {
                        "query": plan.text[:100],
                        "fields": [f"title^{TITLE_BOOST}", "body"],
                    }
                },
            ],
        }
    }


def _filter_clause(key, value):
    return {"term": {key: value}}


def filters_clause(filters, skip=None):
    return [_filter_clause(k, v) for k, v in filters.items() if k != skip]


def aggregations(filters):
    """One aggregation per facet, each restricted by the other facets' filters."""
    aggs = {}
    for key in FACETS:
        terms = {"field": key, "size": FACET_SIZE}
        if key == "year":
            terms["order"] = {"_key": "desc"}
        aggs[key] = {
            "filter": {"bool": {"filter": filters_clause(filters, skip=key)}},
            "aggs": {"values": {"terms": terms}},
        }
    return aggs


SORTS = {
    "relevance": ["_score", {"date": {"order": "desc", "missing": "_last"}}],
    "newest": [{"date": {"order": "desc", "missing": "_last"}}, "_score"],
    "oldest": [{"date": {"order": "asc", "missing": "_last"}}, "_score"],
}


# A document asked for by name or by 索引号 leads the list (the database engine does the same).
KNOWN_ITEM = "known-item"
KNOWN_BOOST = 10000


def with_known_item(query, page_id):
    """query, or query with the document page_id added and scored above every other hit."""
    if page_id is None:
        return query
    pinned = {
        "constant_score": {
            "filter": {"ids": {"values": [str(page_id)]}},
            "boost": KNOWN_BOOST,
            "_name": KNOWN_ITEM,
        }
    }
    return {"bool": {"should": [pinned, query], "minimum_should_match": 1}}


# Conditions read from the query's words (2019年, 现行有效, 国务院办公厅) lift the documents
# meeting them above the others, as the database engine's stable re-ordering does.
CONDITION_BOOST = 1000


def condition_clauses(found):
    """Should clauses, one per condition of ``found`` (analysis.constraints.Constraints)."""
    if not found:
        return []
    clauses = []
    if found.year_from or found.year_to:
        span = {k: v for k, v in (("gte", found.year_from), ("lte", found.year_to)) if v}
        clauses.append({"range": {"year": span}})
    if found.validity:
        clauses.append({"term": {"validity": found.validity}})
    if found.authorities:
        clauses.append({"terms": {"authority": list(found.authorities)}})
    return [{"constant_score": {"filter": c, "boost": CONDITION_BOOST}} for c in clauses]


def with_conditions(query, found):
    clauses = condition_clauses(found)
    if not clauses:
        return query
    return {"bool": {"must": [query], "should": clauses}}


def search_body(plan, filters, sort="relevance", page=1, per_page=10, known=None, found=None):
    """The search; ``known`` is the id of a document asked for by name, listed first;
    ``found`` the conditions read from the query's words."""
    return {
        "query": with_known_item(with_conditions(match_query(plan), found), known),
        "post_filter": {"bool": {"filter": filters_clause(filters)}},
        "aggs": aggregations(filters),
        "sort": SORTS.get(sort, SORTS["relevance"]),
        "from": (page - 1) * per_page,
        "size": per_page,
        "track_total_hits": True,
        "_source": {"excludes": ["*_tokens", "autocomplete"]},
    }


def count_body(plan):
    return {"query": match_query(plan)}


def near_miss_body(bigrams, minimum, filters, exclude=(), size=10):
    """Typos: documents holding at least ``minimum`` of the query's character bigrams (each an
    exact two-character phrase, the plan of typos.bigram_query), real matches excluded."""
    groups = [_alternative(a) for g in bigrams.groups for a in g.alternatives if a.tokens]
    query = {"bool": {"should": groups, "minimum_should_match": minimum}}
    if exclude:
        query["bool"]["must_not"] = [{"ids": {"values": [str(pk) for pk in exclude]}}]
    return {
        "query": query,
        "post_filter": {"bool": {"filter": filters_clause(filters)}},
        "size": size,
        "_source": {"excludes": ["*_tokens", "autocomplete"]},
    }


def autocomplete_body(tokens, size=8):
    return {
        "query": {"match_phrase_prefix": {"autocomplete": {"query": " ".join(tokens)}}},
        "size": size,
        "_source": ["title", "url"],
    }
