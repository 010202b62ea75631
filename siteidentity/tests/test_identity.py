"""Every public page shows the site's identity and carries the 发展指引 meta tags."""

import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError

from disclosures.tests import factories as disclosure_factories
from home.tests.factories import DAY, home_page
from media.tests.factories import photo_feature
from news.tests.factories import case_study, news_article
from policies.tests.factories import (
    IssuingAuthorityFactory,
    TopicFactory,
    interpretation_page,
    package_page,
    policy_page,
)

from .factories import VALUES, identity

pytestmark = pytest.mark.django_db

SITE_TAGS = (
    "SiteName",
    "SiteDomain",
    "SiteIDCode",
    "ColumnName",
    "ColumnDescription",
    "ColumnKeywords",
    "ColumnType",
    "Image",
    "Url",
)
ARTICLE_TAGS = ("ArticleTitle", "PubDate", "ContentSource", "Keywords", "Author")


def meta_tags(html):
    return {
        name: unescape(content)
        for name, content in re.findall(r'<meta name="([A-Za-z]+)" content="([^"]*)">', html)
    }


def one_of_each():
    """{label: page} for one live page of every public page type."""
    policy = policy_page(
        title="测试市社区议事规则", topics=[TopicFactory()], authorities=[IssuingAuthorityFactory()]
    )
    pages = {
        "home": home_page(),
        "news": news_article(title="议事会召开", author="李明", source="测试日报"),
        "case": case_study(title="老旧小区加装电梯"),
        "policy": policy,
        "interpretation": interpretation_page(policy, title="一图读懂议事规则"),
        "package": package_page([policy]),
        "photo": photo_feature(photos=2, title="图说议事会"),
    }
    for label in ("news", "case", "policy", "photo"):
        pages[label + "-index"] = pages[label].get_parent().specific
    index, county, township, (village,) = disclosure_factories.hierarchy(("幸福村",))
    pages.update(
        {
            "disclosure-index": index,
            "county": county,
            "township": township,
            "village": village,
            "disclosure": disclosure_factories.finance_disclosure(village),
        }
    )
    return pages


def test_footer_and_meta_on_every_page_type(client):
    identity()
    pages = one_of_each()
    for label, page in pages.items():
        response = client.get(page.url)
        assert response.status_code == 200, label
        html = response.content.decode()
        footer = html[html.index('<footer class="site-footer"') :]
        for value in (
            "测试市人民政府办公室",
            "测试市大数据中心",
            "3301000001",
            "浙ICP备12345678号-1",
            "浙公网安备33010602000001号",
            "0571-12345678",
        ):
            assert value in footer, (label, value)
        assert 'href="https://beian.miit.gov.cn/"' in footer
        assert "https://beian.mps.gov.cn/#/query/webSearch?code=33010602000001" in footer
        assert "我要纠错" in footer and "mailto:contact@example.org" in footer
        tags = meta_tags(html)
        assert set(SITE_TAGS) <= set(tags), (label, set(SITE_TAGS) - set(tags))
        # The page's real description, or no Description tag at all: never an empty one.
        assert tags.get("Description", "present").strip(), label
        if label == "news":
            assert tags.get("Description"), label
        assert tags["SiteName"] == VALUES["site_name"]
        assert tags["SiteIDCode"] == "3301000001"
        assert tags["SiteDomain"] == "testserver"
        assert tags["Url"] == page.full_url
        assert f"<title>{page.title} - {VALUES['site_name']}</title>" in html or label == "home"


def test_columns_are_the_sections_pages_belong_to(client):
    identity()
    pages = one_of_each()
    expected = {
        "home": ("首页", "首页"),
        "news": ("新闻", "要闻动态"),
        "news-index": ("新闻", "要闻动态"),
        "case": ("典型案例", "典型案例"),
        "policy": ("政策文件", "政策文件"),
        "interpretation": ("政策文件", "政策文件"),
        "package": ("政策文件", "政策文件"),
        "photo": ("图片报道", "图片新闻"),
        "disclosure": (pages["disclosure-index"].title, "基层政务公开"),
        "village": (pages["disclosure-index"].title, "基层政务公开"),
    }
    for label, (name, kind) in expected.items():
        tags = meta_tags(client.get(pages[label].url).content.decode())
        assert (tags["ColumnName"], tags["ColumnType"]) == (name, kind), label
        assert tags["ColumnKeywords"], label


def test_article_tags_per_page_type(client):
    identity()
    pages = one_of_each()
    policy = pages["policy"]
    news = meta_tags(client.get(pages["news"].url).content.decode())
    assert news["ArticleTitle"] == "议事会召开"
    assert news["PubDate"] == "2024-05-01"
    assert (news["ContentSource"], news["Author"]) == ("测试日报", "李明")
    assert news["Description"] == "正文"

    tags = meta_tags(client.get(policy.url).content.decode())
    assert tags["ArticleTitle"] == "测试市社区议事规则"
    assert tags["PubDate"] == "2024-05-01"
    assert tags["ContentSource"] == policy.issuing_authorities.get().name
    assert tags["Keywords"] == policy.topics.get().name

    # an article without a named source is published by the site's 主办单位
    case = meta_tags(client.get(pages["case"].url).content.decode())
    assert case["ContentSource"] == "测试市人民政府办公室"
    photo = meta_tags(client.get(pages["photo"].url).content.decode())
    assert photo["ArticleTitle"] == "图说议事会" and photo["Image"].startswith("http://testserver/")

    disclosure = pages["disclosure"]
    tags = meta_tags(client.get(disclosure.url).content.decode())
    assert tags["ArticleTitle"] == disclosure.title
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", tags["PubDate"])
    assert tags["ContentSource"] == "幸福村"

    for label in ("home", "news-index", "policy-index", "package", "village", "county"):
        tags = meta_tags(client.get(pages[label].url).content.decode())
        assert not set(ARTICLE_TAGS) & set(tags), label


def test_a_policy_without_publication_date_has_an_empty_pubdate(client):
    identity()
    page = policy_page(published_date=None, written_date=DAY)
    tags = meta_tags(client.get(page.url).content.decode())
    assert tags["PubDate"] == ""  # the 成文日期 is not passed off as the 发布日期


def test_meta_and_footer_values_are_escaped(client):
    identity(sponsor='"><script>alert(1)</script>', site_name="A&B")
    html = client.get("/").content.decode()
    assert "<script>alert(1)" not in html
    assert meta_tags(html)["SiteName"] == "A&B"


def test_feeds_and_json_ld_use_the_configured_name(client):
    identity()
    news_article(title="议事会召开")
    feed = client.get("/feeds/news.rss").content.decode()
    assert f"<title>{VALUES['site_name']} · 新闻动态</title>" in feed
    html = client.get(news_article().url).content.decode()
    assert '"publisher":{"@type":"GovernmentOrganization","name":"测试市人民政府办公室"}' in html


def test_unset_identity_falls_back_and_says_so(client, settings):
    html = client.get("/").content.decode()
    assert meta_tags(html)["SiteName"] == settings.WAGTAIL_SITE_NAME
    assert "网站标识码" in html and "（未设置）" in html


def test_site_code_and_report_link_are_validated():
    item = identity()
    item.site_code = "12345"
    with pytest.raises(ValidationError) as err:
        item.full_clean()
    assert "网站标识码应为10位" in str(err.value)
    item.site_code = "3301000001"
    item.error_report_url = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        item.full_clean()


def test_demo_command_fills_sample_values(client):
    from django.core.management import call_command

    call_command("siteidentity_demo", verbosity=0)
    html = client.get("/").content.decode()
    assert "示例市人民政府办公室（示例）" in html
    assert "均为演示用的示例信息" in html
    assert 'alt="党政机关网站标识"' in html
