"""Ranked retrieval shared by the SQLite and PostgreSQL backends.

Every relevance-ordered plain search runs as one ranked query, (id, score) rows first and the
objects after. Matching is relaxed: documents that hold every group of the query come first
(ranked by the engine's weighted BM25); when fewer than ``MIN_FULL`` of them exist, documents
holding only some groups follow, ordered by how many groups they hold, then by BM25. Each row
carries that coverage (1.0 = every group), so callers can say "部分匹配".
"""

MIN_FULL = 10
CANDIDATES = 200


class RelaxedRankingMixin:
    """For compilers. Subclasses provide:

    - ``plan()``: the parsed QueryPlan (parsed once per compiler);
    - ``expression(plan, any_group)`` and ``group_expression(group)``: engine query text;
    - ``rows(expression, wanted)``: best ``(object_id, score)`` rows the queryset allows, best
      first, with higher scores better;
    - ``covering(expression, object_ids)``: the object ids among those matching expression.
    """

    def ranked_ids(self, start, stop):
        """(object_id, score, coverage) rows from start to stop."""
        start = start or 0
        plan = self.plan()
        wanted = None if stop is None else max(stop, MIN_FULL)
        full = [(oid, score, 1.0) for oid, score in self.rows(self.expression(plan), wanted)]
        if len(plan.groups) < 2 or len(full) >= MIN_FULL:
            return full[start:stop]
        seen = {oid for oid, _s, _c in full}
        more = max(CANDIDATES, stop or 0) if stop is not None else None
        partial = [
            (oid, score)
            for oid, score in self.rows(self.expression(plan, any_group=True), more)
            if oid not in seen
        ]
        held = {oid: 0 for oid, _ in partial}
        ids = list(held)
        for group in plan.groups:
            expression = self.group_expression(group)
            if expression and ids:
                for oid in self.covering(expression, ids):
                    held[oid] = held.get(oid, 0) + 1
        total = len(plan.groups)
        ranked = sorted(partial, key=lambda row: (-held[row[0]], -row[1]))
        rows = full + [(oid, score, held[oid] / total) for oid, score in ranked]
        return rows[start:stop]

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
