"""The anonymous server errors of the attack run (issue 25, reproduction 10) answer 4xx: ids of
20 digits, a huge API offset, a NUL in a saved search, a purge signature that is not ASCII."""

import json
import time

import pytest

from news.tests.factories import news_article

pytestmark = pytest.mark.django_db
BIG = "99999999999999999999"
NOT_FOUND = [
    f"/hudong/zhixun/{BIG}/",
    f"/hudong/wenda/{BIG}/",
    f"/hudong/nianbao/{BIG}.xlsx",
    f"/feeds/siwu/{BIG}.rss",
    f"/feeds/siwu/{BIG}.atom",
    f"/feeds/authorities/{BIG}.rss",
    f"/feeds/authorities/{BIG}.atom",
    f"/api/v2/answers/{BIG}/",
]


@pytest.mark.parametrize("path", NOT_FOUND)
def test_a_twenty_digit_id_is_not_found(client, path):
    response = client.get(path)
    assert response.status_code == 404, (path, response.status_code)


@pytest.mark.parametrize("endpoint", ["specials", "policies", "disclosures", "villages"])
def test_a_huge_api_offset_is_a_chinese_400(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"offset": BIG})
    assert response.status_code == 400
    assert "offset" in response.json()["message"] and "应为" in response.json()["message"]


@pytest.mark.parametrize("feed", ["/feeds/search.rss", "/feeds/search.atom"])
@pytest.mark.parametrize("query", ["\x00", "社区\x00治理", "\x0b\x1f"])
def test_control_characters_in_a_saved_search_never_break_the_feed(client, feed, query):
    news_article("社区治理的新进展")
    response = client.get(feed, {"q": query})
    assert response.status_code in (200, 404), response.status_code
    if response.status_code == 200:
        assert b"\x00" not in response.content and "社区 治理" in response.content.decode()


def test_a_purge_signature_that_is_not_ascii_is_refused(client, settings):
    settings.PAGECACHE_PURGE_KEY = "test-purge-key-not-secret"
    body = json.dumps({"paths": ["/"], "ts": int(time.time())}).encode()
    response = client.post(
        "/pagecache/purge/",
        body,
        content_type="application/json",
        headers={"X-Pagecache-Signature": "签名".encode().decode("latin-1")},
    )
    assert response.status_code == 403
