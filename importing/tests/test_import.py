"""import_content: all-or-nothing validation, idempotency and HTML sanitising."""

import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db

GOOD = {
    "id": "n-1",
    "type": "news",
    "title": "社区志愿服务月启动",
    "body": "第一段。\n\n第二段。",
    "date": "2021-11-21",
    "author": "李丹",
    "source": "四川日报",
}


def write_lines(tmp_path, *lines, name="batch.jsonl"):
    path = tmp_path / name
    path.write_text(
        "\n".join(
            line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
            for line in lines
        ),
        encoding="utf-8",
    )
    return path


def run_import(path, capsys, *extra):
    with pytest.raises(CommandError) as excinfo:
        call_command("import_content", str(path), *extra)
    return str(excinfo.value), capsys.readouterr().err


def test_imports_and_updates_by_id(tmp_path):
    call_command("import_content", str(write_lines(tmp_path, GOOD)))
    page = NewsArticlePage.objects.get()
    assert page.live and page.author == "李丹" and page.source == "四川日报"
    assert "<p>第一段。</p><p>第二段。</p>" in str(page.body[0].value)

    changed = dict(GOOD, title="社区志愿服务月正式启动")
    call_command("import_content", str(write_lines(tmp_path, changed)))
    assert NewsArticlePage.objects.count() == 1
    assert NewsArticlePage.objects.get().title == "社区志愿服务月正式启动"


def test_every_problem_is_reported_with_line_and_nothing_is_imported(tmp_path, capsys):
    path = write_lines(
        tmp_path,
        GOOD,
        "{not json",
        {"id": "n-2", "type": "news", "date": "2021-11-21", "body": "正文"},
        {"id": "n-3", "type": "blogpost", "title": "x", "date": "2021-01-01"},
        dict(GOOD, title="重复编号"),
        dict(GOOD, id="n-4", date="21/11/2021"),
        ["not", "an", "object"],
    )
    message, err = run_import(path, capsys)
    assert "未导入任何内容" in message
    assert ":2: 不是有效的 JSON" in err
    assert ":3: 缺少字段 title" in err
    assert ":4: 未知的类型 'blogpost'" in err
    assert ":5: 编号 'n-1' 重复" in err
    assert ":6: date 应为 YYYY-MM-DD" in err
    assert ":7: 每行应是一个 JSON 对象" in err
    assert NewsArticlePage.objects.count() == 0


def test_dry_run_validates_without_writing(tmp_path):
    pages_before = Page.objects.count()
    call_command("import_content", str(write_lines(tmp_path, GOOD)), "--dry-run")
    assert Page.objects.count() == pages_before


def test_html_bodies_are_sanitised(tmp_path):
    hostile = dict(
        GOOD,
        body_format="html",
        body='<p onclick="x()">正文<script>alert(1)</script><img src=x onerror=alert(2)>'
        '<a href="javascript:alert(3)">链接</a></p><svg onload=alert(4)></svg>',
    )
    call_command("import_content", str(write_lines(tmp_path, hostile)))
    stored = str(NewsArticlePage.objects.get().body[0].value.source)
    for forbidden in ("<script", "onerror", "onclick", "javascript:", "<svg", "alert("):
        assert forbidden not in stored
    assert "正文" in stored and "链接" in stored


def test_interpretation_must_name_an_existing_policy(tmp_path, capsys):
    path = write_lines(
        tmp_path,
        {
            "id": "i-1",
            "type": "interpretation",
            "title": "解读",
            "body": "正文",
            "date": "2020-01-01",
            "interprets": "missing-policy",
        },
    )
    _, err = run_import(path, capsys)
    assert "interprets 指向的政策 'missing-policy' 不存在" in err


def test_photo_needs_alt_text(tmp_path, capsys):
    path = write_lines(
        tmp_path,
        {
            "id": "p-1",
            "type": "photo_feature",
            "title": "图",
            "date": "2020-01-01",
            "photos": [{"placeholder": True, "credit": "钟良"}],
        },
    )
    _, err = run_import(path, capsys)
    assert "缺少替代文字 alt" in err
