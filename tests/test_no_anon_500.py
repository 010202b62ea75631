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
