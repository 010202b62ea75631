"""Personal data as people really type it, found and masked; numbers that are not personal stay."""

import pytest

from personaldata.detect import check_digit, find
from personaldata.masking import mask, mask_contact_text, mask_id, mask_name, mask_phone

ID = "11010519491231002X"  # GB 11643's worked example
ID_MASKED = "1101**********002X"
CARD = "6222021234567890128"  # Luhn check digit 8
CARD_MASKED = "6222***********0128"


def wide(text):
    """The full-width form Chinese input methods produce by default."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


MASKED = [
    # mobile numbers
    ("电话13812345678", "电话138****5678"),
    ("电话 138 1234 5678", "电话 138****5678"),
    ("电话138-1234-5678", "电话138****5678"),
    ("电话138.1234.5678", "电话138****5678"),
    ("电话138·1234·5678", "电话138****5678"),
    ("电话+8613812345678", "电话138****5678"),
    ("电话+86 138 1234 5678", "电话138****5678"),
    ("电话8613812345678", "电话138****5678"),
    ("电话0086-13812345678", "电话138****5678"),
    ("电话(+86)13812345678", "电话138****5678"),
    ("电话" + wide("13812345678"), "电话138****5678"),
    ("电话" + wide("+86 138-1234-5678"), "电话138****5678"),
    ("电话138\u200b1234\u200b5678", "电话138****5678"),
    ("电话1\u200d3\u200d8\u200d12345678", "电话138****5678"),
    ("电话\ufeff19912345678", "电话\ufeff199****5678"),
    ("手机：17012345678。", "手机：170****5678。"),
    ("联系15912345678或13812345678", "联系159****5678或138****5678"),
    # resident ID numbers, 18 and 15 characters
    (f"身份证{ID}", f"身份证{ID_MASKED}"),
    (f"身份证{ID.lower()}", f"身份证{ID_MASKED}"),
    ("身份证110105 19491231 002X", f"身份证{ID_MASKED}"),
    ("身份证110105-1949-1231-002X", f"身份证{ID_MASKED}"),
    ("身份证110105.19491231.002X", f"身份证{ID_MASKED}"),
    ("身份证" + wide(ID), f"身份证{ID_MASKED}"),
    ("身份证" + wide(ID.lower()), f"身份证{ID_MASKED}"),
    ("身份证1101\u200b0519491231002X", f"身份证{ID_MASKED}"),
    ("老身份证110105491231002", "老身份证1101*******1002"),
    ("老身份证" + wide("110105491231002"), "老身份证1101*******1002"),
    (f"身份证号码为{ID}，", f"身份证号码为{ID_MASKED}，"),
    # bank cards
    (f"卡号{CARD}", f"卡号{CARD_MASKED}"),
    ("卡号6222 0212 3456 7890 128", f"卡号{CARD_MASKED}"),
    ("卡号6222-0212-3456-7890-128", f"卡号{CARD_MASKED}"),
    ("卡号" + wide(CARD), f"卡号{CARD_MASKED}"),
    # e-mail addresses
    ("邮箱zhang.san@example.com", "邮箱z***@***"),
    ("邮箱zhang＠example.com", "邮箱z***@***"),
    ("邮箱" + wide("li@qq.com"), "邮箱l***@***"),
    ("邮箱wang+news@163.com", "邮箱w***@***"),
    # several kinds in one sentence
    (
        f"张某{ID}，电话138 1234 5678，卡号{CARD}",
        f"张某{ID_MASKED}，电话138****5678，卡号{CARD_MASKED}",
    ),
]

UNCHANGED = [
    "凭证号20240101000012345678",  # a voucher number: part of a longer run
    "110105194912310021",  # wrong check digit: not an ID number
    "138123456789",  # 12 digits: not a mobile number
    "1381234567",  # 10 digits
    "12812345678",  # 12x is not a mobile prefix
    "6222021234567890127",  # fails the Luhn check
    "2024年1月15日支出1500.10元",
    "第138条",
    "文号民发〔2024〕12号",
    "",
]


@pytest.mark.parametrize("text,expected", MASKED)
def test_personal_data_as_typed_is_masked(text, expected):
    assert mask(text) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_numbers_that_are_not_personal_stay(text):
    assert mask(text) == text


def test_the_table_is_large_enough():
    assert len(MASKED) + len(UNCHANGED) >= 40


def test_findings_point_at_the_original_text():
    text = "电话" + wide("13812345678") + "。"
    (finding,) = find(text)
    assert text[finding.start : finding.end] == wide("13812345678")
    assert finding.kind == "mobile" and finding.label == "手机号"


def test_contact_text_also_hides_landlines_and_house_numbers():
    text = "住幸福路8号3单元，座机0571-88886666，邮箱a.b@example.com"
    masked = mask_contact_text(text)
    for secret in ("8号", "3单元", "88886666", "a.b@example.com"):
        assert secret not in masked
    assert "0571-****66" in masked
    # A village office's published landline is not personal: plain masking keeps it.
    assert mask("村委会电话0571-88886666") == "村委会电话0571-88886666"


def test_form_field_helpers():
    assert mask_name("张三丰") == "张**"
    assert mask_name("  ") == ""
    assert mask_phone("138 1234 5678") == "138****5678"
    assert mask_id(ID) == "11**************2X"


def test_every_valid_random_id_is_masked():
    for first17 in ("32090219800101123", "44030619991231456", "65010120000229001"):
        number = first17 + check_digit(first17)
        assert number not in mask(f"号码{number}")
