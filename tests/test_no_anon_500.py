"""Bad input a reader can type gets a 4xx or a page with a Chinese note, never a server error
(issue 13): Unicode digits, oversized numbers and ids, bad API filters, odd credits."""

import pytest

from home.tests.factories import home_page
from media.tests.factories import credited_image, photo_feature
from news.tests.factories import news_article

from .test_hostile_input import listing_urls

pytestmark = pytest.mark.django_db

UNICODE_DIGITS = ["²", "①", "٣", "２０２４"]


def test_unicode_digits_on_listings_give_a_note_not_a_500(client):
    urls = listing_urls()
    with_year = [u for u in urls if u.startswith(("/news/", "/cases/", "/search/"))]
    with_year.append("/policies/")
    with_page = with_year + ["/photos/"]
    for url in urls:
        for name in ("year", "page"):
            for value in UNICODE_DIGITS + ["99999999999999999999"]:
                response = client.get(url, {"q": "社区", name: value})
                assert response.status_code < 500, (url, name, value)
                if url in (with_year if name == "year" else with_page):
                    label = "年份" if name == "year" else "页码"
                    note = f"{label}“{value}”无效"
                    assert note in response.content.decode(), (url, value)


def test_search_api_answers_unicode_digits_with_a_message(client):
    news_article("社区治理")
    response = client.get("/api/search/", {"q": "社区", "year": "²", "page": "①"})
    assert response.status_code < 500
    assert "年份“²”无效" in response.content.decode()


BIG = "99999999999999999999"
BAD_ROUTES = [
    f"/siwu-data/disclosure/{BIG}.csv",
    f"/siwu-data/disclosure/{BIG}.json",
    f"/siwu-data/d/{BIG}/",
    f"/siwu-data/v/{BIG}/",
    f"/siwu-data/village/{BIG}/qr.svg",
    f"/siwu-data/village/1/{BIG}.csv",
    f"/siwu-data/disclosure/{BIG}/notice/",
    f"/api/v2/pages/{BIG}/",
    "/api/v2/pages/?order=%00",
]
BAD_API_FILTERS = [
    f"/api/v2/pages/?offset={BIG}",
    "/api/v2/pages/?offset=①",
    f"/api/v2/pages/?limit={BIG}",
    "/api/v2/pages/?limit=-5",
    "/api/v2/pages/?search_operator=xx&search=a",
    "/api/v2/disclosures/?period_start=notadate",
    "/api/v2/policies/?published_date=2020-13-45",
    f"/api/v2/pages/?id={BIG}",
    f"/api/v2/pages/?child_of={BIG}",
    "/api/v2/disclosures/?period_year=²",
]


def test_oversized_ids_are_4xx(client):
    news_article()
    for path in BAD_ROUTES:
        status = client.get(path).status_code
        assert 400 <= status < 500, (path, status)


@pytest.mark.parametrize("path", BAD_API_FILTERS)
def test_bad_api_filters_are_400_with_a_message(client, path):
    news_article()
    response = client.get(path)
    assert response.status_code == 400, (path, response.status_code)
    message = response.json()["message"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message


def test_a_credit_with_a_slash_does_not_break_photo_and_news_pages(client):
    image = credited_image()
    image.credit = "新华社/张三"
    image.save()
    feature = photo_feature(photos=0)
    from media.models import PhotoFeaturePhoto

    feature.photos = [PhotoFeaturePhoto(image=image)]
    feature.save_revision().publish()
    article = news_article(lead_image=image)
    for url in (feature.url, article.url, "/photos/", "/news/"):
        response = client.get(url)
        assert response.status_code == 200, url
    html = client.get(feature.url).content.decode()
    assert f'href="/photographers/{image.pk}/">新华社/张三 摄</a>' in html
    page = client.get(f"/photographers/{image.pk}/")
    assert page.status_code == 200 and "新华社/张三" in page.content.decode()
    assert client.get("/photographers/新华社/张三/").status_code == 404


def test_split_preview_refuses_oversized_text_with_a_message(client, settings):
    from django.contrib.auth import get_user_model

    from policies.admin_views import SPLIT_PREVIEW_MAX

    settings.AXES_ENABLED = False
    user = get_user_model().objects.create_superuser("editor", "e@example.cn", "pw-for-tests-1")
    client.force_login(user)
    url = "/admin/policies/split-preview/"
    response = client.post(url, {"text": "第一条 总则。\n" * (SPLIT_PREVIEW_MAX // 7 + 10)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "全文过长" in html and "请分几段粘贴预览" in html
    assert "errorlist" in html


def test_split_preview_handles_many_repeated_lines():
    from policies.text import split_policy_text

    text = "第一条 总则\n" + "说明文字\n" * 20000 + "第二条 附则\n" * 3000
    result = split_policy_text(text)
    assert len(result.articles) >= 2
    anchors = [a.anchor for a in result.articles]
    assert len(anchors) == len(set(anchors))


def test_og_description_is_escaped_once(client):
    article = news_article(
        body=[("paragraph", "<p>村民&amp;干部&quot;共商&quot;</p>")], search_description=""
    )
    html = client.get(article.url).content.decode()
    assert 'property="og:description" content="村民&amp;干部&quot;共商&quot;' in html
    assert "&amp;amp;" not in html and "&amp;quot;" not in html


@pytest.mark.parametrize(
    "content",
    [b"not a gzip at all", None],
    ids=["not-gzip", "truncated"],
)
def test_a_corrupt_backup_is_refused_with_a_message(tmp_path, content):
    import gzip
    import io as _io
    import tarfile

    from django.core.management import CommandError, call_command

    path = tmp_path / "backup.tar.gz"
    if content is None:
        buffer = _io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
            data = b"x" * 200_000
            info = tarfile.TarInfo("media/big.bin")
            info.size = len(data)
            tar.addfile(info, _io.BytesIO(data))
        content = buffer.getvalue()[: len(buffer.getvalue()) // 2]
        assert gzip  # truncated gzip stream
    path.write_bytes(content)
    with pytest.raises(CommandError) as caught:
        call_command("backup_restore", str(path), yes=True)
    assert "备份文件" in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_a_backup_with_a_corrupt_database_is_refused(tmp_path, settings):
    import io as _io
    import json as _json
    import tarfile

    from django.core.management import CommandError, call_command

    from backup import archive, database

    if database.engine() != "sqlite":
        pytest.skip("SQLite backups only; PostgreSQL dumps are checked by psql itself")
    path = tmp_path / "backup.tar.gz"
    manifest = {
        "format": archive.FORMAT,
        "version": archive.VERSION,
        "engine": "sqlite",
        "database": "db.sqlite3",
        "created": "2024-01-01",
        "media_files": 0,
    }
    with tarfile.open(path, "w:gz") as tar:
        for name, data in (
            ("manifest.json", _json.dumps(manifest).encode()),
            ("db.sqlite3", b"SQLite format 3\x00" + b"\x00" * 200),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, _io.BytesIO(data))
    with pytest.raises(CommandError, match="备份"):
        call_command("backup_restore", str(path), yes=True)
    assert home_page() is not None  # the database is still there


def test_the_black_box_list_of_bad_urls_gets_no_server_error(client):
    """The URL list of ../shared/checks/trust-no-anon-500, through the test client."""
    from urllib.parse import quote

    from disclosures.tests.factories import finance_disclosure, hierarchy

    listing_urls()
    finance_disclosure(hierarchy()[3][0])
    paths = []
    for route in ("/search/", "/api/search/", "/policies/", "/news/", "/cases/", "/photos/"):
        for key, value in (
            ("year", "²"),
            ("year", "①"),
            ("year", "٣"),
            ("page", "²"),
            ("page", "①"),
            ("page", BIG),
            ("page", "-1"),
            ("year", BIG),
            ("sort", "<x>"),
        ):
            paths.append(f"{route}?q={quote('社区')}&{key}={quote(value)}")
        paths.append(f"{route}?q={quote(chr(0))}")
    paths += ["/siwu/?q=%00", "/siwu/?year=%C2%B2", "/%ff%fe/", "/search/?q=%ff%fe"]
    paths += ["/api/search/autocomplete/?q=%ff", "/photographers/" + quote("新华社/张三") + "/"]
    bad = []
    for path in paths:
        status = client.get(path).status_code
        if status >= 500:
            bad.append((path, status))
    assert bad == []
