"""Ranked retrieval shared by the SQLite and PostgreSQL backends.

Every relevance-ordered plain search runs as one ranked query, (id, score) rows first and the
objects after. Matching is relaxed. When at least ``MIN_FULL`` documents hold every group of
the query, only those are listed. Otherwise documents holding some groups join them, and all
are ordered by BM25 (scaled to the best candidate) plus a bonus for the share of the query the
document holds (x2, each word weighted by its idf), the share found in its title (x1) and the
share of neighbouring query words it writes side by side (x0.3) and the share that its best
numbered article holds (x0.3): documents holding every term come first unless one misses a
term of a long query but carries the query in its title. Each row carries its coverage
(1.0 = every group), so callers can say "部分匹配".
"""

import math

from ..analysis.analyzer import LOOSE_CREDIT
from ..analysis.stopwords import doc_type_words
from . import articles, frequencies, passages

MIN_FULL = 10
CANDIDATES = 200
# Weights, against BM25 scaled to 0–1: the share of query groups found in the title, and the
# share of groups the document holds at all.
TITLE_BONUS = 1.0
COVERAGE_WEIGHT = 2.0
# The share of the query's neighbouring word pairs that a document writes side by side, and
# how many of the best documents are re-ordered by it.
PASSAGE_WEIGHT = 0.3
PASSAGE_HEAD = 30
# The share of the query's weight that one numbered article (第X条) of the document holds.
ARTICLE_WEIGHT = 0.3


def _rerank(plan, rows, titles, coverage=None, weights=None, adjacency=None, article=None):
    """Order rows (object_id, score) by BM25 scaled to the best row plus the title,
    coverage, passage and best-article bonuses (shares of the query's weight)."""
    if not rows:
        return rows
    best = max(score for _oid, score in rows) or 1.0
    total = sum(weights) if weights else (len(plan.groups) or 1)
    coverage = coverage or {}
    adjacency = adjacency or {}
    article = article or {}

    def key(row):
        title = _title_share(plan, titles.get(row[0], "").split(), weights, total)
        return -(
            row[1] / best
            + TITLE_BONUS * title
            + COVERAGE_WEIGHT * coverage.get(row[0], 1)
            + PASSAGE_WEIGHT * adjacency.get(row[0], 0.0)
            + ARTICLE_WEIGHT * article.get(row[0], 0.0)
        )

    return sorted(rows, key=key)


def _doc_type_group(group):
    return any(len(a.tokens) == 1 and a.tokens[0] in doc_type_words() for a in group.alternatives)


def _in_title(group, title):
    return any(not a.loose and all(t in title for t in a.tokens) for a in group.alternatives)


def _names_kind(plan, title):
    """True when the title holds a kind-of-document word of the query together with one of
    the query's subject words (志愿服务…条例), so the kind word names this document."""
    kinds = [_doc_type_group(g) for g in plan.groups]
    pairs = list(zip(plan.groups, kinds, strict=True))
    subject = any(not kind and _in_title(g, title) for g, kind in pairs)
    return subject and any(kind and _in_title(g, title) for g, kind in pairs)


def _weighted(plan, credits, weights, title_tokens):
    """Share of the query's weight a document holds, for ranking. A kind-of-document word
    (条例, 办法…) counts fully only where it names this document (see _names_kind), otherwise
    LOOSE_CREDIT: bodies cite other documents, and a 条例 on another subject is no answer."""
    title = set(title_tokens)
    named = _names_kind(plan, title)
    total = 0.0
    for group, credit, weight in zip(plan.groups, credits, weights, strict=True):
        if credit and _doc_type_group(group) and not (named and _in_title(group, title)):
            credit = min(credit, LOOSE_CREDIT)
        total += credit * weight
    return total / (sum(weights) or 1.0)


def _title_share(plan, title_tokens, weights, total):
    """Share of the query's weight held in the title (kind words only where they name it)."""
    title = set(title_tokens)
    named = _names_kind(plan, title)
    held = 0.0
    for index, group in enumerate(plan.groups):
        if _doc_type_group(group) and not named:
            continue
        weight = weights[index] if weights else 1.0
        if _in_title(group, title):
            held += weight
        elif any(all(t in title for t in a.tokens) for a in group.alternatives):
            held += LOOSE_CREDIT * weight
    return held / total


class RelaxedRankingMixin:
    """For compilers. Subclasses provide:

    - ``plan()``: the parsed QueryPlan (parsed once per compiler);
    - ``expression(plan, any_group, tight)`` and ``group_expression(group)``: engine query text;
    - ``rows(expression, wanted)``: best ``(object_id, score)`` rows the queryset allows, best
      first, with higher scores better;
    - ``covering(expression, object_ids)``: the object ids among those matching expression;
    - ``title_tokens(object_ids)``: {object_id: analysed title text};
    - ``index_size()`` and ``frequency(expression)``: indexed documents, and those matching.

    A document holds the whole query when it holds every group through the word itself or a
    synonym (``tight``); a word's parts scattered through the text count LOOSE_CREDIT. When
    documents hold only part of the query, each group weighs its inverse document frequency:
    missing a word that most documents hold costs little, missing a rare one costs much.
    """

    def ranked_ids(self, start, stop):
        """(object_id, score, coverage) rows from start to stop."""
        start = start or 0
        plan = self.plan()
        wanted = None if stop is None else max(stop, MIN_FULL)
        strict = self.rows(self.expression(plan, tight=True), wanted)
        if len(strict) >= MIN_FULL:
            head, tail = strict[:CANDIDATES], strict[CANDIDATES:]
            titles = self.title_tokens([oid for oid, _ in head])
            head = self.by_passage(plan, _rerank(plan, head, titles), titles)
            return [(oid, score, 1.0) for oid, score in head + tail][start:stop]
        more = max(CANDIDATES, stop or 0) if stop is not None else None
        candidates = dict(self.rows(self.expression(plan, any_group=True), more))
        floor = min(candidates.values(), default=0.0)
        for oid, _score in strict:
            candidates.setdefault(oid, floor)
        weights = self.group_weights(plan)
        credits = self.credits(plan, list(candidates), {oid for oid, _ in strict})
        titles = self.title_tokens(list(candidates))
        coverage = {
            oid: _weighted(plan, held, weights, titles.get(oid, "").split())
            for oid, held in credits.items()
        }
        rows = _rerank(plan, list(candidates.items()), titles, coverage, weights)
        rows = self.by_passage(plan, rows, titles, coverage, weights)
        total = len(plan.groups)
        return [(oid, score, sum(credits[oid]) / total) for oid, score in rows][start:stop]

    def by_passage(self, plan, rows, titles, coverage=None, weights=None):
        """The best PASSAGE_HEAD rows re-ordered with the passage and best-article bonuses
        (queries of 2+ groups)."""
        if len(plan.groups) < 2 or len(rows) < 2:
            return rows
        weights = weights or self.group_weights(plan)
        head, tail = rows[:PASSAGE_HEAD], rows[PASSAGE_HEAD:]
        bodies = self.body_tokens([oid for oid, _ in head])
        tokens = {oid: bodies.get(oid, "").split() for oid, _ in head}
        shares = {oid: passages.adjacent_share(plan, tokens[oid], weights) for oid, _ in head}
        best = {oid: articles.best_article_share(plan, tokens[oid], weights) for oid, _ in head}
        return _rerank(plan, head, titles, coverage, weights, shares, best) + tail

    def group_weights(self, plan):
        """BM25's idf of each group (by the documents holding the word or a synonym)."""
        if len(plan.groups) < 2:
            return [1.0] * len(plan.groups)
        size = self.cached("size", self.index_size)
        weights = []
        for group in plan.groups:
            expression = self.group_expression(group.tight())
            found = (
                self.cached(expression, lambda e=expression: self.frequency(e)) if expression else 0
            )
            weights.append(math.log(1 + (size - found + 0.5) / (found + 0.5)))
        return weights

    def cached(self, key, compute):
        return frequencies.get(self.frequency_scope(), key, compute)

    def frequency_scope(self):
        return (self.queryset.db, self.queryset.model._meta.label)

    def credits(self, plan, object_ids, full):
        """{object_id: [credit per group]}: 1 held, LOOSE_CREDIT through loose parts, 0."""
        total = len(plan.groups)
        credits = {oid: [1.0 if oid in full else 0.0] * total for oid in object_ids}
        ids = [oid for oid in object_ids if oid not in full]
        for index, group in enumerate(plan.groups):
            if not ids:
                break
            tight = set()
            expression = self.group_expression(group.tight())
            if expression:
                tight = self.covering(expression, ids)
            loose = group.loose()
            rest = [oid for oid in ids if oid not in tight]
            if loose.alternatives and rest:
                for oid in self.covering(self.group_expression(loose), rest):
                    credits[oid][index] = LOOSE_CREDIT
            for oid in tight:
                credits[oid][index] = 1.0
        return credits

    def allowed_rows(self, rows, wanted):
        """Rows of a ranked values_list (object_id, score) that the queryset allows.

        The ranking runs without the queryset restriction (almost every indexed page is live and
        public) and the candidates are then checked against the queryset, fetching further
        rows only when too many were filtered out.
        """
        pk_field = self.queryset.model._meta.pk
        kept, offset = [], 0
        batch = max(50, 2 * (wanted or 0))
        while wanted is None or len(kept) < wanted:
            chunk = list(rows[offset : offset + batch]) if wanted is not None else list(rows)
            if not chunk:
                break
            ids = [pk_field.to_python(object_id) for object_id, _ in chunk]
            allowed = set(self.queryset.filter(pk__in=ids).values_list("pk", flat=True))
            kept.extend(row for row, pk in zip(chunk, ids, strict=True) if pk in allowed)
            if wanted is None or len(chunk) < batch:
                break
            offset += batch
            batch *= 2
        return kept if wanted is None else kept[:wanted]

    def ranked_count(self):
        plan = self.plan()
        full = self.count_matching(self.expression(plan, tight=True))
        if full >= MIN_FULL:
            return full
        return self.count_matching(self.expression(plan, any_group=True))


class RankedResultsMixin:
    """Results whose compiler ranks in one pass (see RelaxedRankingMixin).

    Subclasses say in `_fast()` when their compiler can do that; otherwise Wagtail's own
    two-step search runs. Each object gets ``search_coverage`` (share of query groups it holds).
    """

    def _fast(self):
        raise NotImplementedError

    def _do_search(self):
        if not self._fast():
            return super()._do_search()
        rows = self.query_compiler.ranked_ids(self.start, self.stop)
        model = self.query_compiler.queryset.model
        objs = self.query_compiler.queryset.filter(pk__in=[row[0] for row in rows]).in_bulk()
        results = []
        for object_id, score, coverage in rows:
            obj = objs.get(model._meta.pk.to_python(object_id))
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, score)
                obj.search_coverage = coverage
                results.append(obj)
        return results

    def _do_count(self):
        if not self._fast():
            return super()._do_count()
        return self.query_compiler.ranked_count()
