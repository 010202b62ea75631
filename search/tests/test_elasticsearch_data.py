"""The Elasticsearch path as data: mappings, query bodies, bulk indexing and alias switching.

No Elasticsearch server runs on these machines; the live contract run is in
test_backend_contract.py and is enabled by ELASTICSEARCH_URL.
"""

import datetime
import json
from unittest import mock

import pytest

from search.analysis import Analyzer
from search.documents import mapping, to_document
from search.engine import es_query

analyzer = Analyzer([["社治委", "城乡社区发展治理委员会"]])


def test_mapping_is_explicit():
    props = mapping()["properties"]
    assert props["title"]["analyzer"] == "cjk" and props["body"]["analyzer"] == "cjk"
    assert props["title"]["fields"]["raw"]["type"] == "keyword"
    for field in ("title_tokens", "body_tokens", "autocomplete"):
        assert props[field] == {"type": "text", "analyzer": "whitespace"}
    for field in ("type", "authority", "validity", "doc_number"):
        assert props[field]["type"] == "keyword"
    assert props["year"]["type"] == "integer" and props["date"]["type"] == "date"
    assert props["url"] == {"type": "keyword", "index": False}
    assert props["sections"] == {"type": "object", "enabled": False}


def record(**changes):
    rec = {
        "id": 7,
        "title": "青羊區社區發展治理",
        "url": "/news/7/",
        "type": "newsarticlepage",
        "type_label": "新闻",
        "date": datetime.date(2018, 10, 10),
        "year": 2018,
        "authority": [],
        "validity": "",
        "doc_number": "",
        "body": "青羊區(qū)設立社治委。",
        "sections": [],
    }
    rec.update(changes)
    return rec


def test_document_carries_folded_tokens_and_original_text():
    doc = to_document(record(), analyzer).to_dict()
    assert doc["title"] == "青羊區社區發展治理"
    assert "社区发展治理" in doc["title_tokens"].split()
    assert "社治委" in doc["body_tokens"].split() and "(qū)" not in doc["body_tokens"]
    assert doc["autocomplete"].split()[:3] == ["青", "羊", "区"]
    assert "validity" not in doc  # empty facet values are not indexed


def test_search_body_groups_alternatives_and_synonyms():
    plan = analyzer.parse_query("社治委 网格员")
    body = es_query.search_body(plan, {}, "relevance", 1, 10)
    groups = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert len(groups) == 2
    synonyms = groups[0]["bool"]["should"]
    values = [c["bool"]["should"][1]["term"]["body_tokens"]["value"] for c in synonyms]
    assert values == ["社治委", "城乡社区发展治理委员会"]
    title_clause = synonyms[0]["bool"]["should"][0]["term"]["title_tokens"]
    assert title_clause == {"value": "社治委", "boost": es_query.TITLE_BOOST}
    assert body["query"]["bool"]["should"][1]["multi_match"]["fields"][1] == "body"


def test_search_body_is_relaxed_and_boosts_documents_with_every_term():
    plan = analyzer.parse_query("孩子上学有什么补助")
    query = es_query.match_query(plan)["bool"]
    relaxed = query["must"][0]["bool"]
    # 有/什么 are dropped; one of the three remaining words is enough to match (no
    # share-of-words gate: ranking decides, documents holding every word lead).
    assert len(relaxed["should"]) == 3 and relaxed["minimum_should_match"] == 1
    full = query["should"][0]["bool"]
    assert full["must"] == relaxed["should"] and full["_name"] == es_query.FULL_MATCH
    assert full["boost"] > 1


def test_doc_number_and_phrase_bodies():
    plan = analyzer.parse_query('成委发(2017)27号 "城乡 社区"')
    must = es_query.match_query(plan)["bool"]["must"][0]["bool"]["should"]
    phrase = must[0]["bool"]["should"][1]["match_phrase"]["body_tokens"]["query"]
    assert phrase == "城 乡 社 区"
    assert must[1]["bool"]["should"][1]["term"]["body_tokens"]["value"] == "成委发2017n27号"


def test_filters_are_post_filters_and_facets_exclude_their_own_filter():
    plan = analyzer.parse_query("社区")
    filters = {"year": 2017, "validity": "有效"}
    body = es_query.search_body(plan, filters, "newest", 3, 10)
    assert body["post_filter"] == {
        "bool": {"filter": [{"term": {"year": 2017}}, {"term": {"validity": "有效"}}]}
    }
    assert body["aggs"]["year"]["filter"] == {"bool": {"filter": [{"term": {"validity": "有效"}}]}}
    assert body["aggs"]["type"]["filter"]["bool"]["filter"] == body["post_filter"]["bool"]["filter"]
    assert body["aggs"]["year"]["aggs"]["values"]["terms"]["order"] == {"_key": "desc"}
    assert body["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    assert body["from"] == 20 and body["size"] == 10


def _term_values(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "term" and isinstance(value, dict):
                for clause in value.values():
                    yield clause["value"] if isinstance(clause, dict) else clause
            else:
                yield from _term_values(value)
    elif isinstance(node, list):
        for item in node:
            yield from _term_values(item)


def test_hostile_query_yields_only_plain_term_values():
    plan = analyzer.parse_query('title:"*" NEAR/2 AND OR {"script": 1}')
    body = es_query.search_body(plan, {}, "relevance", 1, 10)
    values = list(_term_values(body["query"]))
    assert values and all(v.isalnum() for v in values)
    assert "query_string" not in json.dumps(body)


@pytest.mark.django_db
def test_rebuild_fills_a_new_index_then_swaps_the_alias(chinese_backend):
    from search.engine.elastic import ElasticsearchEngine
    from search.tests.factories import news_page

    news_page("简阳市社区治理", body="简阳")
    client = mock.MagicMock()
    client.indices.exists_alias.return_value = True
    client.indices.get_alias.return_value = {"gongkai-pages-old": {}}
    sent = []

    def fake_bulk(_client, actions):
        for action in actions:
            sent.append(action)
            yield True, {}

    engine = ElasticsearchEngine(client, alias="gongkai-pages")
    with mock.patch("elasticsearch.helpers.streaming_bulk", fake_bulk):
        count = engine.rebuild()
    new_index = client.indices.create.call_args.kwargs["index"]
    assert new_index.startswith("gongkai-pages-") and new_index != "gongkai-pages-old"
    assert client.indices.create.call_args.kwargs["mappings"] == mapping()
    assert count == len(sent) >= 1
    assert {a["_index"] for a in sent} == {new_index}
    assert any(a["_source"]["title"] == "简阳市社区治理" for a in sent)
    client.indices.update_aliases.assert_called_once_with(
        actions=[
            {"remove": {"index": "gongkai-pages-old", "alias": "gongkai-pages"}},
            {"add": {"index": new_index, "alias": "gongkai-pages"}},
        ]
    )
    client.indices.delete.assert_called_once_with(
        index="gongkai-pages-old", ignore_unavailable=True
    )


def test_conditions_in_words_become_boosts_not_filters():
    from search.analysis import constraints

    found = constraints.parse(
        "2019年国务院办公厅关于医院的文件现行有效", ["国务院", "国务院办公厅"], {}
    )
    plan = analyzer.parse_query(found.text)
    body = es_query.search_body(plan, {}, found=found)
    query = body["query"]["bool"]
    # The match stays required; each condition only lifts the documents meeting it.
    assert query["must"] == [es_query.match_query(plan)]
    filters = [c["constant_score"]["filter"] for c in query["should"]]
    assert {"range": {"year": {"gte": 2019, "lte": 2019}}} in filters
    assert {"term": {"validity": "有效"}} in filters
    assert {"terms": {"authority": ["国务院办公厅"]}} in filters
    assert all(c["constant_score"]["boost"] == es_query.CONDITION_BOOST for c in query["should"])
    # Without conditions the body is what it was.
    assert es_query.search_body(plan, {})["query"] == es_query.match_query(plan)
