"""PostgreSQL backend: Wagtail's backend on segmented text with the 'simple' configuration."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres import postgres as base
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from ..runtime import get_analyzer
from . import render
from .indexing import analysed
from .ranked_results import RankedResultsMixin

NEVER = "'0gongkai0nomatch0'"
TITLE_WEIGHT = 4.0


def _plan_for(query):
    text = query.query_string
    if isinstance(query, Phrase):
        text = '"' + text.replace('"', " ") + '"'
    return get_analyzer().parse_query(text)


class ChinesePostgresIndex(base.PostgresIndex):
    def add_items(self, model, objs):
        analyzer = get_analyzer()
        super().add_items(model, analysed(objs, analyzer.index_text))


class ChinesePostgresQueryCompiler(base.PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, (PlainText, Phrase)):
            text = render.tsquery(_plan_for(query)) or NEVER
            if invert:
                text = f"!({text})"
            return SearchQuery(text, search_type="raw", config="simple")
        return super().build_tsquery_content(query, config=config, invert=invert)

    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, (PlainText, Phrase)) and _plan_for(self.query).is_empty:
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class FastRankingCompiler(ChinesePostgresQueryCompiler):
    """Relevance-ordered plain searches query the index table directly, so the GIN indexes on
    title and body are used and only the best rows are ranked and fetched."""

    def can_rank_fast(self):
        return (
            self.order_by_relevance
            and self.fields is None
            and isinstance(self.query, (PlainText, Phrase))
            and not _plan_for(self.query).is_empty
        )

    def ranked_entries(self, restrict=True):
        query = self.build_tsquery(self.query, config="simple")
        entries = base.IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
        ).filter(Q(title=query) | Q(body=query))
        if restrict:
            allowed = self.queryset.annotate(_gk_id=Cast("pk", TextField())).values("_gk_id")
            entries = entries.filter(object_id__in=allowed)
        return entries.annotate(
            score=SearchRank(F("title"), query) * TITLE_WEIGHT * F("title_norm")
            + SearchRank(F("body"), query)
        )

    def ranked_ids(self, start, stop):
        """Best rows first, checked against the queryset (see the SQLite backend)."""
        rows = self.ranked_entries(restrict=False).order_by("-score", "-id")
        rows = rows.values_list("object_id", "score")
        start = start or 0
        pk_field = self.queryset.model._meta.pk
        kept, offset, batch = [], 0, max(50, 2 * (stop or 0))
        while stop is None or len(kept) < stop:
            chunk = list(rows) if stop is None else list(rows[offset : offset + batch])
            if not chunk:
                break
            ids = [pk_field.to_python(object_id) for object_id, _ in chunk]
            allowed = set(self.queryset.filter(pk__in=ids).values_list("pk", flat=True))
            kept.extend(row for row, pk in zip(chunk, ids, strict=True) if pk in allowed)
            if stop is None or len(chunk) < batch:
                break
            offset += batch
            batch *= 2
        return kept[start:stop]


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

    def __init__(self, params):
        super().__init__(params)
        # Our text is already segmented and folded: no stemming, no stop words.
        self.config = "simple"


SearchBackend = ChinesePostgresSearchBackend
