"""The demo import builds three non-empty collections from the demo content."""

import pytest
from django.core.management import call_command

from importing import ImportError_, import_files
from importing.pages import lookup
from tests.test_demo_content import DEMO_FILES

pytestmark = pytest.mark.django_db


def test_demo_collections_are_live_and_non_empty(client):
    call_command("import_content", *map(str, DEMO_FILES))
    expected = {
        "special-jianyang-1-6-n": "简阳市“1+6+N”系列配套政策文件（核心文件）",
        "special-sichuan-cases": "青羊區加快實施“三提三增三營造”",
        "special-social-assistance": "志願服務法",
    }
    for record_id, title in expected.items():
        page = lookup(record_id).specific
        assert page.live and page.item_count > 0, record_id
        html = client.get(page.url).content.decode()
        assert title in html, record_id
    jianyang = lookup("special-jianyang-1-6-n").specific
    first = [item.page.title for item in jianyang.first_items(3)]
    assert first[:2] == [
        "简阳市“1+6+N”政策体系",
        "党建引领城乡社区发展治理 建设“城山相映，人水共生”活力新简阳",
    ]
    home = client.get("/").content.decode()
    assert "社会救助政策汇编（现行有效）" in home
    assert 'href="/zhuanti/"' in home


def test_bad_collection_records_are_refused_with_reasons(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "c1", "type": "collection", "title": "坏专题", "content_types": ["video"],'
        ' "topics": ["没有这个主题"], "pinned": ["nowhere"], "page_size": "many"}\n',
        encoding="utf-8",
    )
    with pytest.raises(ImportError_) as raised:
        import_files([bad])
    text = "\n".join(raised.value.problems)
    assert "content_types 中有未知类型 ['video']" in text
    assert "topics 中的 没有这个主题 不存在" in text
    assert "pinned 中的记录 'nowhere' 不存在" in text
    assert "page_size 应为整数" in text
