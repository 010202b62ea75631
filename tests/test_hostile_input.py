"""Hostile input: XSS payloads through every way content and parameters reach a page, and
malformed requests that must get a 4xx answer, never a 500."""

import html
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from editorial.richtext import sanitize_html
from media.models import PhotoFeatureIndexPage, PhotoFeaturePage, PhotoFeaturePhoto
from media.tests.factories import credited_image, photo_feature
from news.models import CaseStudyIndexPage, NewsArticlePage, NewsIndexPage
from news.tests.factories import case_study, news_article
from policies.models import PolicyIndexPage, PolicyPage
from policies.tests.factories import TopicFactory, policy_page

from .hostile import PAYLOADS, dangerous_markup

pytestmark = pytest.mark.django_db
ALL = "\n".join(PAYLOADS)


def assert_harmless(response):
    assert response.status_code < 500
    if not response.get("Content-Type", "").startswith("text/html"):
        assert response["X-Content-Type-Options"] == "nosniff"  # never sniffed as HTML
        return
    found = dangerous_markup(response.content.decode("utf-8", "replace"))
    assert not found, f"{response.request['PATH_INFO']}: {found}"


def write_records(tmp_path, records):
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return path


def hostile_records():
    return [
        {
            "id": "hostile-news",
            "type": "news",
            "title": '社区新闻<script>alert("gk1")</script>',
            "date": "2024-05-01",
            "author": '<img src=x onerror=alert("gk3")>',
            "source": "'><img src=x onerror=alert('gk12')>",
            "source_url": "javascript:alert('gk24')",
            "body_format": "html",
            "body": "<p>正文</p>" + ALL,
            "tags": ['<svg onload=alert("gk5")>'],
        },
        {
            "id": "hostile-news-2",
            "type": "news",
            "title": "纯文本里的标记",
            "date": "2024-05-02",
            "body": ALL,
        },
        {
            "id": "hostile-photo",
            "type": "photo_feature",
            "title": "图片报道",
            "date": "2024-05-03",
            "place": '"><script>alert("gk11")</script>',
            "photos": [
                {
                    "placeholder": True,
                    "caption": PAYLOADS[2],
                    "alt": "\" onmouseover=\"alert('gk25')",
                    "credit": PAYLOADS[4],
                }
            ],
        },
    ]


def test_importer_accepts_hostile_records_and_renders_them_inert(client, tmp_path):
    records = hostile_records()
    valid_url = {**records[0], "source_url": ""}
    call_command("import_content", str(write_records(tmp_path, [valid_url, *records[1:]])))

    article = NewsArticlePage.objects.get(title__startswith="社区新闻")
    for page in (article, NewsArticlePage.objects.get(title="纯文本里的标记")):
        response = client.get(page.url)
        assert response.status_code == 200
        assert_harmless(response)
        assert "正文" in response.content.decode() or page.title == "纯文本里的标记"
    # The title keeps the reader-visible text, escaped.
    assert html.escape('<script>alert("gk1")</script>', quote=False) in client.get(
        article.url
    ).content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    feature = PhotoFeaturePage.objects.get()
    assert_harmless(client.get(feature.url))
    for listing in (NewsIndexPage, PhotoFeatureIndexPage):
        assert_harmless(client.get(listing.objects.get().url))
    assert_harmless(client.get("/"))


def test_importer_refuses_a_javascript_source_url(tmp_path):
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_content", str(write_records(tmp_path, hostile_records()[:1])), stderr=errors
        )
    assert "source_url" in errors.getvalue()
    assert not NewsArticlePage.objects.exists()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rich_text_sanitiser_leaves_nothing_executable(payload):
    assert dangerous_markup(sanitize_html(f"<p>前文</p>{payload}<p>后文</p>")) == []


def test_rich_text_typed_by_editors_and_pasted_html_render_inert(client):
    typed = "".join(f"<p>{html.escape(p)}</p>" for p in PAYLOADS)  # Draftail stores typed text so
    article = news_article(body=[("paragraph", typed), ("paragraph", sanitize_html(ALL))])
    assert_harmless(client.get(article.url))


def test_image_captions_alt_text_and_credits_render_inert(client):
    image = credited_image(caption=PAYLOADS[0], alt=PAYLOADS[10])
    image.credit = PAYLOADS[2]
    image.save()
    feature = photo_feature(photos=0)
    feature.photos = [PhotoFeaturePhoto(image=image, caption=PAYLOADS[4])]
    feature.save_revision().publish()
    for url in (feature.url, PhotoFeatureIndexPage.objects.get().url, "/"):
        assert_harmless(client.get(url))


def listing_urls():
    news_article()
    case_study()
    policy_page(topics=[TopicFactory()])
    photo_feature()
    return [
        "/",
        NewsIndexPage.objects.get().url,
        CaseStudyIndexPage.objects.get().url,
        PolicyIndexPage.objects.get().url,
        PhotoFeatureIndexPage.objects.get().url,
        PolicyPage.objects.get().url,
        "/search/",
        "/api/search/",
    ]


PARAMS = ["q", "page", "sort", "topic", "region", "authority", "year", "theme", "tag", "type"]
PARAMS += ["category", "validity", "doc_type", "next", "script", "elder", "format", "x"]


def test_every_query_string_parameter_is_escaped(client):
    for url in listing_urls():
        for payload in PAYLOADS:
            response = client.get(url, {name: payload for name in PARAMS})
            assert_harmless(response)


def test_search_queries_are_shown_escaped(client):
    news_article("社区治理")
    for payload in PAYLOADS:
        response = client.get("/search/", {"q": payload})
        assert response.status_code == 200
        assert_harmless(response)
        assert "<script>alert(" not in response.content.decode()


MALFORMED_QUERIES = [
    "q=%E0%A4%A",
    "q=%ZZ%",
    "%%%&&&===",
    "q=%00",
    "page=-1",
    "page=99999999999999999999999",
    "page=1e9",
    "page[]=1&page=2",
    "q=" + "长" * 5000,
    "=" * 3000,
    "q=社区&q=治理&q=%FF",
    "sort=../../etc/passwd",
    "year=0&year=10000",
]


def test_malformed_query_strings_never_cause_a_server_error(client):
    for url in listing_urls():
        for query in MALFORMED_QUERIES:
            wsgi_query = query.encode("utf-8").decode("latin-1")  # as a WSGI server passes it
            response = client.get(url, QUERY_STRING=wsgi_query)
            assert response.status_code < 500, (url, query, response.status_code)


TRAVERSALS = [
    "/static/../gongkai/settings/base.py",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/media/../../etc/passwd",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/media/original_images/..%2f..%2f..%2fetc%2fpasswd",
    "/documents/1/..%2f..%2fetc%2fpasswd",
    "/documents/1/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/siwu-data/disclosure/1/notice/..%2f..%2f",
    "/siwu-data/village/1/qr.svg/../../../etc/passwd",
    "/photographers/..%2f..%2fetc%2fpasswd/",
    "/feeds/topics/..%2f..%2fetc%2fpasswd.rss",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/" + "a/" * 500,
    "/news/\x00/",
]


def test_path_traversal_gets_4xx_and_never_a_file(client):
    for path in TRAVERSALS:
        response = client.get(path)
        assert 400 <= response.status_code < 500, (path, response.status_code)
        body = b"".join(response) if response.streaming else response.content
        assert b"root:" not in body and b"SECRET_KEY" not in body


def test_oversized_and_broken_requests_get_4xx(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]  # as in production: an explicit list
    url = reverse("wagtailadmin_login")  # a view that reads the POST body
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    assert client.post(url, {"q": big}).status_code == 400
    many = {f"f{i}": "1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    assert client.post(url, many).status_code == 400
    broken = client.generic(
        "POST",
        url,
        b'--XYZ\r\nContent-Disposition: form-data; name="q"\r\n\r\nabc\r\n--XY',
        content_type="multipart/form-data; boundary=XYZ",
    )
    assert broken.status_code in (200, 400)  # Django reads what it can; never a 500
    no_boundary = client.generic("POST", url, b"garbage", content_type="multipart/form-data")
    assert 400 <= no_boundary.status_code < 500
    assert Client().get("/", HTTP_HOST="evil.example.com").status_code == 400


def test_bad_uploads_in_the_admin_get_a_message_not_a_500(client, settings):
    settings.AXES_ENABLED = False
    user = get_user_model().objects.create_superuser("editor", "e@example.cn", "pw-for-tests-1")
    client.force_login(user)
    url = reverse("wagtailimages:add")
    broken = client.generic(
        "POST",
        url,
        b'--B\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PN',
        content_type="multipart/form-data; boundary=B",
    )
    assert 400 <= broken.status_code < 500 or broken.status_code == 200
    fake = SimpleUploadedFile("photo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client.post(url, {"title": "假图片", "file": fake, "alt_text": "x"})
    assert response.status_code == 200  # the form again, with an error
    assert "errorlist" in response.content.decode() or "error" in response.content.decode()
