"""SQLite FTS5 backend: Wagtail's backend with segmented text and weighted BM25."""

from django.db.models import FloatField, Func, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite as base
from modelsearch.backends.database.sqlite.query import SearchQueryCombinable
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from ..runtime import get_analyzer
from . import render
from .indexing import analysed

# Column weights for bm25(): the FTS table columns are (autocomplete, body, title).
TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
# A token that can never be produced by the analyzer: stands for an empty sub-query.
NEVER = '"0gongkai0nomatch0"'


class FTSQuery(SearchQueryCombinable, Func):
    """A ready FTS5 expression string, combinable with Wagtail's AND/OR nodes."""

    def __init__(self, expression):
        super().__init__()
        self.expression = expression or NEVER

    def as_sql(self, compiler, connection, **extra):
        return "%s", [self.expression]


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra):
        table = base.SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, {BODY_WEIGHT}, {TITLE_WEIGHT})", []


def _plan_for(query):
    analyzer = get_analyzer()
    text = query.query_string
    if isinstance(query, Phrase):
        text = '"' + text.replace('"', " ") + '"'
    return analyzer.parse_query(text)


class ChineseSQLiteIndex(base.SQLiteIndex):
    def add_items(self, model, objs):
        analyzer = get_analyzer()
        super().add_items(model, analysed(objs, analyzer.index_text))


class ChineseSQLiteQueryCompiler(base.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, (PlainText, Phrase)):
            return FTSQuery(render.fts5(_plan_for(query)))
        return super().build_search_query_content(query, config=config)

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()

    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, (PlainText, Phrase)) and _plan_for(self.query).is_empty:
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class FastRankingMixin:
    """One FTS query ranked by bm25 with LIMIT, instead of a correlated score per row.

    Used for plain relevance-ordered searches (the public search and the admin); anything else
    falls back to Wagtail's generic query.
    """

    def can_rank_fast(self):
        return (
            self.order_by_relevance
            and self.fields is None
            and isinstance(self.query, (PlainText, Phrase))
        )

    def ranked_entries(self):
        match = base.MatchExpression(self.FTS_TABLE_FIELDS, self.build_search_query(self.query))
        allowed = self.queryset.annotate(_gk_id=Cast("pk", TextField())).values("_gk_id")
        return (
            base.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                index_entry__object_id__in=allowed,
            )
            .annotate(score=WeightedBM25())
        )

    def ranked_ids(self, start, stop):
        rows = (
            self.ranked_entries().order_by("score").values_list("index_entry__object_id", "score")
        )
        return list(rows[start:stop])


class ChineseSQLiteSearchCompiler(FastRankingMixin, ChineseSQLiteQueryCompiler):
    pass


class ChineseSQLiteSearchResults(base.SQLiteSearchResults):
    def _fast(self):
        compiler = self.query_compiler
        return (
            isinstance(compiler, FastRankingMixin)
            and compiler.can_rank_fast()
            and not _plan_for(compiler.query).is_empty
        )

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


class ChineseSQLiteAutocompleteCompiler(base.SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            tokens = render.autocomplete_tokens(get_analyzer(), query.query_string)
            return FTSQuery(render.fts5_autocomplete(tokens))
        return super().build_search_query_content(query, config=config)

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()

    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, PlainText) and not render.autocomplete_tokens(
            get_analyzer(), self.query.query_string
        ):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class ChineseSQLiteSearchBackend(base.SQLiteSearchBackend):
    query_compiler_class = ChineseSQLiteSearchCompiler
    results_class = ChineseSQLiteSearchResults
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteCompiler
    index_class = ChineseSQLiteIndex


SearchBackend = ChineseSQLiteSearchBackend
