"""What a collection gathers: criteria combinations, pinned order, paging and reader filters."""

import datetime

import pytest
from django.utils import timezone

from policies.models import RelationType
from policies.tests.factories import make_policy, relate

from .factories import make_collection

pytestmark = pytest.mark.django_db


def titles(collection, **params):
    result = collection.collection(params)
    return [item.page.title for item in result.page.object_list]


def test_no_criteria_lists_every_content_type_newest_first(corpus):
    collection = make_collection()
    assert titles(collection) == [
        "四川社区治理试点示范一年",
        "解读：四川省最低生活保障办法",
        "四川省最低生活保障办法",
        "咸宁“六联六带”案例",
        "咸宁市社区建设投入机制指导意见",
        "成都社区营造案例",
        "成都市城乡社区发展治理30条",
        "四川省临时救助暂行办法",
    ]


def test_topic_and_validity_give_valid_policies_with_their_interpretations(corpus):
    collection = make_collection(
        content_types=["policy", "interpretation"],
        topic_ids=[corpus.topic("社会救助").pk],
        validity=["有效"],
    )
    assert titles(collection) == ["解读：四川省最低生活保障办法", "四川省最低生活保障办法"]


def test_validity_follows_repeals_by_relation_as_everywhere_else(corpus):
    """A repeal recorded as a relation counts from its date; a pending one does not yet."""
    today = timezone.localdate()
    new = make_policy("四川省最低生活保障条例", topics=["社会救助"], published_date=today)
    relate(new, RelationType.REPEALS, corpus.relief, date=today - datetime.timedelta(days=1))
    later = make_policy("成都市社区发展治理条例", topics=["社区发展治理"], published_date=today)
    relate(later, RelationType.REPEALS, corpus.chengdu, date=today + datetime.timedelta(days=30))

    def gathered(validity):
        collection = make_collection(content_types=["policy", "interpretation"], validity=validity)
        return set(titles(collection))

    assert corpus.relief.current_validity == "已废止"  # what its own page says
    assert gathered(["有效"]) == {
        "四川省最低生活保障条例",
        "成都市社区发展治理条例",
        "成都市城乡社区发展治理30条",  # repealed only in 30 days
        "咸宁市社区建设投入机制指导意见",
    }
    assert gathered(["已废止"]) == {
        "四川省最低生活保障办法",
        "解读：四川省最低生活保障办法",  # an interpretation follows its policy
        "四川省临时救助暂行办法",
    }


def test_validity_leaves_types_without_validity_alone(corpus):
    collection = make_collection(
        content_types=["policy", "case_study"],
        topic_ids=[corpus.topic("社区发展治理").pk],
        validity=["有效"],
        sort="oldest",
    )
    assert titles(collection) == [
        "成都市城乡社区发展治理30条",
        "成都社区营造案例",
        "咸宁市社区建设投入机制指导意见",
        "咸宁“六联六带”案例",
    ]


def test_a_province_gathers_the_places_below_it(corpus):
    collection = make_collection(
        content_types=["case_study", "policy"], region_ids=[corpus.region("四川省").pk]
    )
    assert titles(collection) == [
        "四川省最低生活保障办法",
        "成都社区营造案例",
        "成都市城乡社区发展治理30条",
        "四川省临时救助暂行办法",
    ]


def test_authority_criterion_reaches_interpretations_through_their_document(corpus):
    collection = make_collection(authority_ids=[corpus.authority("四川省民政厅").pk])
    assert titles(collection) == [
        "解读：四川省最低生活保障办法",
        "四川省最低生活保障办法",
        "四川省临时救助暂行办法",
    ]


def test_package_gathers_its_members(corpus):
    collection = make_collection(package_ids=[corpus.package.pk])
    assert titles(collection) == ["成都市城乡社区发展治理30条"]


def test_tags_match_any_listed_tag_case_insensitively(corpus):
    collection = make_collection(tags="无此标签、试点示范")
    assert titles(collection) == ["四川社区治理试点示范一年"]


def test_date_range_includes_both_ends(corpus):
    collection = make_collection(
        date_from=datetime.date(2020, 12, 1), date_to=datetime.date(2020, 12, 2)
    )
    assert titles(collection) == ["咸宁“六联六带”案例", "咸宁市社区建设投入机制指导意见"]


def test_search_query_uses_the_site_search(corpus):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    collection = make_collection(search_query="最低生活保障", content_types=["policy"])
    assert titles(collection) == ["四川省最低生活保障办法"]


def test_search_failure_shows_a_message_not_an_error(corpus, client, monkeypatch):
    from search.engine.database import DatabaseEngine

    def broken(self, query, limit=500):
        raise RuntimeError("index offline")

    monkeypatch.setattr(DatabaseEngine, "match_ids", broken)
    collection = make_collection(search_query="救助", pins=[corpus.chengdu])
    response = client.get(collection.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "检索服务暂时不可用" in html
    assert titles(collection) == ["成都市城乡社区发展治理30条"]  # pinned pages still show


def test_pinned_pages_come_first_in_the_editors_order_and_only_once(corpus):
    collection = make_collection(
        content_types=["policy"],
        topic_ids=[corpus.topic("社会救助").pk],
        pins=[corpus.case_hubei, corpus.relief_old, corpus.news],
    )
    assert titles(collection) == [
        "咸宁“六联六带”案例",
        "四川省临时救助暂行办法",
        "四川社区治理试点示范一年",
        "四川省最低生活保障办法",
    ]
    items = collection.collection({}).page.object_list
    assert [item.pinned for item in items] == [True, True, True, False]


def test_unpublished_matches_and_pins_are_not_shown(corpus):
    corpus.relief.unpublish()
    corpus.case_hubei.unpublish()
    collection = make_collection(
        content_types=["policy"],
        topic_ids=[corpus.topic("社会救助").pk],
        pins=[corpus.case_hubei],
    )
    assert titles(collection) == ["四川省临时救助暂行办法"]
    assert collection.collection({}, explain=True).hidden_pins == ["咸宁“六联六带”案例"]


def test_pagination_splits_pins_and_matches_across_pages(corpus):
    collection = make_collection(page_size=5, pins=[corpus.relief_old, corpus.chengdu])
    first = titles(collection)
    second = titles(collection, page="2")
    assert first[:2] == ["四川省临时救助暂行办法", "成都市城乡社区发展治理30条"]
    assert len(first) == 5 and len(second) == 3
    assert set(first) | set(second) == set(titles(make_collection(page_size=20)))
    assert not set(first) & set(second)


def test_bad_page_numbers_are_ignored_with_a_note(corpus, client):
    collection = make_collection(page_size=5)
    for raw, shown, note in [
        ("²", 1, "页码“²”无效"),
        ("99999999999999999999", 1, "无效"),
        ("9", 2, "第9页不存在（共2页）"),
    ]:
        response = client.get(collection.url, {"page": raw})
        assert response.status_code == 200
        assert response.context["collection"].page.number == shown
        assert note in response.content.decode()


def test_reader_facets_filter_by_type_and_year(corpus, client):
    collection = make_collection()
    response = client.get(collection.url)
    facets = {f["key"]: f for f in response.context["collection"].facets}
    types = {v.value: v.count for v in facets["type"]["values"]}
    assert types == {"policy": 4, "interpretation": 1, "news": 1, "case_study": 2}
    assert titles(collection, type="case_study") == ["咸宁“六联六带”案例", "成都社区营造案例"]
    assert titles(collection, year="2020") == [
        "咸宁“六联六带”案例",
        "咸宁市社区建设投入机制指导意见",
    ]
    html = client.get(collection.url, {"type": "nonsense", "year": "２０２０"}).content.decode()
    assert "本专题没有“nonsense”这一内容类型" in html
    assert "年份“２０２０”无效" in html


def test_the_collection_shows_when_its_newest_item_was_published(corpus, client):
    collection = make_collection(content_types=["policy"], topic_ids=[corpus.topic("社会救助").pk])
    assert collection.newest_item_date == datetime.date(2021, 5, 1)
    html = client.get(collection.url).content.decode()
    assert '最新内容发布于 <time datetime="2021-05-01">2021年5月1日</time>' in html
