"""Checks for identity numbers an applicant gives, with Chinese messages.

The check digits are python-stdnum's (``stdnum.cn.ric``, ``stdnum.cn.uscc``); this module
decides which rule failed and says so in Chinese.

- 居民身份证 / 港澳台居民居住证: 18 characters, GB 11643 check digit (ISO 7064 MOD 11-2),
  a real birth date, a known province code.
- 统一社会信用代码: 18 characters, GB 32100 check character (MOD 31).
- passes and passports: their published shapes.
"""

import datetime
import re

from stdnum.cn import uscc

from .detect import check_digit
from .normalise import normalise as text_normalise

RESIDENT_ID = "resident_id"
RESIDENCE_PERMIT = "residence_permit"
HK_MACAO_PASS = "hk_macao_pass"  # noqa: S105  (a document type, not a secret)
TAIWAN_PASS = "taiwan_pass"  # noqa: S105
PASSPORT = "passport"
CREDIT_CODE = "credit_code"
OTHER = "other"

PERSON_ID_CHOICES = [
    (RESIDENT_ID, "居民身份证"),
    (RESIDENCE_PERMIT, "港澳台居民居住证"),
    (HK_MACAO_PASS, "港澳居民来往内地通行证"),
    (TAIWAN_PASS, "台湾居民来往大陆通行证"),
    (PASSPORT, "护照"),
    (OTHER, "其他有效证件"),
]
ORGANISATION_ID_CHOICES = [(CREDIT_CODE, "统一社会信用代码"), (OTHER, "其他证照号码")]
ID_TYPE_LABELS = dict(PERSON_ID_CHOICES + ORGANISATION_ID_CHOICES)

PROVINCES = {
    *range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55),
    *range(61, 66), 71, 81, 82, 83, 91,
}  # fmt: skip
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
SHAPES = {  # fmt: skip
    HK_MACAO_PASS: (
        re.compile(r"^[HM]\d{8}(\d{2})?$"),
        "通行证号码应为 H 或 M 加 8 位或 10 位数字",
    ),
    TAIWAN_PASS: (
        re.compile(r"^\d{8}(\d{2})?$"),
        "台湾居民来往大陆通行证号码应为 8 位或 10 位数字",
    ),
    PASSPORT: (re.compile(r"^[A-Z0-9]{5,17}$"), "护照号码应为 5 至 17 位字母或数字"),
    OTHER: (re.compile(r"^[A-Z0-9\-]{4,30}$"), "证件号码应为 4 至 30 位字母、数字或连字符"),
}


def normalise(value):
    """Upper case, full-width characters and spaces removed: what people type on phones."""
    value = (value or "").strip().upper()
    folded, _origins = text_normalise(value)
    return re.sub(r"\s", "", folded)


def resident_id_problem(value):
    """Why an 18-character resident ID number is invalid, or '' when it is valid."""
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return "身份证号码应为 18 位，前 17 位是数字，最后一位是数字或 X"
    if int(value[:2]) not in PROVINCES:
        return "身份证号码的前两位不是有效的省级行政区划代码"
    try:
        born = datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "身份证号码中的出生日期无效"
    if born > datetime.date.today() or born.year < 1900:
        return "身份证号码中的出生日期无效"
    if check_digit(value[:17]) != value[17]:
        return "身份证号码校验位不正确，请核对是否输错"
    return ""


def credit_code_problem(value):
    if len(value) != 18 or any(c not in CREDIT_ALPHABET for c in value):
        return "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）"
    if not uscc.is_valid(value):
        return "统一社会信用代码校验位不正确，请核对是否输错"
    return ""


def id_problem(id_type, value):
    """Why `value` is not a valid number of `id_type` (Chinese), or '' when it is."""
    value = normalise(value)
    if not value:
        return "请填写证件号码"
    if id_type == RESIDENT_ID:
        return resident_id_problem(value)
    if id_type == RESIDENCE_PERMIT:
        problem = resident_id_problem(value)
        return problem or (
            "" if value[:2] in ("81", "82", "83") else "居住证号码应以 81、82 或 83 开头"
        )
    if id_type == CREDIT_CODE:
        return credit_code_problem(value)
    if id_type not in SHAPES:
        return "请选择证件类型"
    pattern, message = SHAPES[id_type]
    return "" if pattern.match(value) else message
