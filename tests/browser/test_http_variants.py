"""简/繁 and elder mode without a browser: the converter, the cookies, the headers."""

import json

import pytest

from readerprefs.preferences import ELDER_COOKIE, SCRIPT_COOKIE, VARIANT_COOKIES, variant_key
from readerprefs.variants import html_to_traditional

from .content import Tags, build_site

DOC = """<!DOCTYPE html>
<html lang="zh-Hans"><head><title>关于社区治理的意见</title>
<meta name="description" content="社区发展">
<meta property="og:url" content="https://example.org/news/社区发展/">
<script type="application/ld+json">
{"name":"社区发展","url":"/news/社区发展/","inLanguage":"zh-Hans"}</script>
<script src="/static/a.js"></script><style>.x::after{content:"发"}</style></head>
<body><a href="/news/社区发展/" title="新闻动态">新闻动态</a>
<img src="/media/发展.jpg" alt="居民议事会">
<input name="q" value="发展" placeholder="搜索政策">
<span lang="zh-Hans">切换为简体</span><!-- 注释发展 --><p>干部 &amp; 后台</p></body></html>"""


def test_converter_changes_readable_text_only():
    out = html_to_traditional(DOC)
    assert '<html lang="zh-Hant">' in out
    assert "<title>關於社區治理的意見</title>" in out
    assert 'content="社區發展"' in out
    assert 'content="https://example.org/news/社区发展/"' in out  # URL kept
    assert 'href="/news/社区发展/" title="新聞動態">新聞動態</a>' in out
    assert 'src="/media/发展.jpg" alt="居民議事會"' in out
    assert 'value="发展" placeholder="搜索政策"' in out  # what the reader typed stays as typed
    assert '<span lang="zh-Hans">切换为简体</span>' in out
    assert "<!-- 注释发展 -->" in out and 'content:"发"' in out
    assert "<p>幹部 &amp; 後臺</p>" in out


def test_converter_converts_json_ld_strings_but_not_urls():
    out = html_to_traditional(DOC)
    body = out.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(body)
    assert data == {"name": "社區發展", "url": "/news/社区发展/", "inLanguage": "zh-Hant"}


def test_converter_is_stable_on_plain_and_empty_documents():
    assert html_to_traditional("") == ""
    assert html_to_traditional("<p>abc</p>") == "<p>abc</p>"
    assert html_to_traditional("a < b 发") == "a < b 發"


def test_variant_keys_name_every_cookie_combination(rf):
    for key, cookies in VARIANT_COOKIES.items():
        request = rf.get("/")
        request.COOKIES.update(cookies)
        assert variant_key(request) == key
    request = rf.get("/")
    request.COOKIES.update({SCRIPT_COOKIE: "klingon", ELDER_COOKIE: "yes"})
    assert variant_key(request) == "hans"


@pytest.fixture
def site_pages(db):
    return build_site()


def test_switch_links_set_cookies_and_return_to_the_page(client, site_pages):
    news = site_pages["news.NewsArticlePage"]
    html = client.get(news.url).content.decode()
    links = [a["href"] for a in Tags(html).find_all("a") if a.get("href", "").startswith("/prefer")]
    assert len(links) >= 2  # 繁體 and 长者模式
    response = client.get(links[0])
    assert response.status_code == 302 and response["Location"] == news.url
    assert client.cookies[SCRIPT_COOKIE].value == "hant"
    assert "no-store" in response["Cache-Control"]
    page = client.get(news.url)
    text = page.content.decode()
    assert '<html lang="zh-Hant"' in text and "測試市召開社區議事協商推進會" in text
    assert page["Content-Language"] == "zh-Hant"
    # remembered on the next page, and switched back by POST (a form works as well as a link)
    assert "圖說社區議事會" in client.get(site_pages["media.PhotoFeaturePage"].url).content.decode()
    client.post("/preferences/", {"script": "hans", "next": news.url})
    assert "测试市召开社区议事协商推进会" in client.get(news.url).content.decode()


def test_elder_mode_is_a_class_on_html(client, site_pages):
    url = site_pages["policies.PolicyPage"].url
    assert 'class="elder"' not in client.get(url).content.decode()
    client.get("/preferences/", {"elder": "1", "next": url})
    html = client.get(url).content.decode()
    assert '<html lang="zh-Hans" class="elder">' in html
    assert "退出长者模式" in html
    client.get("/preferences/", {"elder": "0", "next": url})
    assert 'class="elder"' not in client.get(url).content.decode()


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"]
)
def test_switch_never_redirects_off_site(client, db, target):
    response = client.get("/preferences/", {"script": "hant", "next": target})
    assert response.status_code == 302 and response["Location"] == "/"


def test_public_pages_vary_on_cookie_admin_and_api_are_untouched(client, site_pages, admin_user):
    client.cookies[SCRIPT_COOKIE] = "hant"
    page = client.get(site_pages["news.NewsIndexPage"].url)
    assert "Cookie" in page["Vary"]
    api = client.get("/api/v2/pages/", {"type": "news.NewsArticlePage"})
    assert "测试市召开社区议事协商推进会" in api.content.decode()
    client.force_login(admin_user)
    admin = client.get("/admin/").content.decode()
    assert '<html lang="zh-Hant"' not in admin
