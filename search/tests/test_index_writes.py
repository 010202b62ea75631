"""The batch index writers store what writing the pages one at a time stores, and keep it right
when pages change or go away."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from news.models import NewsArticlePage
from policies.models import PolicyPage
from search.backends import indexing
from search.engine import SearchRequest, get_engine
from search.tests.factories import authority, news_page, policy_doc

pytestmark = pytest.mark.django_db

TEXT_COLUMNS = ["object_id", "title", "autocomplete", "body"]
if connection.vendor == "postgresql":
    TEXT_COLUMNS += ["title_text", "body_text"]


def _pages():
    news_page("社區發展治理簡報", body="城乡社区发展治理，1+3+N 网格员 15分钟便民服务圈。")
    news_page("志愿服务", body="志愿服务条例第十条。\n\n成委发[2017]27号")
    news_page("通知", body="只有正文的页面")
    policy = policy_doc(
        "关于加强村务公开的通知", body="村务公开，两委。", doc_number="川民发〔2020〕3号"
    )
    policy.issuing_authorities.add(authority("四川省民政厅"))
    return list(NewsArticlePage.objects.order_by("pk")), list(PolicyPage.objects.order_by("pk"))


def _rows():
    rows = IndexEntry.objects.order_by("content_type_id", "object_id")
    return [tuple(str(v) for v in row) for row in rows.values_list(*TEXT_COLUMNS)]


def _index(backend, batches):
    backend.reset_indexes()
    for model, objs in batches:
        backend.get_index_for_model(model).add_items(model, objs)


def test_one_batch_stores_what_one_page_at_a_time_stores(chinese_backend):
    news, policies = _pages()
    backend = get_search_backend()
    _index(backend, [(NewsArticlePage, news), (PolicyPage, policies)])
    in_batches = _rows()
    _index(backend, [(type(page), [page]) for page in news + policies])
    assert _rows() == in_batches
    assert len(in_batches) == 4
    assert any("社区" in row[1] and "发展" in row[1] for row in in_batches)  # folded, segmented


def test_title_norms_are_what_wagtail_refresh_sets(chinese_backend):
    news, _policies = _pages()
    backend = get_search_backend()
    _index(backend, [(NewsArticlePage, news)])
    stored = dict(IndexEntry.objects.values_list("object_id", "title_norm"))
    backend.get_index_for_model(NewsArticlePage)._refresh_title_norms(full=True)
    refreshed = dict(IndexEntry.objects.values_list("object_id", "title_norm"))
    assert stored == refreshed
    assert len(set(stored.values())) == 3


def test_a_changed_page_in_a_batch_replaces_its_entry(chinese_backend):
    news, _policies = _pages()
    backend = get_search_backend()
    page = news[0]
    page.title = "网格化服务管理"
    page.save()
    backend.get_index_for_model(NewsArticlePage).add_items(NewsArticlePage, news)
    titles = {hit.title for hit in get_engine().search(SearchRequest(q="网格化")).hits}
    assert titles == {"网格化服务管理"}
    assert not get_engine().search(SearchRequest(q="簡報")).hits
    assert IndexEntry.objects.filter(object_id=str(page.pk)).count() == 1


def test_deleting_a_page_removes_it_from_the_index(chinese_backend):
    news, _policies = _pages()
    backend = get_search_backend()
    backend.get_index_for_model(NewsArticlePage).add_items(NewsArticlePage, news)
    news[1].delete()
    assert not get_engine().search(SearchRequest(q="志愿服务")).hits
    assert not IndexEntry.objects.filter(object_id=str(news[1].pk)).exists()


def test_a_rebuild_in_batches_ends_with_the_norms_wagtail_sets(chinese_backend):
    news, _policies = _pages()
    backend = get_search_backend()
    index = backend.get_index_for_model(NewsArticlePage)
    rebuilder = backend.rebuilder_class(index)
    target = rebuilder.start()
    target.add_items(NewsArticlePage, news[:1])  # the first batch's average is not the last's
    target.add_items(NewsArticlePage, news[1:])
    rebuilder.finish()
    stored = dict(IndexEntry.objects.values_list("object_id", "title_norm"))
    index._refresh_title_norms(full=True)
    assert dict(IndexEntry.objects.values_list("object_id", "title_norm")) == stored
    assert len(set(stored.values())) == len(stored) == 4  # three news pages, one policy
    titles = {hit.title for hit in get_engine().search(SearchRequest(q="社区发展")).hits}
    assert titles and titles <= {page.title for page in news}


def _rows_with_norms():
    rows = IndexEntry.objects.order_by("content_type_id", "object_id")
    return [tuple(str(v) for v in row) for row in rows.values_list(*TEXT_COLUMNS, "title_norm")]


def _fulltext_rows():
    """SQLite: the FTS5 table's rows beside the entries they belong to (what MATCH reads)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.object_id, f.title, f.body, f.autocomplete FROM wagtailsearch_indexentry e "
            "LEFT JOIN wagtailsearch_indexentry_fts f ON f.rowid = e.id ORDER BY e.object_id"
        )
        return cursor.fetchall()


def _rebuild(backend, batches):
    index = backend.get_index_for_model(batches[0][0])
    rebuilder = backend.rebuilder_class(index)
    target = rebuilder.start()
    for model, objs in batches:
        target.add_items(model, objs)
    rebuilder.finish()


@pytest.mark.parametrize("workers", [0, 2], ids=["serial", "parallel"])
def test_a_rebuild_stores_what_pages_indexed_one_at_a_time_store(
    chinese_backend, workers, monkeypatch
):
    """The rebuild's deferred work (SQLite: the full-text rows written in one statement at the
    end; both: the title lengths carried between batches; with workers, the analysis in other
    processes, one batch ahead of the writes) changes nothing that is stored."""
    chinese_backend.SEARCH_INDEX_WORKERS = workers
    chinese_backend.SEARCH_PARALLEL_FROM = 1
    submitted = []
    submit = indexing.ParallelAnalysis.submit
    monkeypatch.setattr(
        indexing.ParallelAnalysis,
        "submit",
        lambda pool, *a: submitted.append(a) or submit(pool, *a),
    )
    news, policies = _pages()
    backend = get_search_backend()
    _index(backend, [(type(page), [page]) for page in news + policies])
    backend.get_index_for_model(NewsArticlePage)._refresh_title_norms(full=True)
    one_at_a_time = _rows_with_norms()
    fulltext = _fulltext_rows() if connection.vendor == "sqlite" else None
    # Over the existing index (rows updated in place) and over an empty one (rows inserted).
    _rebuild(backend, [(NewsArticlePage, news[:1]), (NewsArticlePage, news[1:])])
    _rebuild(backend, [(PolicyPage, policies)])
    assert _rows_with_norms() == one_at_a_time
    backend.reset_indexes()
    _rebuild(backend, [(NewsArticlePage, news[:2]), (NewsArticlePage, news[2:])])
    _rebuild(backend, [(PolicyPage, policies)])
    assert _rows_with_norms() == one_at_a_time
    assert len(submitted) == (6 if workers else 0)  # the six batches went to the workers
    if connection.vendor == "sqlite":
        assert _fulltext_rows() == fulltext
        assert all(row[1] for row in fulltext)  # every entry has its full-text row
    titles = {hit.title for hit in get_engine().search(SearchRequest(q="村务公开")).hits}
    assert titles == {"关于加强村务公开的通知"}
    # A page published after the rebuild is found: the insert trigger is back.
    news_page("乡村振兴简报", body="乡村振兴。")
    assert {hit.title for hit in get_engine().search(SearchRequest(q="乡村振兴")).hits} == {
        "乡村振兴简报"
    }
