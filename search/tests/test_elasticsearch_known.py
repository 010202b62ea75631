"""Elasticsearch as data: known items by name or 索引号, and the typo fallback, like the database
engine (the client is a stand-in; the live run is test_backend_contract.py)."""

import datetime
import json
from unittest import mock

import pytest

from search.analysis import Analyzer
from search.engine import SearchRequest, es_query
from search.engine.elastic import ElasticsearchEngine
from search.tests.factories import policy_doc

analyzer = Analyzer()


def test_a_known_document_is_added_and_scored_above_every_hit():
    plan = analyzer.parse_query("民法典")
    body = es_query.search_body(plan, {"year": 2020}, "relevance", 1, 10, known=42)
    pinned, query = body["query"]["bool"]["should"]
    assert pinned["constant_score"]["filter"] == {"ids": {"values": ["42"]}}
    assert pinned["constant_score"]["_name"] == es_query.KNOWN_ITEM
    assert pinned["constant_score"]["boost"] > 100 * es_query.FULL_BOOST
    assert query == es_query.match_query(plan)
    # Filters still apply to the known document.
    assert body["post_filter"] == {"bool": {"filter": [{"term": {"year": 2020}}]}}
    assert es_query.search_body(plan, {})["query"] == es_query.match_query(plan)


def test_near_misses_need_enough_bigrams_and_leave_out_real_matches():
    bigrams = analyzer.parse_query('"失业" "业保" "保验" "验条" "条例"')
    body = es_query.near_miss_body(bigrams, 3, {"validity": "有效"}, exclude=[5], size=10)
    query = body["query"]["bool"]
    phrases = [c["bool"]["should"][1]["match_phrase"]["body_tokens"] for c in query["should"]]
    phrases = [p["query"] for p in phrases]
    assert phrases == ["失 业", "业 保", "保 验", "验 条", "条 例"]
    assert query["minimum_should_match"] == 3
    assert query["must_not"] == [{"ids": {"values": ["5"]}}]
    assert body["post_filter"]["bool"]["filter"] == [{"term": {"validity": "有效"}}]


def _hit(page, named=()):
    source = {
        "title": page.title,
        "url": page.url,
        "type": "policypage",
        "type_label": "政策文件",
        "date": "2020-05-28",
        "body": "",
        "sections": [],
    }
    return {"_id": str(page.pk), "_score": 1.0, "_source": source, "matched_queries": list(named)}


def _answer(hits):
    return {"hits": {"total": {"value": len(hits)}, "hits": hits}, "aggregations": {}}


@pytest.fixture
def code(chinese_backend, db):
    return policy_doc(
        "中华人民共和国民法典",
        body="第一条 为了保护民事主体的合法权益，制定本法。",
        index_number="000014349/2020-00101",
        published_date=datetime.date(2020, 5, 28),
    )


def _engine(search, misspelt=""):
    """An engine on a stand-in client; a phrase holding ``misspelt`` counts 0, others 1."""
    client = mock.MagicMock()
    client.search.side_effect = search

    def count(**kw):
        text = json.dumps(kw["body"], ensure_ascii=False)
        return {"count": 0 if misspelt and " ".join(misspelt) in text else 1}

    client.count.side_effect = count
    return ElasticsearchEngine(client, alias="gongkai-pages"), client


@pytest.mark.parametrize("query", ["《民法典》", "民法典"])
def test_a_document_asked_for_by_name_leads_without_a_jump(code, query):
    engine, client = _engine(lambda **kw: _answer([_hit(code, [es_query.KNOWN_ITEM])]))
    resp = engine.search(SearchRequest(q=query))
    pinned = client.search.call_args_list[0].kwargs["body"]["query"]["bool"]["should"][0]
    assert pinned["constant_score"]["filter"] == {"ids": {"values": [str(code.pk)]}}
    assert resp.jump_url == "" and client.search.call_count == 1
    assert [h.title for h in resp.hits] == ["中华人民共和国民法典"] and not resp.hits[0].partial


def test_an_index_number_jumps_and_leads_the_list(code):
    engine, client = _engine(lambda **kw: _answer([_hit(code, [es_query.KNOWN_ITEM])]))
    resp = engine.search(SearchRequest(q=" ０００014349/2020-00101 "))
    assert resp.jump_url == code.url
    pinned = client.search.call_args.kwargs["body"]["query"]["bool"]["should"][0]
    assert pinned["constant_score"]["filter"] == {"ids": {"values": [str(code.pk)]}}


@pytest.mark.django_db
def test_one_wrong_character_finds_near_misses_and_a_correction(chinese_backend):
    law = policy_doc("失业保险条例", body="失业保险金的标准由省级人民政府确定。")

    def search(**kw):
        # The real query finds nothing; the bigram query finds the 条例.
        return _answer([] if "aggs" in kw["body"] else [_hit(law)])

    engine, client = _engine(search, misspelt="失业保验条例")
    resp = engine.search(SearchRequest(q="失业保验条例"))
    assert [h.title for h in resp.hits] == ["失业保险条例"]
    assert resp.hits[0].partial and resp.fuzzy and resp.match == "partial"
    assert resp.did_you_mean == [{"query": "失业保险条例", "count": 1}]
    near = client.search.call_args_list[1].kwargs["body"]["query"]["bool"]
    assert near["minimum_should_match"] == 3 and len(near["should"]) == 5


@pytest.mark.django_db
def test_no_fallback_when_the_query_is_found_as_written(chinese_backend):
    law = policy_doc("失业保险条例", body="失业保险金的标准由省级人民政府确定。")
    engine, client = _engine(lambda **kw: _answer([_hit(law, [es_query.FULL_MATCH])]))
    resp = engine.search(SearchRequest(q="失业保险条例"))
    assert client.search.call_count == 1
    assert not resp.fuzzy and resp.did_you_mean == [] and not resp.hits[0].partial
