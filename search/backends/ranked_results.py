"""Search results loaded from one ranked query, shared by the SQLite and PostgreSQL backends."""


class RankedResultsMixin:
    """Results whose compiler ranks in one pass: (id, score) rows first, then the objects.

    Subclasses say in `_fast()` when their compiler can do that; otherwise Wagtail's own
    two-step search runs.
    """

    def _fast(self):
        raise NotImplementedError

    def _do_search(self):
        if not self._fast():
            return super()._do_search()
        rows = self.query_compiler.ranked_ids(self.start, self.stop)
        model = self.query_compiler.queryset.model
        objs = self.query_compiler.queryset.filter(pk__in=[pk for pk, _ in rows]).in_bulk()
        results = []
        for object_id, score in rows:
            obj = objs.get(model._meta.pk.to_python(object_id))
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, score)
                results.append(obj)
        return results

    def _do_count(self):
        if not self._fast():
            return super()._do_count()
        return self.query_compiler.ranked_entries().count()
