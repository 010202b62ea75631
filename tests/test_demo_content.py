"""The demo content: every seed piece is a live page with its attribution and no scraping noise."""

import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from importing.pages import lookup
from tests.moduledb import module_rows

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "home" / "demo" / "seeds.jsonl"
DEMO_FILES = [
    SEEDS,
    *sorted(ROOT.glob("policies/demo/*.jsonl")),
    *sorted(ROOT.glob("disclosures/demo/*.jsonl")),
    *sorted(ROOT.glob("specials/demo/*.jsonl")),
]
PINYIN_NOISE = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
BOILERPLATE = ("免责声明", "猜你喜欢", "欢迎访问", "传真", "版权所有，未经")

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def imported_demo(django_db_setup, django_db_blocker):
    """The demo imported once for the module (tests.moduledb); each test's changes roll back."""
    with module_rows(django_db_blocker):
        call_command("import_content", *map(str, DEMO_FILES))
        yield [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture
def demo(imported_demo, db):
    return imported_demo


def test_seed_files_yield_every_piece():
    records = [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines()]
    types = [r["type"] for r in records]
    assert types.count("photo_feature") == 4  # three captions in 000, Longsheng in 001
    assert types.count("interpretation") == 1  # seed 004
    assert types.count("news") >= 1  # seed 003
    assert types.count("case_study") >= 4  # Jianyang, Xianning, Xuyang, Qingyang


def test_every_seed_piece_is_a_live_page_with_attribution(client, demo):
    for record in demo:
        page = lookup(record["id"])
        assert page is not None and page.live, record["id"]
        response = client.get(page.url)
        assert response.status_code == 200, record["id"]
        html = response.content.decode()
        assert record["title"].replace('"', "&quot;") in html or record["title"] in html
        if record.get("source"):
            assert record["source"] in html, record["id"]
        if record.get("author"):
            assert record["author"] in html, record["id"]
        assert not PINYIN_NOISE.search(html), record["id"]
        for phrase in BOILERPLATE:
            assert phrase not in html, (record["id"], phrase)


def test_photo_features_credit_the_photographer(client, demo):
    page = lookup("seed-000-photo-96-sui")
    html = client.get(page.url).content.decode()
    assert "钟良 摄" in html


def test_reimporting_the_demo_never_duplicates(demo):
    from wagtail.models import Page

    count = Page.objects.count()
    call_command("import_content", *map(str, DEMO_FILES))
    assert Page.objects.count() == count


def test_home_page_lists_latest_content(client, demo):
    html = client.get("/").content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "新闻动态" in html and "图片报道" in html
    assert lookup("seed-003-sichuan-pilot").title in html


def test_the_xuyang_case_study_and_its_village_link_both_ways(client, demo):
    from disclosures.models import VillagePage

    case = lookup("seed-001-xuyang")
    village = VillagePage.objects.get(title="圩洋村")
    assert village.url in client.get(case.url).content.decode()
    assert case.url in client.get(village.url).content.decode()


def image_sources(html):
    return set(re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', html))


def test_every_image_on_the_demos_home_and_photo_pages_loads(client, demo, settings):
    """`make demo` (DEBUG off, no nginx) serves uploads as the production recipe does."""
    from media.models import PhotoFeatureIndexPage, PhotoFeaturePage

    settings.DEBUG, settings.GONGKAI_SERVE_MEDIA = False, True
    call_command("siteidentity_demo")
    photo_pages = [*PhotoFeatureIndexPage.objects.live(), *PhotoFeaturePage.objects.live()]
    pages = ["/", *(p.url for p in photo_pages)]
    sources = set()
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        sources |= image_sources(response.content.decode())
    media = [src for src in sources if src.startswith("/media/")]
    assert len(media) >= 5, sources  # photo features, home photos, the website badge
    for src in sorted(sources):
        response = client.get(src.replace("&amp;", "&"))
        assert response.status_code == 200, src
        assert response["Content-Type"].startswith("image/"), (src, response["Content-Type"])
        if src.startswith("/media/"):
            assert "sandbox" in response["Content-Security-Policy"]
            assert response["X-Content-Type-Options"] == "nosniff"


def test_uploaded_documents_stay_behind_the_document_view(client, settings):
    settings.GONGKAI_SERVE_MEDIA = True
    documents = Path(settings.MEDIA_ROOT) / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "private.pdf").write_bytes(b"%PDF-1.4 private")
    assert client.get("/media/documents/private.pdf").status_code == 404
    assert client.get("/media/../secret_key").status_code in (400, 404)
    settings.GONGKAI_SERVE_MEDIA = False
    (Path(settings.MEDIA_ROOT) / "x.txt").write_text("x")
    assert client.get("/media/x.txt").status_code == 404
