"""The Elasticsearch engine: bulk indexing through an alias, searches built by es_query."""

import datetime
import logging
import math
import time

from django.conf import settings

from .. import extract
from ..documents import DEFAULT_ALIAS, INDEX_SETTINGS, PageDocument, mapping, to_document
from ..runtime import get_analyzer
from . import es_query, results, suggest, typos, understand
from .base import SearchResponse
from .database import known_item, public_pages, type_choices

logger = logging.getLogger(__name__)
CHUNK = 200
# A hit named by one of these clauses holds the whole query (or is the document asked for).
_FULL = {es_query.FULL_MATCH, es_query.KNOWN_ITEM}


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, client, alias=DEFAULT_ALIAS):
        self.client = client
        self.alias = alias

    @classmethod
    def from_settings(cls):
        from elasticsearch import Elasticsearch

        url = getattr(settings, "ELASTICSEARCH_URL", "")
        if not url:
            raise RuntimeError("SEARCH_BACKEND=elasticsearch 需要设置 ELASTICSEARCH_URL")
        alias = getattr(settings, "ELASTICSEARCH_INDEX", DEFAULT_ALIAS)
        return cls(Elasticsearch(url, request_timeout=10), alias)

    # -- indexing -------------------------------------------------------------------------------
    def _actions(self, index, pages):
        analyzer = get_analyzer()
        for page in pages:
            doc = to_document(extract.record(page), analyzer)
            yield {"_op_type": "index", "_index": index, "_id": page.pk, "_source": doc.to_dict()}

    def rebuild(self, progress=None):
        """Fill a new index, then move the alias to it in one step and drop the old ones."""
        from elasticsearch.helpers import streaming_bulk

        new_index = (
            f"{self.alias}-{datetime.datetime.now():%Y%m%d%H%M%S}-{time.monotonic_ns() % 10**6}"
        )
        self.client.indices.create(index=new_index, settings=INDEX_SETTINGS, mappings=mapping())
        ids = list(public_pages().values_list("pk", flat=True))
        done = 0
        for start in range(0, len(ids), CHUNK):
            pages = public_pages().filter(pk__in=ids[start : start + CHUNK]).specific()
            for ok, item in streaming_bulk(self.client, self._actions(new_index, pages)):
                if not ok:
                    logger.error("Elasticsearch indexing failed: %s", item)
                done += 1
                if progress:
                    progress(done, len(ids))
        self.client.indices.refresh(index=new_index)
        old = (
            list(self.client.indices.get_alias(name=self.alias, ignore_unavailable=True).keys())
            if self.client.indices.exists_alias(name=self.alias)
            else []
        )
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for name in old:
            self.client.indices.delete(index=name, ignore_unavailable=True)
        return done

    def update_page(self, page):
        """Index a page if it is live and public, remove it otherwise."""
        visible = public_pages().filter(pk=page.pk).exists()
        if not visible:
            return self.delete_page(page.pk)
        doc = to_document(extract.record(page.specific), get_analyzer())
        self.client.index(index=self.alias, id=page.pk, document=doc.to_dict(), refresh=True)
        return True

    def delete_page(self, page_id):
        self.client.delete(index=self.alias, id=page_id, ignore=[404], refresh=True)
        return False

    # -- querying -------------------------------------------------------------------------------
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
        known, jumps = known_item(plan, meant.text)
        if jumps:
            resp.jump_url = known.get_url() or ""
        known_id = known.pk if known else None
        body = es_query.search_body(
            plan, filters, req.sort, req.page, req.per_page, known_id, meant.constraints
        )
        answer = self.client.search(index=self.alias, body=body)
        resp.count = answer["hits"]["total"]["value"]
        recs = [self._record(h) for h in answer["hits"]["hits"]]
        unknown = []
        # No gate, so the count is rarely small: misspelling is judged by how few hits hold
        # the whole query (Elasticsearch tags them all-terms; it does not report shares).
        strong = sum(1 for rec in recs if rec.get("coverage", 1.0) >= 1.0)
        if strong < typos.MIN_RESULTS and not jumps and not plan.phrases:
            # Runs of characters the index does not hold as written: likely typos.
            unknown = [run for run in typos.han_runs(plan) if not self.count(f'"{run}"')]
        if unknown and req.page == 1:
            recs = self._with_near_misses(resp, plan, filters, recs)
        resp.hits = [results.make_hit(rec, plan) for rec in recs]
        resp.facets = self._facets(answer.get("aggregations", {}), labels)
        resp.match = results.match_kind([{"coverage": 1.0 - h.partial} for h in resp.hits])
        if not resp.count or resp.match == "partial":
            resp.suggestions = self.suggestions(plan, req.q)
        if unknown:
            resp.did_you_mean = self.did_you_mean(plan, recs, unknown)
        understand.offer_guess(resp, meant)
        return resp

    def _with_near_misses(self, resp, plan, filters, recs):
        """recs followed by the near misses that fit on the first page (counted in resp)."""
        per_page = resp.request.per_page
        near = self.near_misses(plan, filters, {r["id"] for r in recs}, per_page)
        resp.count += len(near)
        resp.fuzzy = bool(near)
        return recs + near[: max(0, per_page - len(recs))]

    def near_misses(self, plan, filters, exclude, size):
        """Records of pages sharing enough character bigrams with the query (typos), below
        thin evidence so they follow every real match and are marked partial."""
        query = typos.bigram_query(plan)
        if not query:
            return []
        bigrams = get_analyzer().parse_query(query)
        count = len(bigrams.groups)
        minimum = max(typos.MIN_BIGRAMS, math.ceil(typos.MIN_BIGRAM_SHARE * count))
        body = es_query.near_miss_body(bigrams, minimum, filters, exclude, size)
        answer = self.client.search(index=self.alias, body=body)
        recs = [self._record(h) for h in answer["hits"]["hits"]]
        for rec in recs:
            rec["coverage"] = results.NEAR_MISS_COVERAGE
        return recs

    def did_you_mean(self, plan, recs, runs):
        """The "您是不是要找" queries that find something, with their counts."""
        return typos.found_suggestions(plan, recs, runs, self.count)

    @staticmethod
    def _record(hit):
        src = hit["_source"]
        date = datetime.date.fromisoformat(src["date"][:10]) if src.get("date") else None
        return {
            "id": int(hit["_id"]),
            "title": src.get("title", ""),
            "url": src.get("url", ""),
            "type": src.get("type", ""),
            "type_label": src.get("type_label", ""),
            "date": date,
            "validity": src.get("validity") or "",
            "doc_number": src.get("doc_number") or "",
            "body": src.get("body", ""),
            "sections": [(s["anchor"], s["heading"], s["text"]) for s in src.get("sections") or []],
            "attachments": src.get("attachments") or [],
            "score": hit.get("_score") or 0.0,
            "coverage": 1.0 if set(hit.get("matched_queries") or []) & _FULL else 0.5,
        }

    @staticmethod
    def _facets(aggs, labels):
        facets = {}
        for key, agg in aggs.items():
            buckets = agg.get("values", {}).get("buckets", [])
            names = labels if key == "type" else {}
            facets[key] = [
                (b["key"], names.get(b["key"], str(b["key"])), b["doc_count"]) for b in buckets
            ]
        return facets

    def count(self, query):
        plan = get_analyzer().parse_query(query)
        if plan.is_empty:
            return 0
        return self.client.count(index=self.alias, body=es_query.count_body(plan))["count"]

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
        from ..analysis.analyzer import unigrams

        tokens = unigrams(get_analyzer().phrase_tokens(prefix[:50]))
        if not tokens:
            return []
        answer = self.client.search(
            index=self.alias, body=es_query.autocomplete_body(tokens, limit)
        )
        return [
            {"title": h["_source"]["title"], "url": h["_source"]["url"]}
            for h in answer["hits"]["hits"]
        ]


__all__ = ["ElasticsearchEngine", "PageDocument"]
