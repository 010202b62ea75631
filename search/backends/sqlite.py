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
from .ranked_results import RankedResultsMixin

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

    def ranked_entries(self, restrict=True):
        match = base.MatchExpression(self.FTS_TABLE_FIELDS, self.build_search_query(self.query))
        entries = base.SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )
        if restrict:
            allowed = self.queryset.annotate(_gk_id=Cast("pk", TextField())).values("_gk_id")
            entries = entries.filter(index_entry__object_id__in=allowed)
        return entries.annotate(score=WeightedBM25())

    def ranked_ids(self, start, stop):
        """Best (object_id, score) rows that the queryset allows, from start to stop.

        The ranking runs without the queryset restriction (almost every indexed page is live and
        public) and the candidates are then checked against the queryset, fetching further
        rows only when too many were filtered out.
        """
        rows = self.ranked_entries(restrict=False).order_by("score")
        rows = rows.values_list("index_entry__object_id", "score")
        start = start or 0
        wanted = None if stop is None else stop
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
        return kept[start:stop]


class ChineseSQLiteSearchCompiler(FastRankingMixin, ChineseSQLiteQueryCompiler):
    pass


class ChineseSQLiteSearchResults(RankedResultsMixin, base.SQLiteSearchResults):
    def _fast(self):
        compiler = self.query_compiler
        return (
            isinstance(compiler, FastRankingMixin)
            and compiler.can_rank_fast()
            and not _plan_for(compiler.query).is_empty
        )


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
