"""A publish purges what it affects and nothing else; the re-render runs as a background task;
purges reach every node through the frontend-cache backend; files are replaced whole."""

import datetime
import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import reverse

from disclosures.tests.factories import finance_disclosure, hierarchy
from enquiries.tests.factories import question_on
from enquiries.tests.test_answering import edit_url, form_data
from home.tests.factories import section
from media.tests.factories import credited_image, photo_feature
from news.tests.factories import NewsIndexPageFactory, news_article
from pagecache import store
from pagecache.frontend import PageCacheBackend, sign
from pagecache.tasks import refresh_pages
from policies.tests.factories import make_interpretation, make_package, make_policy, relate
from readerprefs.variants import to_traditional

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.PAGECACHE_ENABLED = True
    settings.PAGECACHE_ROOT = tmp_path / "pagecache"
    settings.PAGECACHE_EAGER = True
    settings.PAGECACHE_PURGE_KEY = "test-purge-key-not-secret"
    return settings.PAGECACHE_ROOT


def served(path, **cookies):
    found = store.cached_file(path, cookies)
    return found.read_text(encoding="utf-8") if found else None


def cached_text():
    return "\n".join(p.read_text(encoding="utf-8") for p in store.cached_files())


def test_a_publish_keeps_pages_it_does_not_touch_and_purges_those_that_show_it(
    client, django_capture_on_commit_callbacks
):
    other = make_policy("无关的旧政策")
    changed = make_policy("将要改名的政策")
    sibling = make_policy("同一体系的配套政策")
    package = make_package("改革政策体系", [(changed, "core"), (sibling, "supporting")])
    interpretation = make_interpretation(changed, title="关于改名政策的解读")
    amending = make_policy("修改它的决定")
    amending.change_note = "加入修改关系"
    amending = relate(amending, "amends", changed)
    pages = [other, changed, sibling, package, interpretation, amending]
    for path in ["/", changed.get_parent().url, *(p.url for p in pages)]:
        assert client.get(path).status_code == 200
    assert "将要改名的政策" in served(package.url) and "将要改名的政策" in served(sibling.url)
    untouched = store.cached_file(other.url)
    before = untouched.stat().st_mtime_ns

    changed.title = "已经改名的政策"
    changed.change_note = "更正标题"
    with django_capture_on_commit_callbacks(execute=True):
        changed.save_revision().publish()
        assert "将要改名的政策" in served(package.url)  # stale until the task renders it

    assert "将要改名的政策" not in cached_text() and store.stale_files() == []
    assert store.cached_file(other.url) == untouched and untouched.stat().st_mtime_ns == before
    # The page, its library and the home page are rendered again by the task, in every variant.
    for cookies in ({}, {"elder": "1"}):
        assert "已经改名的政策" in served(changed.url, **cookies)
    for cookies in ({"script": "hant"}, {"script": "hant", "elder": "1"}):
        assert to_traditional("已经改名的政策") in served(changed.url, **cookies)
    assert "已经改名的政策" in served(changed.get_parent().url)
    # The pages showing it were served stale meanwhile and are rendered again as well.
    assert "已经改名的政策" in served(sibling.url) and "已经改名的政策" in served(package.url)
    for page in (interpretation, amending):
        assert "将要改名的政策" not in (served(page.url) or ""), page.title


def test_the_rerender_runs_in_the_task_not_in_the_editors_request(
    client, settings, django_capture_on_commit_callbacks
):
    article = news_article("任务里重新生成")
    client.get(article.url)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    article.title = "任务里重新生成（新）"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    # Retired in the request, not rendered there: readers keep the old page meanwhile.
    text = served(article.url)
    assert "任务里重新生成" in text and "任务里重新生成（新）" not in text
    queued = [r for r in refresh_pages.get_backend().results if r.task.name == "refresh_pages"]
    assert len(queued) == 1 and article.pk in queued[0].args[0]
    refresh_pages.call(*queued[0].args, **queued[0].kwargs)  # what the worker does
    assert "任务里重新生成（新）" in served(article.url, elder="1")
    assert to_traditional("任务里重新生成（新）") in served(article.url, script="hant")


class _Recorder(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((self.path, dict(self.headers), body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_the_backend_purges_here_and_sends_a_signed_purge_to_every_other_node(client):
    article = news_article("两台服务器上的新闻")
    keep = news_article("另一条新闻")
    for page in (article, keep):
        client.get(page.url)
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    node = f"http://127.0.0.1:{server.server_port}"
    backend = PageCacheBackend({"NODES": [node], "KEY": "test-purge-key-not-secret"})

    backend.purge_batch([f"http://127.0.0.1{article.url}"])
    thread.join(10)
    server.server_close()

    assert served(article.url) is None and served(keep.url) is not None  # this node
    path, headers, body = _Recorder.received[-1]
    assert path == "/pagecache/purge/" and json.loads(body)["paths"] == [article.url]
    # The other node is this same site: replaying the request there purges its files.
    client.get(article.url)
    assert served(article.url) is not None
    response = client.post(
        reverse("pagecache:purge"),
        body,
        content_type="application/json",
        HTTP_X_PAGECACHE_SIGNATURE=headers["X-Pagecache-Signature"],
    )
    assert response.status_code == 200 and response.json()["removed"] == 1
    assert served(article.url) is None and served(keep.url) is not None


def test_the_purge_endpoint_refuses_unsigned_forged_and_old_requests(client, settings):
    article = news_article("不能被随意清除")
    client.get(article.url)
    url = reverse("pagecache:purge")

    def post(payload, key="test-purge-key-not-secret"):
        body = json.dumps(payload).encode()
        signature = sign(key, body) if key else ""
        return client.post(
            url, body, content_type="application/json", HTTP_X_PAGECACHE_SIGNATURE=signature
        )

    fresh = {"paths": [article.url], "ts": int(time.time())}
    assert post(fresh, key=None).status_code == 403
    assert post(fresh, key="another-key").status_code == 403
    assert post({"paths": [article.url], "ts": int(time.time()) - 3600}).status_code == 403
    assert post({"paths": "not-a-list"}).status_code == 400
    assert "签名无效" in post(fresh, key=None).content.decode()
    assert client.get(url).status_code == 405
    assert served(article.url) is not None
    settings.PAGECACHE_PURGE_KEY = ""
    assert post(fresh, key="").status_code == 404  # no key: no endpoint


def test_readers_never_see_a_missing_or_half_written_file_while_pages_are_refreshed():
    generation = store.current_generation()
    versions = [f"<html>{word * 150_000}</html>".encode() for word in ("甲", "乙")]
    assert store.write(generation, "hans-0", "/news/live/", versions[0])
    seen, problems, done = set(), [], threading.Event()

    def read():
        while not done.is_set():
            found = store.cached_file("/news/live/")
            if found is None:
                problems.append("missing")
                continue
            body = found.read_bytes()
            if body in versions:
                seen.add(hashlib.sha1(body).hexdigest())  # noqa: S324 - not for security
            else:
                problems.append(len(body))

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    for n in range(300):
        assert store.write(generation, "hans-0", "/news/live/", versions[n % 2], store.epoch())
        if n % 50 == 0:
            store.purge_paths(["/news/other/"], feeds=True)  # other pages' purges meanwhile
    done.set()
    for reader in readers:
        reader.join()
    assert problems == []
    assert len(seen) == 2


def test_a_render_started_before_a_purge_of_its_page_is_not_stored():
    generation = store.current_generation()
    started = store.epoch()
    store.purge_paths(["/news/a/"])
    assert store.write(generation, "hans-0", "/news/a/", b"old", started) is False
    assert store.cached_file("/news/a/") is None
    assert store.write(generation, "hans-0", "/news/a/", b"new", store.epoch())


def test_query_string_answers_for_anonymous_readers_may_be_microcached(client, admin_client):
    news_article("社区治理新闻")
    response = client.get("/search/", {"q": "社区治理"})
    assert response.status_code == 200 and response["X-Accel-Expires"] == "10"
    assert client.get("/api/search/", {"q": "社区治理"})["X-Accel-Expires"] == "10"
    listing = section(NewsIndexPageFactory, "news", "新闻")
    assert client.get(listing.url, {"page": "1"})["X-Accel-Expires"] == "10"
    # never for editors, form posts, or pages without a query string (the page cache has those)
    assert "X-Accel-Expires" not in admin_client.get("/search/", {"q": "社区治理"})
    assert "X-Accel-Expires" not in client.post("/search/?q=x")
    assert "X-Accel-Expires" not in client.get(listing.url)


def test_an_edited_image_purges_the_pages_showing_it_and_a_new_one_purges_nothing(client):
    feature = photo_feature(caption="旧图注")
    other = news_article("不含这张图片的新闻")
    for page in (feature, other):
        client.get(page.url)
    credited_image()  # uploaded, not used yet
    assert served(feature.url) is not None and served(other.url) is not None

    image = feature.photos.get().image
    image.title = "改过标题的图片"
    image.save()
    # Retired: served stale until the task renders it again; the other page stays fresh.
    assert ("hans-0", feature.url) in store.stale_entries() and served(feature.url)
    assert ("hans-0", other.url) not in store.stale_entries() and served(other.url)


def test_an_answer_made_public_purges_the_pages_showing_it_and_keeps_the_others(
    admin_client, client, django_capture_on_commit_callbacks
):
    _i, _c, township, (village,) = hierarchy()
    disclosure = finance_disclosure(village)
    other = make_policy("与质询无关的政策")
    question = question_on(
        disclosure,
        body="这笔支出是什么？",
        allow_public=True,
        received_on=datetime.date(2026, 4, 10),
    )
    qa_list = reverse("enquiries:qa_list")
    for path in (disclosure.url, village.url, other.url):
        assert client.get(path).status_code == 200
    assert "是办公用品。" not in served(disclosure.url)
    untouched = store.cached_file(other.url)
    before = untouched.stat().st_mtime_ns

    # The village's clerk drafts and a committee member approves from their own account (the
    # village desk); the answer is not public until the officer approves showing it.
    from django.contrib.auth import get_user_model

    from enquiries import village_desk

    users = get_user_model().objects
    clerk = users.create_user("clerk")
    clerk.groups.add(village.accountability.clerks)
    member = users.create_user("member", last_name="王", first_name="某某")
    member.groups.add(village.accountability.committee)
    village_desk.submit_draft(question, clerk, "是办公用品。")
    village_desk.approve(question, member)
    question.refresh_from_db()
    assert "是办公用品。" not in served(disclosure.url)
    data = form_data(admin_client, question, moderation="approved")
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(edit_url(question), data).status_code == 302

    # The disclosure, its village and township are rendered again with the answer in them.
    assert "是办公用品。" in served(disclosure.url)
    assert "是办公用品。" in served(village.url)
    assert served(township.url) is not None
    assert store.cached_file(qa_list) is None
    assert store.cached_file(other.url) == untouched and untouched.stat().st_mtime_ns == before
    assert "是办公用品。" in client.get(qa_list).content.decode()
