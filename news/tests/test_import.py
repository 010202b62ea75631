"""import_content fills tags, themes, key figures, related policies and photos, all or nothing."""

import json

import pytest
from django.core.management import CommandError, call_command
from PIL import ExifTags, Image

from importing.pages import lookup
from media.models import CreditedImage, PhotoFeaturePage
from media.tests.factories import jpeg_with_gps
from news.models import CaseStudyPage, NewsArticlePage

pytestmark = pytest.mark.django_db

POLICY = {
    "id": "p-30",
    "type": "policy",
    "title": "城乡社区发展治理30条",
    "date": "2017-09-01",
    "is_summary": True,
    "summary": "报道中的介绍。",
    "body": "报道称，成都市制定出台了这一文件。",
}
CASE = {
    "id": "c-qy",
    "type": "case_study",
    "title": "青羊区加快实施“三提三增三营造”",
    "body": "第一段。\n\n第二段。",
    "date": "2018-10-10",
    "author": "高志",
    "region": "四川省成都市青羊区",
    "region_level": "county",
    "themes": ["人才队伍", "社区营造"],
    "tags": ["青羊区", "社区基金会"],
    "key_figures": [
        {"number": "240", "unit": "个", "label": "新建党群服务中心"},
        {"number": "2.7", "unit": "万平方米", "label": "小游园·微绿地"},
    ],
    "related_policies": ["p-30"],
    "lead_photo": {"placeholder": True, "alt": "示例图片", "credit": "钟良"},
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def write(tmp_path, *records, name="batch.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return path


def test_case_study_fields_are_imported_and_updated_in_place(tmp_path):
    policy = dict(POLICY, region="四川省成都市青羊区")  # saved first; its level is only a guess
    call_command("import_content", str(write(tmp_path, policy, CASE)))
    page = CaseStudyPage.objects.get()
    assert page.region.name == "四川省成都市青羊区" and page.region.level == "county"
    assert sorted(t.name for t in page.themes.all()) == ["人才队伍", "社区营造"]
    assert sorted(page.tag_names()) == ["社区基金会", "青羊区"]
    assert [(f.number, f.unit, f.label) for f in page.key_figures.all()] == [
        ("240", "个", "新建党群服务中心"),
        ("2.7", "万平方米", "小游园·微绿地"),
    ]
    assert page.related_policies() == [lookup("p-30").specific]
    assert page.lead_image.credit == "钟良" and page.lead_image.alt_text == "示例图片"

    changed = dict(CASE, themes=["社区营造"], key_figures=[], tags=["青羊区"])
    call_command("import_content", str(write(tmp_path, POLICY, changed)))
    page = CaseStudyPage.objects.get()
    assert [t.name for t in page.themes.all()] == ["社区营造"]
    assert page.key_figures.count() == 0 and page.tag_names() == ["青羊区"]
    assert CreditedImage.objects.count() == 1  # the lead photo was updated, not duplicated


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"key_figures": [{"number": "两百", "label": "x"}]}, "number 应为数字字符串"),
        ({"key_figures": [{"number": "1"}]}, "缺少 label"),
        ({"related_policies": ["p-missing"]}, "政策 'p-missing' 不存在"),
        ({"themes": "党建引领"}, "themes 应为非空字符串组成的列表"),
        ({"region_level": "district"}, "region_level 只能是"),
        ({"lead_photo": {"placeholder": True}}, "lead_photo 缺少替代文字 alt"),
    ],
)
def test_bad_fields_are_reported_and_nothing_is_imported(tmp_path, capsys, change, message):
    path = write(tmp_path, POLICY, dict(CASE, **change))
    with pytest.raises(CommandError):
        call_command("import_content", str(path))
    reported = capsys.readouterr().err
    assert f"{path}:2:" in reported and message in reported  # line 2 is the case study
    assert not CaseStudyPage.objects.exists() and lookup("p-30") is None


def test_news_tags_and_photo_feature_files_are_imported_without_location_data(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "wind.jpg").write_bytes(jpeg_with_gps())
    news = {
        "id": "n-1",
        "type": "news",
        "title": "试点示范",
        "body": "正文。",
        "date": "2021-11-21",
        "tags": ["四川", "试点示范"],
    }
    photo = {
        "id": "ph-1",
        "type": "photo_feature",
        "title": "云端风电建设忙",
        "date": "2020-12-01",
        "tags": ["风电"],
        "place": "广西龙胜",
        "photos": [
            {
                "file": "photos/wind.jpg",
                "alt": "山顶的风力发电机",
                "credit": "黄勇丹",
                "caption": "南山风电项目建设工地。",
                "date_taken": "2020-11-30",
            }
        ],
    }
    call_command("import_content", str(write(tmp_path, news, photo)))
    assert sorted(NewsArticlePage.objects.get().tag_names()) == ["四川", "试点示范"]
    feature = PhotoFeaturePage.objects.get()
    assert [t.name for t in feature.tags.all()] == ["风电"]
    image = feature.photos.get().image
    assert image.credit_line == "黄勇丹 摄" and str(image.date_taken) == "2020-11-30"
    with image.open_file() as f, Image.open(f) as stored:
        assert not stored.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert ExifTags.Base.Model not in stored.getexif()


def test_damaged_photo_file_is_refused_before_anything_is_imported(tmp_path, capsys):
    whole = jpeg_with_gps(size=(300, 200))
    (tmp_path / "broken.jpg").write_bytes(whole[: len(whole) // 2])
    photo = {
        "id": "ph-2",
        "type": "photo_feature",
        "title": "损坏",
        "date": "2020-12-01",
        "photos": [{"file": "broken.jpg", "alt": "说明"}],
    }
    with pytest.raises(CommandError):
        call_command("import_content", str(write(tmp_path, POLICY, photo)))
    output = capsys.readouterr()
    assert "已损坏或无法读取" in output.err + output.out
    assert not PhotoFeaturePage.objects.exists() and not CreditedImage.objects.exists()


def test_html_subheadings_become_heading_blocks(tmp_path, client):
    record = dict(
        CASE,
        related_policies=[],
        body_format="html",
        body="<p>导语。</p><h2>党建引领 五级联动带</h2><p>强化党建引领。</p>"
        "<h2>A &amp; B</h2><p>第二节<script>alert(1)</script>。</p>",
    )
    call_command("import_content", str(write(tmp_path, record)))
    page = CaseStudyPage.objects.get()
    assert [block.block_type for block in page.body] == [
        "paragraph",
        "heading",
        "paragraph",
        "heading",
        "paragraph",
    ]
    assert page.body[1].value["text"] == "党建引领 五级联动带"
    assert page.body[3].value["text"] == "A & B"
    html = client.get(page.url).content.decode()
    assert "<h2>党建引领 五级联动带</h2>" in html and "<h2>A &amp; B</h2>" in html
    assert "alert(1)" not in html
