"""A policy page reuses its rendered body and table of contents until a new revision is
published; a page without a live revision is rendered afresh each time."""

import pytest
from django.core.cache import cache

from listings import fragments
from listings.fragments import code_version
from policies.choices import RelationType
from policies.models import PolicyPage
from policies.tests.factories import (
    make_interpretation,
    make_package,
    make_policy,
    relate,
    stream_from_text,
)

pytestmark = pytest.mark.django_db
TEXT = "第一条 为了规范村务公开，制定本办法。\n第二条 本办法自发布之日起施行。"
NEW_TEXT = "第一条 为了推进村务公开，修订本办法。\n第二条 本办法自修订之日起施行。"


def _content(html):
    """The page below <main> (the head's description reads the stored body directly)."""
    return html.split("<main", 1)[1]


def _new_body(text):
    return stream_from_text(PolicyPage._meta.get_field("body"), text)


def test_a_second_render_reuses_the_body_and_a_new_revision_replaces_it(client):
    policy = make_policy("村务公开办法", text=TEXT)
    first = client.get(policy.url).content.decode()
    assert "为了规范村务公开" in first and "policy-toc" in first

    # Stored body changed behind the revision's back: the rendered fragment is reused.
    PolicyPage.objects.filter(pk=policy.pk).update(body=_new_body(NEW_TEXT))
    second = client.get(policy.url).content.decode()
    assert _content(second) == _content(first)
    assert "为了推进村务公开" not in _content(second)

    page = PolicyPage.objects.get(pk=policy.pk)
    page.body = _new_body(NEW_TEXT)
    page.change_note = "修订第一条"
    page.save_revision().publish()
    third = client.get(policy.url).content.decode()
    assert "为了推进村务公开" in third and "为了规范村务公开" not in third


def test_a_page_without_a_live_revision_is_never_served_from_the_fragment_cache(client):
    policy = make_policy("没有发布版本记录的办法", text=TEXT)
    PolicyPage.objects.filter(pk=policy.pk).update(live_revision=None)
    assert "为了规范村务公开" in client.get(policy.url).content.decode()
    PolicyPage.objects.filter(pk=policy.pk).update(body=_new_body(NEW_TEXT))
    assert "为了推进村务公开" in client.get(policy.url).content.decode()


def _uncached(client, url):
    """The same page rendered with every fragment cache emptied."""
    cache.clear()
    return _content(client.get(url).content.decode())


def _json_ld(html):
    return html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]


def _retitle(page, title):
    page = PolicyPage.objects.get(pk=page.pk)
    page.title = title
    page.change_note = f"改名为{title}"
    page.save_revision().publish()
    return page


def test_relations_show_the_repealing_page_s_new_title_and_disappear_when_it_is_unpublished(
    client,
):
    old = make_policy("旧办法", text=TEXT)
    new = relate(make_policy("新办法", text=NEW_TEXT), RelationType.REPEALS, old)
    first = client.get(old.url).content.decode()
    assert "本文件已被" in first and "《新办法》" in first
    assert _content(client.get(old.url).content.decode()) == _content(first)  # from the cache

    _retitle(new, "新修订办法")
    retitled = client.get(old.url).content.decode()
    assert "《新修订办法》" in retitled and "《新办法》" not in retitled
    assert _content(retitled) == _uncached(client, old.url)

    PolicyPage.objects.get(pk=new.pk).unpublish()
    gone = client.get(old.url).content.decode()
    assert "本文件已被" not in gone and "新修订办法" not in gone


def test_a_package_sibling_s_new_title_is_shown(client):
    one = make_policy("配套办法甲", text=TEXT)
    two = make_policy("配套办法乙", text=TEXT)
    make_package("一揽子政策", [(one, "core"), (two, "supporting")])
    assert "《配套办法乙》" in client.get(one.url).content.decode()
    _retitle(two, "配套办法丙")
    page = client.get(one.url).content.decode()
    assert "《配套办法丙》" in page and "《配套办法乙》" not in page
    assert _content(page) == _uncached(client, one.url)


def test_the_json_ld_says_not_in_force_once_a_repeal_is_published(client):
    old = make_policy("将被废止的办法", text=TEXT)
    assert '"legislationLegalForce":"InForce"' in _json_ld(client.get(old.url).content.decode())
    relate(make_policy("废止它的办法", text=NEW_TEXT), RelationType.REPEALS, old)
    ld = _json_ld(client.get(old.url).content.decode())
    assert '"legislationLegalForce":"NotInForce"' in ld


def test_a_deploy_with_a_new_release_renders_the_fragments_again(client, settings):
    policy = make_policy("部署前的办法", text=TEXT)
    client.get(policy.url)
    PolicyPage.objects.filter(pk=policy.pk).update(body=_new_body(NEW_TEXT))
    assert "为了推进村务公开" not in _content(client.get(policy.url).content.decode())

    settings.GONGKAI_RELEASE = "next-release"
    code_version.cache_clear()
    try:
        assert "为了推进村务公开" in _content(client.get(policy.url).content.decode())
    finally:
        code_version.cache_clear()


def test_changed_templates_change_the_code_version(tmp_path, settings, monkeypatch):
    template = tmp_path / "page.html"
    template.write_text("<p>旧模板</p>")
    monkeypatch.setattr(fragments, "_project_sources", lambda: iter([template]))
    settings.GONGKAI_RELEASE = ""
    code_version.cache_clear()
    before = code_version()
    template.write_text("<p>新模板，长度不同</p>")
    code_version.cache_clear()
    try:
        assert code_version() != before
    finally:
        code_version.cache_clear()


def test_a_preview_never_shows_the_published_fragments(client, admin_client):
    policy = make_policy("预览的办法", text=TEXT)
    client.get(policy.url)  # the published fragments are stored
    page = PolicyPage.objects.get(pk=policy.pk)
    page.body = _new_body(NEW_TEXT)
    page.change_note = "草稿修改第一条"
    revision = page.save_revision()
    preview = admin_client.get(f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/")
    preview = preview.content.decode()
    assert "为了推进村务公开" in preview and "为了规范村务公开" not in preview


def test_the_library_lists_a_new_policy_at_once_and_drops_an_unpublished_one(client):
    make_policy("第一份文件", text=TEXT, topics=["社区治理"])
    url = "/policies/?topic=社区治理"
    first = _content(client.get(url).content.decode())
    assert "第一份文件" in first and "<strong>1</strong>" in first
    assert _content(client.get(url).content.decode()) == first  # the stored fragment

    second = make_policy("第二份文件", text=TEXT, topics=["社区治理"])
    listed = _content(client.get(url).content.decode())
    assert "第二份文件" in listed and "<strong>2</strong>" in listed
    assert listed == _uncached(client, url)

    PolicyPage.objects.get(pk=second.pk).unpublish()
    assert "第二份文件" not in _content(client.get(url).content.decode())


def test_a_newly_published_interpretation_shows_on_the_policy_page(client):
    policy = make_policy("待解读的办法", text=TEXT)
    assert "暂无解读" in client.get(policy.url).content.decode()
    make_interpretation(policy, title="一图读懂待解读的办法")
    page = client.get(policy.url).content.decode()
    assert "一图读懂待解读的办法" in page and "暂无解读" not in page
