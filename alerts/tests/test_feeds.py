"""Feeds for what alerts follow: all villages, one village, an issuing authority, a saved search;
and the pages that advertise them."""

from xml.etree import ElementTree

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from policies.tests.factories import library, make_policy

from .factories import publish_disclosure, village_with_disclosure

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def parse(client, url, kind="rss"):
    response = client.get(url)
    assert response.status_code == 200, response.content[:200]
    expected = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(expected)
    return ElementTree.fromstring(response.content)  # noqa: S314 (our own output)


def rss_titles(root):
    return [item.findtext("title") for item in root.find("channel").findall("item")]


@pytest.fixture
def site_root():
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "gongkai.example.cn", 443
    site.save()
    return "https://gongkai.example.cn"


def test_siwu_feed_lists_every_live_public_disclosure_with_site_links(client, site_root):
    village, first = village_with_disclosure("圩洋村")
    second = publish_disclosure(village, title="2024年第二季度村务公开")
    hidden = publish_disclosure(village, title="仅限内部的村务公开", quarter=3)
    # disclosures.guards refuses both through the site; written straight to the database here,
    # as a database writer could, the feed still leaves them out.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=hidden, restriction_type="password", password="x")]
    )
    draft = publish_disclosure(village, title="已撤下的村务公开", quarter=4)
    type(draft).objects.filter(pk=draft.pk).update(live=False)

    root = parse(client, "/feeds/siwu.rss")
    channel = root.find("channel")
    assert channel.findtext("title") == "公开 · 城乡社区治理信息公开 · 四务公开"
    titles = rss_titles(root)
    assert titles == ["圩洋村 · 2024年第二季度村务公开", "圩洋村 · 2024年第一季度财务公开"]
    links = [item.findtext("link") for item in channel.findall("item")]
    assert links == [site_root + second.url, site_root + first.url]
    descriptions = [item.findtext("description") for item in channel.findall("item")]
    assert descriptions[1].startswith("财务公开 · 2024年第一季度")
    atom = parse(client, "/feeds/siwu.atom", "atom")
    self_link = [e for e in atom.findall(f"{ATOM}link") if e.get("rel") == "self"][0]
    assert self_link.get("href") == site_root + "/feeds/siwu.atom"
    assert len(atom.findall(f"{ATOM}entry")) == 2


def test_village_feed_holds_only_that_village(client):
    village, _first = village_with_disclosure("圩洋村")
    from disclosures.tests.factories import VillagePageFactory

    other = VillagePageFactory(parent=village.get_parent(), title="新洋村")
    publish_disclosure(other, title="新洋村村务公开")
    root = parse(client, f"/feeds/siwu/{village.pk}.rss")
    assert root.find("channel").findtext("title").endswith("圩洋村四务公开")
    assert rss_titles(root) == ["2024年第一季度财务公开"]
    assert rss_titles(parse(client, f"/feeds/siwu/{other.pk}.rss")) == ["新洋村村务公开"]
    assert len(parse(client, f"/feeds/siwu/{village.pk}.atom", "atom").findall(f"{ATOM}entry")) == 1
    assert client.get("/feeds/siwu/999999.rss").status_code == 404
    type(other).objects.filter(pk=other.pk).update(live=False)  # not through the guarded save
    assert client.get(f"/feeds/siwu/{other.pk}.rss").status_code == 404


def test_withdrawn_and_corrected_disclosures_say_so_in_the_feed(client):
    village, page = village_with_disclosure("圩洋村")
    page.withdrawn = True
    page.withdrawal_reason = "重复公开"
    page.save_revision().publish()
    description = parse(client, f"/feeds/siwu/{village.pk}.rss").find("channel/item/description")
    assert "已撤回：重复公开" in description.text


def test_authority_feed_lists_its_policies(client):
    make_policy("民政局通知", authorities=["成都市民政局"])
    make_policy("住建局通知", authorities=["成都市住建局"])
    make_policy("民政局草稿", authorities=["成都市民政局"], live=False)
    from taxonomy.models import IssuingAuthority

    authority = IssuingAuthority.objects.get(name="成都市民政局")
    root = parse(client, f"/feeds/authorities/{authority.pk}.rss")
    assert rss_titles(root) == ["民政局通知"]
    assert root.find("channel").findtext("title").endswith("发文机关：成都市民政局")
    assert parse(client, f"/feeds/authorities/{authority.pk}.atom", "atom") is not None
    assert client.get("/feeds/authorities/999999.rss").status_code == 404


def test_saved_search_feed(client):
    make_policy("关于推进垃圾分类的实施意见", text="垃圾分类工作方案\n第一条　推进垃圾分类。")
    make_policy("关于养老服务的通知", text="养老服务\n第一条　发展养老服务。")
    root = parse(client, "/feeds/search.rss?q=垃圾分类")
    assert rss_titles(root) == ["关于推进垃圾分类的实施意见"]
    assert root.find("channel").findtext("title").endswith("检索：垃圾分类")
    assert client.get("/feeds/search.rss").status_code == 404
    assert client.get("/feeds/search.rss", {"q": "检" * 10000}).status_code == 404
    script = parse(client, "/feeds/search.atom?q=<script>alert(1)</script>", "atom")
    assert script.findtext(f"{ATOM}title").endswith("检索：<script>alert(1)</script>")


def test_pages_advertise_their_feeds_and_email_subscription(client):
    village, _page = village_with_disclosure("圩洋村")
    html = client.get(village.url).content.decode()
    assert (
        'type="application/rss+xml" title="圩洋村四务公开（RSS）" '
        f'href="/feeds/siwu/{village.pk}.rss"' in html
    )
    assert f'href="/feeds/siwu/{village.pk}.atom"' in html
    assert 'href="/feeds/siwu.rss"' in html
    index = village.get_parent().get_parent().get_parent()
    assert 'href="/feeds/siwu.rss"' in client.get(index.url).content.decode()

    make_policy("民政局通知", authorities=["成都市民政局"], topics=["社区治理"])
    from taxonomy.models import IssuingAuthority, Topic

    authority = IssuingAuthority.objects.get(name="成都市民政局")
    topic = Topic.objects.get(name="社区治理")
    listing = client.get(library().url, {"authority": "成都市民政局", "topic": "社区治理"})
    html = listing.content.decode()
    assert (
        'rel="alternate" type="application/rss+xml" title="发文机关：成都市民政局（RSS）" '
        f'href="/feeds/authorities/{authority.pk}.rss"' in html
    )
    assert f'href="{reverse("news:feed-topic-rss", args=[topic.slug])}"' in html
    assert f'href="/alerts/?authority={authority.pk}"' in html

    search = client.get("/search/", {"q": "民政局"}).content.decode()
    assert 'href="/feeds/search.rss?q=%E6%B0%91%E6%94%BF%E5%B1%80"' in search
    assert 'href="/alerts/?q=%E6%B0%91%E6%94%BF%E5%B1%80"' in search
