"""The embedded engine: Wagtail's search backend (ours, with Chinese analysis) for matching and
ranking; facets, sorting and snippets over the best matches."""

import re
import unicodedata

from django.db.models import prefetch_related_objects
from wagtail.models import Page, Site, get_page_models

from .. import extract
from ..backends.planning import PlannedQuery
from ..runtime import get_analyzer
from . import known, results, suggest, typos, understand
from .base import SearchResponse

MAX_HITS = 500


def public_pages():
    return Page.objects.live().public().filter(depth__gt=1)


def type_choices():
    """{type key: label} for every page type that has search fields."""
    return {
        extract.type_key(model): extract.type_label(model)
        for model in get_page_models()
        if model is not Page and not model._meta.abstract
    }


# 索引号 as governments publish them: 000014349/2018-00230 (organisation code / year - serial).
INDEX_NUMBER_RE = re.compile(r"[0-9A-Za-z]{6,20}/\d{4}-\d{3,8}")


def find_by_field(field_name, value):
    """The live public page whose ``field_name`` is exactly value, if any page type has it."""
    if not value:
        return None
    for model in get_page_models():
        names = {f.name for f in model._meta.get_fields()}
        if field_name in names and model._meta.model_name != "page":
            matching = model.objects.filter(**{field_name: value}).values("pk")
            page = public_pages().type(model).filter(pk__in=matching).first()
            if page:
                return page.specific
    return None


def find_by_doc_number(number):
    """The live public page whose doc_number is exactly this canonical number, if any."""
    return find_by_field("doc_number", number)


def index_number_of(query):
    """The 索引号 when the whole query is one (any width, spaces ignored), else ""."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", query or ""))
    return text if INDEX_NUMBER_RE.fullmatch(text) else ""


def known_item(plan, query):
    """(page, jumps) for a query that asks for one document, else (None, False).

    An exact 发文字号 or 索引号 jumps to the document (``jumps``); a document asked for by its name
    (《民法典》, 村委会组织法) leads the list without a redirect. Every engine resolves names
    this way, against the live pages, so they answer alike.
    """
    jump = find_by_doc_number(plan.only_doc_number) or find_by_field(
        "index_number", index_number_of(query)
    )
    if jump:
        return jump, True
    return known.find_by_name(public_pages(), query, get_analyzer().synonyms), False


class DatabaseEngine:
    name = "database"

    def match(self, plan, limit=MAX_HITS):
        """(page id, coverage) of the best matches; coverage 1.0 = the page holds every term."""
        found = public_pages().search(PlannedQuery(plan), order_by_relevance=True)[:limit]
        return [(page.pk, getattr(page, "search_coverage", 1.0)) for page in found]

    def match_ids(self, query, limit=MAX_HITS):
        return [pk for pk, _ in self.match(get_analyzer().parse_query(query), limit)]

    def count(self, query):
        return public_pages().search(PlannedQuery(get_analyzer().parse_query(query))).count()

    def records(self, ids):
        """Facet data of the matched pages, in rank order (text is read later, per shown hit)."""
        pages = list(Page.objects.filter(pk__in=ids).specific())
        # Every page's URL from one read of the site root paths (Wagtail reads them once per
        # page object otherwise: a cache query per matched page).
        root_paths = Site.get_site_root_paths()
        for page in pages:
            page._wagtail_cached_site_root_paths = root_paths
        by_class = {}
        for page in pages:
            by_class.setdefault(type(page), []).append(page)
        for model, group in by_class.items():
            field_names = {f.name for f in model._meta.get_fields()}
            if "issuing_authorities" in field_names:
                prefetch_related_objects(group, "issuing_authorities")
            if "relations_in" in field_names:  # today's validity, without a query per page
                prefetch_related_objects(group, "relations_in__page")
        by_id = {page.pk: page for page in pages}
        recs = []
        for rank, pk in enumerate(ids):
            page = by_id.get(pk)
            if page is not None:
                rec = extract.record(page, full=False)
                rec["score"] = float(len(ids) - rank)
                recs.append(rec)
        return recs

    def search(self, req):
        meant = understand.understand(req.q, req.literal, known_word=self.count)
        plan = get_analyzer().parse_query(meant.text)
        resp = SearchResponse(request=req, plan=plan, messages=list(req.messages))
        understand.describe(resp, meant, req.q)
        if plan.truncated:
            resp.messages.append("检索词过长，只使用了前100个字。")
        if plan.is_empty:
            return resp
        labels = type_choices()
        filters = req.filters()
        if req.type and req.type not in labels:
            resp.messages.append("内容类型无效，已忽略该条件。")
            filters.pop("type")
        jump, jumps = known_item(plan, meant.text)
        matched, thin = results.split_by_evidence(self.match(plan))
        unknown = []
        if len(matched) < typos.MIN_RESULTS and not jumps and not plan.phrases:
            # Runs of characters the index does not hold as written: likely typos.
            unknown = [run for run in typos.han_runs(plan) if not self.count(f'"{run}"')]
        if unknown:
            near = self.near_misses(plan, exclude={pk for pk, _ in matched + thin})
            resp.fuzzy = bool(near)
            matched += near
        # Thin hits are never dropped: a query with content words always retrieves.
        matched += thin
        if jumps:
            resp.jump_url = jump.get_url() or ""
        if jump:
            matched = [(jump.pk, 1.0)] + [row for row in matched if row[0] != jump.pk]
        coverage = dict(matched)
        recs = self.records([pk for pk, _ in matched])
        for rec in recs:
            rec["coverage"] = coverage.get(rec["id"], 1.0)
        recs = understand.boost(recs, meant.constraints)
        resp.facets = results.facet_counts(recs, filters, labels)
        selected = results.sort_records(results.apply_filters(recs, filters), req.sort)
        resp.count = len(selected)
        start = (req.page - 1) * req.per_page
        page_recs = selected[start : start + req.per_page]
        linked = extract.linked_attachments([rec["page"].pk for rec in page_recs])
        shown = [
            {**extract.record(rec["page"], linked=linked), "coverage": rec["coverage"]}
            for rec in page_recs
        ]
        resp.hits = [results.make_hit(rec, plan) for rec in shown]
        resp.match = results.match_kind(selected)
        if resp.count and not resp.hits:
            resp.messages.append("页码超出范围。")
        if not resp.count or resp.match == "partial":
            resp.suggestions = self.suggestions(plan, req.q)
        if unknown:
            resp.did_you_mean = self.did_you_mean(plan, recs, unknown)
        understand.offer_guess(resp, meant)
        return resp

    def near_misses(self, plan, exclude):
        """(id, coverage) of pages sharing enough character bigrams with the query (typos).

        They follow the strong matches and are marked as partial.
        """
        query = typos.bigram_query(plan)
        if not query:
            return []
        bigrams = get_analyzer().parse_query(query)
        floor = max(typos.MIN_BIGRAM_SHARE, typos.MIN_BIGRAMS / len(bigrams.groups))
        return [
            (pk, results.NEAR_MISS_COVERAGE)
            for pk, c in self.match(bigrams, limit=50)
            if c >= floor and pk not in exclude
        ]

    def did_you_mean(self, plan, recs, runs):
        """The "您是不是要找" queries that find something, with their counts."""
        return typos.found_suggestions(plan, recs, runs, self.count)

    def suggestions(self, plan, query):
        out = []
        other = suggest.other_script(query.strip())
        if other:
            out.append({"query": other, "count": None, "note": "另一种字形（已一并检索）"})
        for candidate in suggest.broader_queries(plan):
            count = self.count(candidate)
            if count:
                out.append({"query": candidate, "count": count, "note": "更宽泛的检索词"})
        return out

    def autocomplete(self, prefix, limit=8):
        if not prefix.strip():
            return []
        pages = public_pages().autocomplete(prefix[:50])[:limit]
        return [{"title": p.title, "url": p.get_url() or p.url_path} for p in pages]
