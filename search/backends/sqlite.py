"""SQLite FTS5 backend: Wagtail's backend with segmented text and weighted BM25."""

from django.db.models import FloatField, Func
from modelsearch.backends.database.sqlite import sqlite as base
from modelsearch.backends.database.sqlite.query import SearchQueryCombinable
from modelsearch.query import Phrase, PlainText

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
    query_compiler_class = ChineseSQLiteQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteCompiler
    index_class = ChineseSQLiteIndex


SearchBackend = ChineseSQLiteSearchBackend
