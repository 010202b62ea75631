"""Top-k reads that do not rank every match: RUM on PostgreSQL, the title-first pass on SQLite.

Both must list what ranking every match lists (the exact path is the same code with the
settings turned off). With the RUM extension and the setting on, the migration must have
created the RUM indexes; CI runs PostgreSQL twice, with GONGKAI_SEARCH_RUM=1 and =0.
"""

import os

import pytest
from django.db import connection

from search.backends import rum
from search.tests.factories import news_page

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL 专用")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite 专用")


@pytest.fixture
def many_pages(chinese_backend, django_db_setup):
    pages = {}
    for n in range(14):
        pages[f"title{n}"] = news_page(
            f"社区治理工作要点第{n}号", body="社区治理。" * (n + 1) + "其他事项。" * (14 - n)
        )
    for n in range(6):
        pages[f"body{n}"] = news_page(f"工作简报第{n}期", body="社区治理" * (n + 1) + "。")
    news_page("物业管理办法", body="物业服务企业。")
    return pages


def _titles(query, size=10):
    """The first ``size`` titles of a relevance-ordered search through Wagtail's backend (the
    admin's and the API's path; the public engine reads the best 500 for its facets)."""
    from wagtail.search.backends import get_search_backend

    from news.models import NewsArticlePage

    pages = get_search_backend().search(query, NewsArticlePage.objects.live())[:size]
    return [page.title for page in pages]


def _spy(monkeypatch, owner, name):
    """Count the calls of owner.name that returned rows (the fast path was taken)."""
    calls = []
    original = getattr(owner, name)

    def wrapped(self, *args, **kwargs):
        found = original(self, *args, **kwargs)
        calls.append(found is not None)
        return found

    monkeypatch.setattr(owner, name, wrapped)
    return calls


def _rum_extension_installable():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_available_extensions WHERE name = 'rum'")
        return cursor.fetchone()[0] == 1


@on_postgres
def test_rum_indexes_exist_exactly_when_the_extension_and_setting_allow(settings):
    rum.forget()
    if os.environ.get("GONGKAI_REQUIRE_RUM") and settings.SEARCH_RUM:
        assert _rum_extension_installable(), "CI 需要 postgresql-15-rum（.ci/system-packages）"
    expected = bool(settings.SEARCH_RUM) and _rum_extension_installable()
    assert rum.available(connection) is expected
    settings.SEARCH_RUM = False
    assert rum.available(connection) is False


@on_postgres
def test_rum_read_lists_what_ranking_every_match_lists(many_pages, settings, monkeypatch):
    from search.backends import postgres

    rum.forget()
    if not rum.available(connection):
        pytest.skip("本库未装 RUM 扩展或 GONGKAI_SEARCH_RUM=0：检索走 GIN（另一遍 CI 覆盖 RUM）")
    calls = _spy(monkeypatch, postgres.FastRankingCompiler, "_rum_rows")
    fast = _titles("社区治理")
    assert calls and all(calls)
    settings.SEARCH_RUM = False
    exact = _titles("社区治理")
    assert fast == exact
    assert len(fast) == 10
    assert all(title.startswith("社区治理工作要点") for title in fast)


@on_postgres
def test_rum_read_with_a_shallow_head_falls_back_or_agrees(many_pages, settings, monkeypatch):
    from search.backends import postgres

    # Fewer candidates than matches: the read is not complete and must still give ten rows.
    monkeypatch.setattr(postgres, "RUM_DEPTH", 3)
    rum.forget()
    if not rum.available(connection):
        pytest.skip("本库未装 RUM 扩展或 GONGKAI_SEARCH_RUM=0：检索走 GIN（另一遍 CI 覆盖 RUM）")
    fast = _titles("社区治理")
    settings.SEARCH_RUM = False
    exact = _titles("社区治理")
    assert len(fast) == len(exact) == 10
    assert set(fast) <= {p.title for p in many_pages.values()}


@on_sqlite
def test_title_first_pass_lists_title_holders_first(many_pages, settings, monkeypatch):
    from search.backends import sqlite

    monkeypatch.setattr(sqlite, "FIRST_PASS_ABOVE", 5)
    calls = _spy(monkeypatch, sqlite.FastRankingMixin, "_title_first")
    fast = _titles("社区治理")
    assert calls == [True]
    assert len(fast) == 10
    # The final ranking puts a title holding the whole query above any body-only match; the
    # first pass reads only those (ranking every match reads the bm25 best, then re-orders).
    assert all(title.startswith("社区治理工作要点") for title in fast)
    settings.SEARCH_BOUNDED_TOPK = False
    exact = _titles("社区治理")
    assert any(title.startswith("工作简报") for title in exact)


@on_sqlite
def test_title_first_pass_is_not_used_for_few_title_holders(many_pages, settings, monkeypatch):
    from search.backends import sqlite

    monkeypatch.setattr(sqlite, "FIRST_PASS_ABOVE", 5)
    calls = _spy(monkeypatch, sqlite.FastRankingMixin, "_title_first")
    # 其他事项 is in no title: the first pass finds nothing and every match is ranked.
    fast = _titles("其他事项")
    assert calls == [False]
    settings.SEARCH_BOUNDED_TOPK = False
    assert fast == _titles("其他事项")
    assert len(fast) == 10
