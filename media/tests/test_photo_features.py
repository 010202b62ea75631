"""Photo feature pages: credited photos, a gallery usable without a mouse, photographer pages."""

from urllib.parse import quote

import pytest

from home.tests.factories import home_page
from media.tests.factories import (
    CreditedImageFactory,
    PhotoFeatureIndexPageFactory,
    PhotoFeaturePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return PhotoFeatureIndexPageFactory(parent=home_page())


def test_photo_feature_credits_the_photographer_and_links_to_their_page(client, index):
    image = CreditedImageFactory(credit="钟良", caption="96岁了", alt_text="一位老人坐在院子里")
    page = PhotoFeaturePageFactory(parent=index, title="96岁了", photos=[image])
    html = client.get(page.url).content.decode()
    photographer_url = f"/photographers/{image.pk}/"
    assert f'<a class="credit" href="{photographer_url}">钟良 摄</a>' in html
    assert 'alt="一位老人坐在院子里"' in html
    assert "<picture>" in html and "srcset=" in html


def test_photographer_page_lists_their_other_work(client, index):
    first = PhotoFeaturePageFactory(
        parent=index, title="花的世界", photos=[CreditedImageFactory(credit="梁晓")]
    )
    second = PhotoFeaturePageFactory(
        parent=index, title="幸福的芬芳", photos=[CreditedImageFactory(credit="梁晓")]
    )
    other = PhotoFeaturePageFactory(
        parent=index, title="别人的作品", photos=[CreditedImageFactory(credit="方佥")]
    )
    response = client.get(f"/photographers/{quote('梁晓')}/", follow=True)  # older link by name
    html = response.content.decode()
    assert response.status_code == 200 and "梁晓 摄" in html
    assert first.title in html and second.title in html and other.title not in html
    assert client.get(f"/photographers/{quote('无名氏')}/").status_code == 404
    assert client.get("/photographers/99999999999999999999/").status_code == 404
    related = first.related_pages()
    assert related[0] == second


def test_gallery_works_by_keyboard_and_without_javascript(client, index):
    photos = [CreditedImageFactory(caption=f"第{n}张说明") for n in range(1, 4)]
    page = PhotoFeaturePageFactory(parent=index, photos=photos)
    html = client.get(page.url).content.decode()
    for n in (1, 2, 3):
        assert f'<a href="#photo-{n}">第 {n} 张</a>' in html
        assert f'id="photo-{n}" tabindex="-1"' in html
        assert f'<span class="gallery-position">{n}/3</span>' in html
    assert '<script src="/static/media/gallery.js" defer></script>' in html
    body = html.split("<body", 1)[1]
    assert "<script" not in body and " style=" not in body and " onclick=" not in body


def test_listing_shows_credit_and_is_paginated(client, index):
    PhotoFeaturePageFactory(
        parent=index, title="云端风电", photos=[CreditedImageFactory(credit="黄勇丹")]
    )
    html = client.get(index.url).content.decode()
    assert "云端风电" in html and "黄勇丹 摄" in html
    assert client.get(index.url, {"page": "abc"}).status_code == 200
