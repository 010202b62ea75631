"""SQLite FTS5 backend: Wagtail's backend with segmented text and weighted BM25."""

from django.conf import settings
from django.db.models import FloatField, Func, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite as base
from modelsearch.backends.database.sqlite.query import SearchQueryCombinable
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from ..runtime import get_analyzer
from . import frequencies, indexing, render, sqlite_writes
from .entries import IndexEntryReads
from .planning import plan_for
from .ranked_results import RankedResultsMixin, RelaxedRankingMixin

# Column weights for bm25(): the FTS table columns are (autocomplete, body, title).
TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
# A token that can never be produced by the analyzer: stands for an empty sub-query.
NEVER = '"0gongkai0nomatch0"'
# Above this many documents holding the whole query, the best ones are looked for first among
# the documents holding it in their title (see FastRankingMixin._title_first).
FIRST_PASS_ABOVE = 5000


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


class ChineseSQLiteIndex(base.SQLiteIndex):
    # A full rebuild in progress (sqlite_writes.Bulk), set by the atomic rebuilder.
    bulk = None

    def add_items(self, model, objs):
        if model.get_search_fields():
            parallel = indexing.parallel_for(self.bulk, objs)
            if parallel is None:
                sqlite_writes.write(self, model, objs, get_analyzer().index_text)
            else:
                ready = parallel.submit(model, objs)
                if ready:
                    sqlite_writes.write_analysed(self, *ready)
        frequencies.forget()

    def finish_bulk(self):
        """The end of a rebuild's writes: the batch still with the workers written."""
        indexing.close_parallel(
            self.bulk, lambda *ready: sqlite_writes.write_analysed(self, *ready)
        )

    def delete_item(self, item):
        super().delete_item(item)
        frequencies.forget()

    def reset(self):
        super().reset()
        frequencies.forget()


def _optimize(index):
    """Merge the FTS5 table's segments into one b-tree (faster searches after a rebuild)."""
    table = base.SQLiteFTSIndexEntry._meta.db_table
    with index.write_connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608


class ChineseSQLiteRebuilder(base.SQLiteSearchRebuilder):
    def finish(self):
        sqlite_writes.refresh_title_norms(self.index.write_connection)
        _optimize(self.index)


class ChineseSQLiteAtomicRebuilder(base.SQLiteSearchAtomicRebuilder):
    """The default rebuild (Wagtail's ATOMIC_REBUILD): one transaction, inside which the
    full-text rows are written in one statement at the end (``sqlite_writes.Bulk``)."""

    def start(self):
        index = super().start()
        self.index.bulk = sqlite_writes.Bulk(self.index.write_connection)
        return index

    def finish(self):
        bulk, connection = self.index.bulk, self.index.write_connection
        try:
            if bulk is not None and not connection.needs_rollback:
                self.index.finish_bulk()
                bulk.finish()
                sqlite_writes.refresh_title_norms(connection)
        finally:
            if bulk is not None and bulk.parallel is not None:
                bulk.parallel.close()
            self.index.bulk = None
        self.transaction.__exit__(None, None, None)
        self.transaction_opened = False
        _optimize(self.index)


class ChineseSQLiteQueryCompiler(base.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, (PlainText, Phrase)):
            return FTSQuery(render.fts5(plan_for(query)))
        return super().build_search_query_content(query, config=config)

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()

    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, (PlainText, Phrase)) and plan_for(self.query).is_empty:
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class FastRankingMixin(IndexEntryReads, RelaxedRankingMixin):
    """One FTS query ranked by bm25 with LIMIT, instead of a correlated score per row.

    Used for plain relevance-ordered searches (the public search and the admin); anything else
    falls back to Wagtail's generic query.
    """

    entry_model = base.IndexEntry

    def plan(self):
        if getattr(self, "_gk_plan", None) is None:
            self._gk_plan = plan_for(self.query)
        return self._gk_plan

    def can_rank_fast(self):
        return (
            self.order_by_relevance
            and self.fields is None
            and isinstance(self.query, (PlainText, Phrase))
            and not self.plan().is_empty
        )

    def expression(self, plan, any_group=False, tight=False):
        return render.fts5(plan, any_group=any_group, tight=tight) or NEVER

    def group_expression(self, group):
        return render.fts5_group(group)

    def _entries(self, expression):
        match = base.MatchExpression(self.FTS_TABLE_FIELDS, FTSQuery(expression))
        return base.SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )

    def rows(self, expression, wanted):
        if wanted is not None and self._bounded(expression):
            found = self._title_first(expression, wanted)
            if found is not None:
                return found
        return self._ranked(expression, wanted)

    def _ranked(self, expression, wanted):
        rows = self._entries(expression).annotate(score=WeightedBM25()).order_by("score")
        rows = rows.values_list("index_entry__object_id", "score")
        # bm25() is lower for better matches: flip it so that higher is better everywhere.
        return [(oid, -score) for oid, score in self.allowed_rows(rows, wanted)]

    def _bounded(self, expression):
        """A first pass only for the whole query (not the any-word fallback), only when very
        many documents hold it (counted once per index version), and unless turned off."""
        if not getattr(settings, "SEARCH_BOUNDED_TOPK", True):
            return False
        if expression != self.expression(self.plan(), tight=True):
            return False
        found = self.cached(("matches", expression), lambda: self.frequency(expression))
        return found > FIRST_PASS_ABOVE

    def _title_first(self, expression, wanted):
        """The first pass: bm25 over the documents that hold the whole query in their title.

        The ranking adds the title share (×1) to the scaled bm25 (at most 1), so a document
        holding the query in its title outranks any holding it only in its body (but for the
        passage and article bonuses, 0.6 at most together); when at least
        ``wanted`` titles hold it, the top rows are among them, and bm25 is computed over those
        titles instead of over every match (4–5 times fewer rows read for a common word).
        Within them the order is by the title's bm25, not the title and body's."""
        rows = self._entries(f"{{title}} : ({expression})").annotate(score=WeightedBM25())
        rows = rows.order_by("score").values_list("index_entry__object_id", "score")
        kept = self.allowed_rows(rows, wanted)
        if len(kept) < wanted:
            return None
        return [(oid, -score) for oid, score in kept]

    def covering(self, expression, object_ids):
        found = self._entries(expression).filter(index_entry__object_id__in=object_ids)
        return set(found.values_list("index_entry__object_id", flat=True))

    def frequency(self, expression):
        return self._entries(expression).count()

    def count_matching(self, expression):
        allowed = self.queryset.annotate(_gk_id=Cast("pk", TextField())).values("_gk_id")
        return self._entries(expression).filter(index_entry__object_id__in=allowed).count()


class ChineseSQLiteSearchCompiler(FastRankingMixin, ChineseSQLiteQueryCompiler):
    pass


class ChineseSQLiteSearchResults(RankedResultsMixin, base.SQLiteSearchResults):
    def _fast(self):
        compiler = self.query_compiler
        return isinstance(compiler, FastRankingMixin) and compiler.can_rank_fast()


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
    rebuilder_class = ChineseSQLiteRebuilder
    atomic_rebuilder_class = ChineseSQLiteAtomicRebuilder


SearchBackend = ChineseSQLiteSearchBackend
