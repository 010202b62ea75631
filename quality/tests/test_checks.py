"""The checker on plain text: what blocks, what only warns, and that it stays quick."""

import time

from personaldata.detect import check_digit
from quality.checks import BLOCK, WARN, Lists, check
from quality.seed import LISTS

LISTS_ = Lists(
    corrections=(("中华人民共合国", "中华人民共和国"), ("人民检查院", "人民检察院")),
    prohibited=(("残废人", "称“残疾人”"),),
    confusions=(("按装", "安装"),),
)
ID_NUMBER = "11010519491231002" + check_digit("11010519491231002")


def messages(text, severity):
    return [f.message for f in check(text, LISTS_) if f.severity == severity]


def test_wrong_official_name_blocks_with_the_right_form():
    assert messages("根据《中华人民共合国宪法》规定", BLOCK) == [
        "严重表述错误：“中华人民共合国”应为“中华人民共和国”"
    ]


def test_unmasked_id_and_mobile_block_masked_ones_do_not():
    found = messages(f"申请人身份证号{ID_NUMBER}，手机 138 0013 8000。", BLOCK)
    assert any("身份证号" in m and ID_NUMBER in m for m in found)
    assert any("手机号" in m for m in found)
    assert messages("身份证号110105********0021，手机138****8000。", BLOCK) == []


def test_office_email_is_not_blocked():
    assert messages("来信请寄 zwgk@example.gov.cn。", BLOCK) == []


def test_prohibited_word_blocks():
    assert messages("关爱残废人", BLOCK) == ["禁用词：“残废人”不得在公开内容中使用（称“残疾人”）"]


def test_typos_and_half_width_punctuation_only_warn():
    text = "请按装完毕,再通知住户!谢谢"
    assert messages(text, BLOCK) == []
    warned = messages(text, WARN)
    assert "疑似错别字：“按装”是否应为“安装”" in warned
    assert any("“,”应为全角“，”" in m for m in warned)
    assert any("“!”应为全角“！”" in m for m in warned)
    assert messages("version 1,2 and 3!", WARN) == []


def test_a_right_name_is_not_a_wrong_one():
    lists = Lists(corrections=(("检查院", "检察院"), ("人民检查", "人民检查院")))
    assert [f.message for f in check("人民检查院的职责", lists)] == []


def test_a_long_page_is_checked_in_one_pass():
    data = __import__("json").loads(LISTS.read_text(encoding="utf-8"))
    lists = Lists(
        corrections=tuple((w, r) for w, r, *_ in data["corrections"]),
        prohibited=tuple((w, a) for w, a, _ in data["prohibited"]),
        confusions=tuple(map(tuple, data["confusions"])),
    )
    page = ("区政府召开常务会议，研究部署乡村振兴工作。" * 1000)[:19990] + "国务院办公室"
    started = time.perf_counter()
    found = check(page, lists)
    elapsed = time.perf_counter() - started
    assert [f.key for f in found] == ["correction:国务院办公室"]
    print(f"20,000 characters checked in {elapsed * 1000:.1f} ms")


def test_seeded_lists_name_a_source_for_every_entry():
    data = __import__("json").loads(LISTS.read_text(encoding="utf-8"))
    assert len(data["corrections"]) >= 40
    for *_, source in data["corrections"] + data["prohibited"]:
        assert data["sources"][source]
