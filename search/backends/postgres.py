"""PostgreSQL backend: Wagtail's backend on segmented text with the 'simple' configuration."""

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres import postgres as base
from modelsearch.query import Phrase, PlainText

from ..runtime import get_analyzer
from . import render
from .indexing import analysed

NEVER = "'0gongkai0nomatch0'"


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


class ChinesePostgresAutocompleteCompiler(base.PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            tokens = render.autocomplete_tokens(get_analyzer(), query.query_string)
            text = render.tsquery_autocomplete(tokens) or NEVER
            return SearchQuery(text, search_type="raw", config="simple")
        return super().build_tsquery_content(query, config=config, invert=invert)


class ChinesePostgresSearchBackend(base.PostgresSearchBackend):
    query_compiler_class = ChinesePostgresQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteCompiler
    index_class = ChinesePostgresIndex

    def __init__(self, params):
        super().__init__(params)
        # Our text is already segmented and folded: no stemming, no stop words.
        self.config = "simple"


SearchBackend = ChinesePostgresSearchBackend
