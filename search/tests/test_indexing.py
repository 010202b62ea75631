"""Visibility and index maintenance: publish, unpublish, delete, move, private pages, commands."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from search.engine import SearchRequest, get_engine
from search.tests.factories import news_page, news_section, root

pytestmark = pytest.mark.django_db


def found(q):
    return {hit.title for hit in get_engine().search(SearchRequest(q=q)).hits}


def test_publish_then_unpublish(chinese_backend):
    page = news_page("咸宁市六联六带", body="咸宁", live=False)
    assert found("咸宁") == set()
    page.save_revision().publish()
    assert found("咸宁") == {"咸宁市六联六带"}
    page.refresh_from_db()
    page.unpublish()
    assert found("咸宁") == set()


def test_edit_after_publish_updates_the_index(chinese_backend):
    page = news_page("社区通讯", body="简阳")
    page.title = "社区通讯（更正）"
    page.save_revision().publish()
    assert found("更正") == {"社区通讯（更正）"}


def test_delete_removes_the_page(chinese_backend):
    page = news_page("圩洋村四务公开", body="四务公开")
    assert found("四务公开") == {"圩洋村四务公开"}
    page.delete()
    assert found("四务公开") == set()


def test_private_pages_never_appear(chinese_backend):
    section = news_section("内部栏目")
    news_page("网格员内部通知", body="网格员", parent=section)
    assert found("网格员") == {"网格员内部通知"}
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    assert found("网格员") == set()


def test_move_keeps_the_page_with_its_new_url(chinese_backend, client):
    first = news_section("栏目一")
    second = news_section("栏目二")
    page = news_page("龙胜风电建设", body="云端风电", parent=first)
    page.move(second, pos="last-child")
    page.refresh_from_db()
    hits = get_engine().search(SearchRequest(q="风电")).hits
    assert [h.url for h in hits] == [page.url]
    assert page.url.startswith(second.url)


def test_rebuild_command_shows_progress_and_restores_the_index(chinese_backend):
    from wagtail.search.models import IndexEntry

    news_page("简阳市党建引领", body="1+6+N")
    IndexEntry.objects.all().delete()
    assert found("简阳") == set()
    out = io.StringIO()
    call_command("search_rebuild", stdout=out)
    text = out.getvalue()
    assert "重建数据库索引 [" in text and "已索引" in text
    assert found("简阳") == {"简阳市党建引领"}


def test_update_command_reindexes_recent_pages(chinese_backend):
    from wagtail.search.models import IndexEntry

    news_page("青羊区三提三增", body="三营造")
    IndexEntry.objects.all().delete()
    out = io.StringIO()
    call_command("search_update", "--hours", "1", stdout=out)
    assert "已更新" in out.getvalue()
    assert found("三营造") == {"青羊区三提三增"}


def test_update_command_rejects_unknown_page(chinese_backend):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="找不到页面"):
        call_command("search_update", "--page", "999999", stdout=io.StringIO())


def test_root_page_is_not_a_result(chinese_backend):
    assert root().depth >= 1
    assert all(hit.id != 1 for hit in get_engine().search(SearchRequest(q="welcome")).hits)
