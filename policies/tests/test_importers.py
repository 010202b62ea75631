import json
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from policies.models import (
    PolicyInterpretationPage,
    PolicyPackagePage,
    PolicyPage,
    PolicyVersion,
)

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parent.parent / "demo" / "corpus-sample.jsonl"

POLICY = {
    "id": "p-30",
    "type": "policy",
    "title": "关于深入推进城乡社区发展治理的意见",
    "date": "2017-09-02",
    "doc_number": "成委发[2017]27号",
    "index_number": "CD-2017-27",
    "issuing_authorities": ["中共成都市委", "成都市人民政府"],
    "doc_type": "意见",
    "validity": "有效",
    "topics": ["城乡社区治理"],
    "region": "四川省成都市",
    "body": "为推进治理，提出如下意见。\n第一章　总则\n第一条　目的。\n第十二条　施行日期。",
}


def write(tmp_path, *records, name="batch.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return str(path)


def test_policy_interpretation_and_package_import(tmp_path, client):
    other = dict(
        POLICY,
        id="p-support",
        title="配套办法",
        doc_number="成委发（2017）28号",
        index_number="CD-2017-28",
    )
    records = [
        POLICY,
        other,
        {
            "id": "i-1",
            "type": "interpretation",
            "title": "解读",
            "date": "2017-09-03",
            "body": "解读正文。",
            "interprets": "p-30",
        },
        {
            "id": "pkg",
            "type": "package",
            "title": "政策体系",
            "date": "2017-09-02",
            "members": [{"id": "p-30", "role": "core"}, {"id": "p-support", "role": "supporting"}],
        },
    ]
    call_command("import_content", write(tmp_path, *records))
    page = PolicyPage.objects.get(title=POLICY["title"])
    assert page.doc_number == "成委发〔2017〕27号"
    assert sorted(page.issuing_authorities_list) == ["中共成都市委", "成都市人民政府"]
    assert page.region.name == "四川省成都市"
    assert [a["anchor"] for a in page.articles()] == ["article-1", "article-12"]
    interpretation = PolicyInterpretationPage.objects.get()
    assert interpretation.interprets_id == page.pk
    package = PolicyPackagePage.objects.get()
    assert [(m.policy.title, m.role) for m in package.members.all()] == [
        (POLICY["title"], "core"),
        ("配套办法", "supporting"),
    ]
    content = client.get(page.url).content.decode()
    assert "《政策体系》</a>的核心文件" in content and "解读" in content


def test_reimport_is_idempotent_and_records_a_version(tmp_path):
    call_command("import_content", write(tmp_path, POLICY))
    call_command("import_content", write(tmp_path, POLICY))
    assert PolicyPage.objects.count() == 1
    changed = dict(POLICY, body=POLICY["body"].replace("目的", "立法目的"))
    call_command("import_content", write(tmp_path, changed))
    page = PolicyPage.objects.get()
    versions = list(PolicyVersion.objects.filter(page=page).order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[1].change_note.startswith("批量导入更新")


def test_relations_from_import(tmp_path, client):
    old = dict(
        POLICY, id="p-old", title="旧意见", doc_number="成委发〔2012〕1号", index_number="CD-2012-1"
    )
    new = dict(POLICY, repeals=["p-old"])
    call_command("import_content", write(tmp_path, old, new))
    old_page = PolicyPage.objects.get(title="旧意见")
    text = re.sub(r"<[^>]+>", "", client.get(old_page.url).content.decode())
    assert f"被《{POLICY['title']}》废止" in text


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"doc_number": "第27号"}, "不是有效的发文字号"),
        ({"validity": "永久有效"}, "validity 只能是"),
        ({"issuing_authorities": "中共成都市委"}, "issuing_authorities 应为"),
        ({"written_date": "2017/09/01"}, "written_date 应为 YYYY-MM-DD"),
        ({"repeals": ["missing"]}, "repeals 中的政策 'missing' 不存在"),
    ],
)
def test_bad_policy_records_import_nothing(tmp_path, capsys, change, problem):
    good = dict(POLICY, id="p-good", doc_number="成委发〔2017〕99号", index_number="X-1")
    bad = dict(POLICY, **change)
    with pytest.raises(CommandError):
        call_command("import_content", write(tmp_path, good, bad))
    assert problem in capsys.readouterr().err
    assert PolicyPage.objects.count() == 0


def test_duplicates_within_a_batch_are_reported(tmp_path, capsys):
    twin = dict(POLICY, id="p-twin", doc_number="成委发（2017）27号", index_number="CD-2017-27")
    with pytest.raises(CommandError):
        call_command("import_content", write(tmp_path, POLICY, twin))
    err = capsys.readouterr().err
    assert "发文字号 成委发〔2017〕27号 与同批记录" in err
    assert "索引号 CD-2017-27 与同批记录" in err


def test_same_number_from_another_issuer_is_allowed(tmp_path):
    other = dict(POLICY, id="p-other", issuing_authorities=["简阳市委"], index_number="JY-1")
    call_command("import_content", write(tmp_path, POLICY, other))
    assert PolicyPage.objects.filter(doc_number="成委发〔2017〕27号").count() == 2


def test_bad_package_and_interpretation(tmp_path, capsys):
    records = [
        POLICY,
        {
            "id": "i",
            "type": "interpretation",
            "title": "解读",
            "date": "2017-09-03",
            "body": "正文",
            "interprets": "nope",
        },
        {
            "id": "k",
            "type": "package",
            "title": "体系",
            "date": "2017-09-02",
            "members": [{"id": "p-30", "role": "leader"}],
        },
    ]
    with pytest.raises(CommandError):
        call_command("import_content", write(tmp_path, *records))
    err = capsys.readouterr().err
    assert "interprets 指向的政策 'nope' 不存在" in err
    assert "members 第 1 项应有 id 和 role" in err
    assert PolicyPage.objects.count() == 0


def test_demo_corpus_sample_imports(tmp_path):
    call_command("import_content", str(DEMO))
    assert PolicyPage.objects.count() == 20
    law = PolicyPage.objects.get(title="中华人民共和国个人所得税法实施条例")
    assert law.doc_number == "国令第707号" and len(law.articles()) > 30
    taiwan = PolicyPage.objects.get(title="公寓大廈及社區安全管理辦法")
    assert taiwan.validity == "已废止" and taiwan.out_of_force


def test_record_date_becomes_published_date_only_for_official_texts(tmp_path):
    summary = dict(
        POLICY,
        id="p-summary",
        title="报道中提到的文件",
        doc_number="",
        index_number="",
        is_summary=True,
        date="2019-01-01",
    )
    official = dict(POLICY, date="2017-09-02")
    call_command("import_content", write(tmp_path, summary, official))
    assert PolicyPage.objects.get(title="报道中提到的文件").published_date is None
    assert str(PolicyPage.objects.get(title=POLICY["title"]).published_date) == "2017-09-02"
