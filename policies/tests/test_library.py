import datetime
import re

import pytest

from .factories import RegionFactory, library, make_policy

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    region = RegionFactory(name="四川省成都市")
    make_policy(
        "成都市城乡社区发展治理30条",
        doc_number="成委发〔2017〕27号",
        authorities=["中共成都市委"],
        topics=["城乡社区治理"],
        published_date=datetime.date(2017, 9, 2),
        doc_type="意见",
        region=region,
    )
    make_policy(
        "成都市城乡社区减负十条",
        doc_number="成委发〔2017〕9号",
        authorities=["中共成都市委"],
        topics=["城乡社区治理", "减负"],
        published_date=datetime.date(2017, 3, 1),
        doc_type="通知",
    )
    make_policy(
        "成都市社区志愿服务管理办法",
        doc_number="成办发〔2012〕3号",
        authorities=["成都市人民政府办公厅"],
        topics=["志愿服务"],
        published_date=datetime.date(2012, 3, 1),
        validity="已废止",
        doc_type="办法",
    )
    return library()


def get(client, index, **params):
    response = client.get(index.url, params)
    assert response.status_code == 200
    return response, response.content.decode()


def titles(response):
    return [p.title for p in response.context["library"].page.object_list]


def test_lists_everything_newest_first(client, corpus):
    response, content = get(client, corpus)
    assert titles(response) == [
        "成都市城乡社区发展治理30条",
        "成都市城乡社区减负十条",
        "成都市社区志愿服务管理办法",
    ]
    assert "共找到 <strong>3</strong> 份政策文件" in content


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"authority": "中共成都市委"}, {"成都市城乡社区发展治理30条", "成都市城乡社区减负十条"}),
        ({"year": "2012"}, {"成都市社区志愿服务管理办法"}),
        ({"topic": "减负"}, {"成都市城乡社区减负十条"}),
        ({"validity": "已废止"}, {"成都市社区志愿服务管理办法"}),
        ({"doc_type": "意见"}, {"成都市城乡社区发展治理30条"}),
        ({"region": "四川省成都市"}, {"成都市城乡社区发展治理30条"}),
        (
            {"authority": "中共成都市委", "year": "2017", "topic": "城乡社区治理"},
            {"成都市城乡社区发展治理30条", "成都市城乡社区减负十条"},
        ),
    ],
)
def test_filters_by_every_field(client, corpus, params, expected):
    response, _ = get(client, corpus, **params)
    assert set(titles(response)) == expected
    assert response.context["library"].messages == []


def test_counts_per_filter_value_respect_other_filters(client, corpus):
    response, content = get(client, corpus, year="2017")
    facets = {
        f.key: {v.value: v.count for v in f.values} for f in response.context["library"].facets
    }
    assert facets["authority"] == {"中共成都市委": 2}
    assert facets["topic"] == {"城乡社区治理": 2, "减负": 1}
    # The year facet itself ignores the year filter so other years stay reachable.
    assert facets["year"] == {"2017": 2, "2012": 1}
    assert "中共成都市委（2）" in content
    assert '城乡社区治理</a> <span class="count">（2）' in content


def test_sorting(client, corpus):
    response, _ = get(client, corpus, sort="oldest")
    assert titles(response)[0] == "成都市社区志愿服务管理办法"
    response, _ = get(client, corpus, sort="number")
    # Numeric order within issuer and year: 9号 before 27号.
    assert titles(response) == [
        "成都市社区志愿服务管理办法",
        "成都市城乡社区减负十条",
        "成都市城乡社区发展治理30条",
    ]


def test_filter_urls_are_shareable_query_strings(client, corpus):
    response, content = get(client, corpus, validity="有效")
    link = re.search(r'href="(\?[^"]*authority=[^"]*)"', content).group(1)
    assert "validity=" in link
    assert 'value="有效" selected' in content


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"authority": "不存在的机关"}, "没有发文机关为“不存在的机关”的政策文件"),
        ({"year": "abc"}, "年份“abc”无效"),
        ({"validity": "永久"}, "没有有效性为“永久”的政策文件"),
        ({"sort": "random"}, "排序方式“random”无效"),
        ({"page": "99999"}, "第99999页不存在"),
        ({"page": "abc"}, "页码“abc”无效"),
        ({"page": "-1"}, "页码“-1”无效"),
    ],
)
def test_bad_values_give_a_normal_page_with_a_message(client, corpus, params, message):
    response, content = get(client, corpus, **params)
    assert message in content
    assert len(titles(response)) == 3


def test_pagination(client, corpus, settings):
    from policies import library as library_module

    original = library_module.PER_PAGE
    library_module.PER_PAGE = 2
    try:
        response, content = get(client, corpus)
        assert len(titles(response)) == 2 and "下一页" in content
        response, content = get(client, corpus, page="2")
        assert titles(response) == ["成都市社区志愿服务管理办法"] and "上一页" in content
    finally:
        library_module.PER_PAGE = original


def test_drafts_are_not_listed(client, corpus):
    make_policy("未发布的文件", live=False)
    response, _ = get(client, corpus)
    assert "未发布的文件" not in titles(response)


def test_documents_without_number_sort_last_by_number(client, corpus):
    make_policy("无文号的文件", published_date=datetime.date(2019, 1, 1))
    response, _ = get(client, corpus, sort="number")
    assert titles(response)[-1] == "无文号的文件"


@pytest.mark.parametrize(
    "payload",
    ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "%00\x00", "年" * 500],
)
def test_hostile_filter_values_are_escaped(client, corpus, payload):
    params = {k: payload for k in ("authority", "year", "topic", "validity", "doc_type", "region")}
    params.update(sort=payload, page=payload)
    response = client.get(corpus.url, params)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert" not in content and "<img src=x" not in content
