"""Everywhere a listing goes: feeds, API, sitemap, JSON-LD, script/elder variants, page cache."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest

from pagecache import store

from .factories import make_collection, special_index

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def relief(corpus):
    return make_collection(
        title="社会救助专题",
        intro="现行有效的社会救助政策",
        content_types=["policy", "interpretation"],
        topic_ids=[corpus.topic("社会救助").pk],
        validity=["有效"],
        pins=[corpus.case_hubei],
    )


def test_rss_and_atom_feeds_list_items_in_collection_order(client, relief):
    rss = client.get(f"/feeds/specials/{relief.pk}.rss")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")  # noqa: S314 (our own output)
    assert channel.findtext("title").endswith("专题：社会救助专题")
    assert [i.findtext("title") for i in channel.findall("item")] == [
        "咸宁“六联六带”案例",
        "解读：四川省最低生活保障办法",
        "四川省最低生活保障办法",
    ]
    assert [i.findtext("category") for i in channel.findall("item")] == [
        "典型案例",
        "政策解读",
        "政策文件",
    ]
    atom = client.get(f"/feeds/specials/{relief.pk}.atom")
    assert atom["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(atom.content).findall(f"{ATOM}entry")  # noqa: S314 (our own output)
    assert len(entries) == 3


def test_feed_of_a_missing_or_unpublished_collection_is_404(client, relief):
    assert client.get("/feeds/specials/999999.rss").status_code == 404
    assert client.get("/feeds/specials/99999999999999999999.rss").status_code == 404
    relief.unpublish()
    assert client.get(f"/feeds/specials/{relief.pk}.rss").status_code == 404


def test_page_advertises_its_feeds(client, relief):
    html = client.get(relief.url).content.decode()
    rss = f'title="专题：社会救助专题（RSS）" href="/feeds/specials/{relief.pk}.rss"'
    assert f'type="application/rss+xml" {rss}' in html
    assert f'href="/feeds/specials/{relief.pk}.atom"' in html


def test_api_detail_listing_and_paged_items(client, relief):
    detail = client.get(f"/api/v2/specials/{relief.pk}/").json()
    assert detail["criteria"]["topics"] == ["社会救助"]
    assert detail["criteria"]["validity"] == ["有效"]
    assert detail["newest_item_date"] == "2021-05-10"
    assert detail["item_count"] == 3
    assert [i["title"] for i in detail["items"]][0] == "咸宁“六联六带”案例"
    assert detail["items"][0]["pinned"] is True
    assert detail["feeds"]["rss"] == f"/feeds/specials/{relief.pk}.rss"
    listing = client.get("/api/v2/specials/").json()
    assert [p["title"] for p in listing["items"]] == ["社会救助专题"]
    assert listing["items"][0]["item_count"] == 3
    items = client.get(f"/api/v2/specials/{relief.pk}/items/", {"type": "policy"}).json()
    assert items["count"] == 1 and items["results"][0]["title"] == "四川省最低生活保障办法"
    assert client.get("/api/v2/specials/999999/items/").status_code == 404
    generic = client.get("/api/v2/pages/", {"type": "specials.CollectionPage", "fields": "*"})
    assert generic.status_code == 200


def test_sitemap_lastmod_follows_the_newest_item(client, relief, corpus):
    later = datetime.datetime(2030, 1, 2, 3, 4, tzinfo=datetime.UTC)
    type(corpus.relief).objects.filter(pk=corpus.relief.pk).update(last_published_at=later)
    xml = client.get("/sitemap.xml").content.decode()
    entry = re.search(rf"<url><loc>[^<]*{relief.url}</loc><lastmod>([^<]+)</lastmod>", xml)
    assert entry and entry.group(1) == "2030-01-02"


def test_json_ld_declares_a_collection_page_with_its_items(client, relief):
    html = client.get(relief.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    graph = json.loads(block)["@graph"]
    node = next(n for n in graph if n["@type"] == "CollectionPage")
    assert node["mainEntity"]["numberOfItems"] == 3
    names = [e["name"] for e in node["mainEntity"]["itemListElement"]]
    assert names[0] == "咸宁“六联六带”案例"
    assert node["dateModified"] == "2021-05-10"


def test_traditional_script_and_elder_mode_variants(client, relief):
    client.cookies["script"] = "hant"
    client.cookies["elder"] = "1"
    html = client.get(relief.url).content.decode()
    assert '<html lang="zh-Hant" class="elder">' in html
    assert "社會救助專題" in html and "最新內容發佈於" in html


def test_collection_index_lists_collections_with_their_freshness(client, corpus):
    index = special_index()
    make_collection(
        parent=index,
        title="四川案例",
        content_types=["case_study"],
        region_ids=[corpus.region("四川省").pk],
    )
    html = client.get(index.url).content.decode()
    assert "四川案例" in html and '最新内容 <time datetime="2019-06-01">' in html
    assert 'href="/zhuanti/"' in client.get("/").content.decode()  # in the main menu


@pytest.fixture
def page_cache(settings, tmp_path):
    settings.PAGECACHE_ENABLED = True
    settings.PAGECACHE_ROOT = tmp_path / "pagecache"
    settings.PAGECACHE_EAGER = False


def served(path):
    found = store.cached_file(path, {})
    return found.read_text(encoding="utf-8") if found else None


def test_publishing_matching_content_purges_the_cached_collection_and_feed(
    client, relief, corpus, page_cache, django_capture_on_commit_callbacks
):
    from policies.tests.factories import make_policy

    feed = f"/feeds/specials/{relief.pk}.rss"
    for path in (relief.url, feed):
        assert client.get(path)["X-Page-Cache"] == "stored"
    assert "新发布的救助办法" not in served(relief.url)
    with django_capture_on_commit_callbacks(execute=True):
        make_policy(
            "新发布的救助办法", topics=["社会救助"], published_date=datetime.date(2026, 11, 30)
        )
    assert served(relief.url) is None and served(feed) is None
    html = client.get(relief.url).content.decode()
    assert "新发布的救助办法" in html and "2026年11月30日" in html
    assert "新发布的救助办法" in served(relief.url)
    assert "新发布的救助办法" in client.get(feed).content.decode()


def test_unpublishing_matching_content_purges_the_cached_collection(
    client, relief, corpus, page_cache, django_capture_on_commit_callbacks
):
    client.get(relief.url)
    assert ">四川省最低生活保障办法</a>" in served(relief.url)
    with django_capture_on_commit_callbacks(execute=True):
        corpus.relief.unpublish()
    assert served(relief.url) is None
    assert ">四川省最低生活保障办法</a>" not in client.get(relief.url).content.decode()
