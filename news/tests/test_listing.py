"""Listings filter by theme, region and year and paginate, all without JavaScript."""

import datetime

import pytest

from home.tests.factories import home_page
from news.listing import PER_PAGE
from news.tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)
from policies.tests.factories import RegionFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases():
    index = CaseStudyIndexPageFactory(parent=home_page())
    qingyang = RegionFactory(name="四川省成都市青羊区", level="county")
    xianning = RegionFactory(name="湖北省咸宁市", level="city")
    party, talent = TopicFactory(name="党建引领"), TopicFactory(name="人才队伍")
    CaseStudyPageFactory(
        parent=index,
        title="青羊区案例",
        region=qingyang,
        themes=[party, talent],
        date=datetime.date(2018, 10, 10),
    )
    CaseStudyPageFactory(
        parent=index,
        title="咸宁市案例",
        region=xianning,
        themes=[party],
        date=datetime.date(2020, 12, 1),
    )
    return index


def titles(response):
    return [item.title for item in response.context["items"]]


def test_filter_form_is_a_plain_get_form_with_every_choice(client, cases):
    html = client.get(cases.url).content.decode()
    assert '<form class="filters" method="get"' in html
    assert (
        '<option value="四川省成都市青羊区">' in html
        and '<option value="2020">2020年</option>' in html
    )
    assert "人才队伍" in html and '<button type="submit">筛选</button>' in html
    assert "<script" not in html.split("<main", 1)[1]


def test_filters_by_theme_region_and_year(client, cases):
    talent = TopicFactory(name="人才队伍")
    assert titles(client.get(cases.url, {"theme": talent.slug})) == ["青羊区案例"]
    assert titles(client.get(cases.url, {"region": "湖北省咸宁市"})) == ["咸宁市案例"]
    assert titles(client.get(cases.url, {"region": "四川省"})) == ["青羊区案例"]
    assert titles(client.get(cases.url, {"year": "2018"})) == ["青羊区案例"]
    assert titles(client.get(cases.url)) == ["咸宁市案例", "青羊区案例"]
    response = client.get(cases.url, {"year": "2018", "region": "湖北省咸宁市"})
    assert titles(response) == []
    assert "没有符合条件的内容" in response.content.decode()


def test_bad_filter_values_are_explained_not_fatal(client, cases):
    response = client.get(cases.url, {"year": "abc", "theme": "不存在", "page": "999"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "年份“abc”无效" in html and "没有名为“不存在”的主题" in html
    assert len(titles(response)) == 2


def test_pagination_keeps_the_filters(client):
    index = NewsIndexPageFactory(parent=home_page())
    region = RegionFactory(name="四川省南充市")
    for n in range(PER_PAGE + 3):
        NewsArticlePageFactory(
            parent=index,
            title=f"南充新闻{n:02d}",
            region=region,
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=n),
        )
    NewsArticlePageFactory(parent=index, title="别处新闻", date=datetime.date(2021, 6, 1))
    first = client.get(index.url, {"region": "四川省南充市"})
    assert len(titles(first)) == PER_PAGE and "别处新闻" not in titles(first)
    html = first.content.decode()
    assert (
        'rel="next" href="?region=%E5%9B%9B%E5%B7%9D%E7%9C%81%E5%8D%97%E5%85%85%E5%B8%82'
        '&amp;page=2"' in html
    )
    second = client.get(index.url, {"region": "四川省南充市", "page": "2"})
    assert titles(second) == ["南充新闻02", "南充新闻01", "南充新闻00"]
