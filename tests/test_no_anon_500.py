"""Bad input a reader can type gets a 4xx or a page with a Chinese note, never a server error
(issue 13): Unicode digits, oversized numbers and ids, bad API filters, odd credits."""

import pytest

from . import pagebuilders as build
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
    build.news_article("社区治理")
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
    build.news_article()
    for path in BAD_ROUTES:
        status = client.get(path).status_code
        assert 400 <= status < 500, (path, status)


@pytest.mark.parametrize("path", BAD_API_FILTERS)
def test_bad_api_filters_are_400_with_a_message(client, path):
    build.news_article()
    response = client.get(path)
    assert response.status_code == 400, (path, response.status_code)
    message = response.json()["message"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message


def test_a_credit_with_a_slash_does_not_break_photo_and_news_pages(client):
    image = build.image()
    image.credit = "新华社/张三"
    image.save()
    feature = build.photo_feature(photos=0)
    from media.models import PhotoFeaturePhoto

    feature.photos = [PhotoFeaturePhoto(image=image)]
    feature.save_revision().publish()
    article = build.news_article(lead_image=image)
    for url in (feature.url, article.url, "/photos/", "/news/"):
        response = client.get(url)
        assert response.status_code == 200, url
    html = client.get(feature.url).content.decode()
    assert f'href="/photographers/{image.pk}/">新华社/张三 摄</a>' in html
    page = client.get(f"/photographers/{image.pk}/")
    assert page.status_code == 200 and "新华社/张三" in page.content.decode()
    assert client.get("/photographers/新华社/张三/").status_code == 404
