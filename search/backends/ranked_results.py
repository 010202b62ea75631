"""Ranked retrieval shared by the SQLite and PostgreSQL backends.

Every relevance-ordered plain search runs as one ranked query, (id, score) rows first and the
objects after. Matching is relaxed. When at least ``MIN_FULL`` documents hold every group of
the query, only those are listed. Otherwise documents holding some groups join them, and all
are ordered by BM25 (scaled to the best candidate) plus a bonus for the share of groups the
document holds (x2) and the share found in its title (x1): documents holding every term come
first unless one misses a term of a long query but carries the query in its title. Each row
carries its coverage (1.0 = every group), so callers can say "部分匹配".
"""

MIN_FULL = 10
CANDIDATES = 200
# Weights, against BM25 scaled to 0–1: the share of query groups found in the title, and the
# share of groups the document holds at all.
TITLE_BONUS = 1.0
COVERAGE_WEIGHT = 2.0


def _rerank(plan, rows, titles, coverage=None):
    """Order rows (object_id, score) by BM25 scaled to the best row plus the title and
    coverage bonuses."""
    if not rows:
        return rows
    best = max(score for _oid, score in rows) or 1.0
    total = len(plan.groups) or 1
    coverage = coverage or {}

    def key(row):
        tokens = titles.get(row[0], "").split()
        title = plan.coverage(tokens) / total
        return -(row[1] / best + TITLE_BONUS * title + COVERAGE_WEIGHT * coverage.get(row[0], 1))

    return sorted(rows, key=key)


class RelaxedRankingMixin:
    """For compilers. Subclasses provide:

    - ``plan()``: the parsed QueryPlan (parsed once per compiler);
    - ``expression(plan, any_group)`` and ``group_expression(group)``: engine query text;
    - ``rows(expression, wanted)``: best ``(object_id, score)`` rows the queryset allows, best
      first, with higher scores better;
    - ``covering(expression, object_ids)``: the object ids among those matching expression;
    - ``title_tokens(object_ids)``: {object_id: analysed title text}.
    """

    def ranked_ids(self, start, stop):
        """(object_id, score, coverage) rows from start to stop."""
        start = start or 0
        plan = self.plan()
        wanted = None if stop is None else max(stop, MIN_FULL)
        strict = self.rows(self.expression(plan), wanted)
        head, tail = strict[:CANDIDATES], strict[CANDIDATES:]
        strict = _rerank(plan, head, self.title_tokens([oid for oid, _ in head])) + tail
        full = [(oid, score, 1.0) for oid, score in strict]
        if len(plan.groups) < 2 or len(full) >= MIN_FULL:
            return full[start:stop]
        more = max(CANDIDATES, stop or 0) if stop is not None else None
        candidates = dict(self.rows(self.expression(plan, any_group=True), more))
        floor = min(candidates.values(), default=0.0)
        total = len(plan.groups)
        held = {oid: total for oid, _s, _c in full}
        for oid, _s, _c in full:
            candidates.setdefault(oid, floor)
        ids = [oid for oid in candidates if oid not in held]
        held.update((oid, 0) for oid in ids)
        for group in plan.groups:
            expression = self.group_expression(group)
            if expression and ids:
                for oid in self.covering(expression, ids):
                    held[oid] += 1
        rows = _rerank(
            plan,
            list(candidates.items()),
            self.title_tokens(list(candidates)),
            coverage={oid: count / total for oid, count in held.items()},
        )
        return [(oid, score, held[oid] / total) for oid, score in rows][start:stop]

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
        full = self.count_matching(self.expression(plan))
        if len(plan.groups) < 2 or full >= MIN_FULL:
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
