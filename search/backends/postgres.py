"""PostgreSQL backend: Wagtail's backend on segmented text with the 'simple' configuration."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, Q, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres import postgres as base
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from ..runtime import get_analyzer
from . import frequencies, indexing, postgres_writes, render, rum
from .entries import IndexEntryReads
from .planning import plan_for
from .ranked_results import RankedResultsMixin, RelaxedRankingMixin

NEVER = "'0gongkai0nomatch0'"
TITLE_WEIGHT = 4.0
# Rows read in rank order from each RUM index (title, body) for a top-k read: at least this
# many, and four times the rows wanted.
RUM_DEPTH = 200


class ChinesePostgresIndex(base.PostgresIndex):
    # A full rebuild in progress (postgres_writes.Bulk), set by the rebuilders.
    bulk = None

    def add_items(self, model, objs):
        if model.get_search_fields():
            parallel = indexing.parallel_for(self.bulk, objs)
            if parallel is None:
                postgres_writes.write(self, model, objs, get_analyzer().index_text)
            else:
                ready = parallel.submit(model, objs)
                if ready:
                    postgres_writes.write_analysed(self, *ready)
        frequencies.forget()

    def finish_bulk(self):
        """The end of a rebuild's writes: the batch still with the workers written."""
        indexing.close_parallel(
            self.bulk, lambda *ready: postgres_writes.write_analysed(self, *ready)
        )

    def delete_item(self, item):
        super().delete_item(item)
        frequencies.forget()

    def reset(self):
        super().reset()
        frequencies.forget()


def _finish_bulk(index, connection):
    bulk = index.bulk
    try:
        if bulk is not None and not connection.needs_rollback:
            index.finish_bulk()
    finally:
        if bulk is not None and bulk.parallel is not None:
            bulk.parallel.close()
        index.bulk = None


class ChinesePostgresRebuilder(base.PostgresSearchRebuilder):
    """A full rebuild defers the RUM indexes' upkeep: they are dropped at the start and built
    again, in one sorted pass, at the end (searches meanwhile use the GIN indexes). Each row
    inserted into a RUM index otherwise costs a search of the index and a page write."""

    def start(self):
        connection = self.index.write_connection
        if rum.available(connection):
            rum.drop_indexes(connection)
        index = super().start()
        self.index.bulk = postgres_writes.Bulk(connection)
        return index

    def finish(self):
        connection = self.index.write_connection
        _finish_bulk(self.index, connection)
        postgres_writes.refresh_title_norms(connection)
        rum.restore(connection)
        postgres_writes.merge_pending_entries(connection)


class ChinesePostgresAtomicRebuilder(base.PostgresSearchAtomicRebuilder):
    """The default rebuild (Wagtail's ATOMIC_REBUILD): one transaction, so searches see the old
    index until it commits. The RUM indexes are dropped before the transaction opens (dropping
    them inside it would lock the table against searches for the whole rebuild; meanwhile
    searches use the GIN indexes) and built again after it commits. The closing title-norm
    refresh writes only the rows whose norm changes (Wagtail's rewrites every row: a new
    version of each and new entries in every index)."""

    def start(self):
        connection = self.index.write_connection
        # Inside a caller's transaction (tests) the indexes stay: building them there would
        # lock the table until the caller commits.
        self.deferred = not connection.in_atomic_block
        if self.deferred and rum.available(connection):
            rum.drop_indexes(connection)
        index = super().start()
        self.index.bulk = postgres_writes.Bulk(connection)
        return index

    def finish(self):
        connection = self.index.write_connection
        _finish_bulk(self.index, connection)
        if not connection.needs_rollback:
            postgres_writes.refresh_title_norms(connection)
        self.transaction.__exit__(None, None, None)
        self.transaction_opened = False
        if self.deferred:
            rum.restore(connection)
        postgres_writes.merge_pending_entries(connection)


class ChinesePostgresQueryCompiler(base.PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, (PlainText, Phrase)):
            text = render.tsquery(plan_for(query)) or NEVER
            if invert:
                text = f"!({text})"
            return SearchQuery(text, search_type="raw", config="simple")
        return super().build_tsquery_content(query, config=config, invert=invert)

    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, (PlainText, Phrase)) and plan_for(self.query).is_empty:
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class FastRankingCompiler(IndexEntryReads, RelaxedRankingMixin, ChinesePostgresQueryCompiler):
    """Relevance-ordered plain searches query the index table directly, so the GIN indexes on
    title and body are used and only the best rows are ranked and fetched."""

    entry_model = base.IndexEntry
    title_column = "title_text"
    body_column = "body_text"

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
        return render.tsquery(plan, any_group=any_group, tight=tight) or NEVER

    def group_expression(self, group):
        return render.tsquery_group(group)

    def _entries(self, expression):
        query = SearchQuery(expression, search_type="raw", config="simple")
        entries = base.IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
        ).filter(Q(title=query) | Q(body=query))
        return entries, query

    def rows(self, expression, wanted):
        if wanted is not None:
            found = self._rum_rows(expression, wanted)
            if found is not None:
                return found
        entries, query = self._entries(expression)
        rows = entries.annotate(
            score=SearchRank(F("title"), query) * TITLE_WEIGHT * F("title_norm")
            + SearchRank(F("body"), query)
        ).order_by("-score", "-id")
        return self.allowed_rows(rows.values_list("object_id", "score"), wanted)

    def _rum_rows(self, expression, wanted):
        """The best rows through the RUM indexes (None: not available, or too few candidates
        survived the queryset's restriction — then every match is ranked)."""
        connection = connections[self.queryset.db]
        if expression == NEVER or not rum.available(connection):
            return None
        types = get_descendants_content_types_pks(self.queryset.model)
        depth = max(RUM_DEPTH, 4 * wanted)
        rows, complete = rum.candidates(connection, expression, types, depth, TITLE_WEIGHT)
        kept = self.allowed_rows(rows, wanted)
        return kept if complete or len(kept) >= wanted else None

    def covering(self, expression, object_ids):
        entries, _query = self._entries(expression)
        return set(entries.filter(object_id__in=object_ids).values_list("object_id", flat=True))

    def frequency(self, expression):
        return self._entries(expression)[0].count()

    def count_matching(self, expression):
        entries, _query = self._entries(expression)
        allowed = self.queryset.annotate(_gk_id=Cast("pk", TextField())).values("_gk_id")
        return entries.filter(object_id__in=allowed).count()


class ChinesePostgresSearchResults(RankedResultsMixin, base.PostgresSearchResults):
    def _fast(self):
        compiler = self.query_compiler
        return isinstance(compiler, FastRankingCompiler) and compiler.can_rank_fast()


class ChinesePostgresAutocompleteCompiler(base.PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            tokens = render.autocomplete_tokens(get_analyzer(), query.query_string)
            text = render.tsquery_autocomplete(tokens) or NEVER
            return SearchQuery(text, search_type="raw", config="simple")
        return super().build_tsquery_content(query, config=config, invert=invert)


class ChinesePostgresSearchBackend(base.PostgresSearchBackend):
    query_compiler_class = FastRankingCompiler
    results_class = ChinesePostgresSearchResults
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteCompiler
    index_class = ChinesePostgresIndex
    rebuilder_class = ChinesePostgresRebuilder
    atomic_rebuilder_class = ChinesePostgresAtomicRebuilder

    def __init__(self, params):
        super().__init__(params)
        # Our text is already segmented and folded: no stemming, no stop words.
        self.config = "simple"


SearchBackend = ChinesePostgresSearchBackend
