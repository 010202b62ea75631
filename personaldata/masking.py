"""One masking format for each kind of personal data, applied to the original text.

身份证号 1101**********002X · 手机号 138****5678 · 银行账号 6222***********0128 ·
电子邮箱 z***@*** · 电话号码 0571-****78 · 门牌号 **号 · 姓名 张** .
"""

import logging

from .detect import ADDRESS, BANK, EMAIL, ID_NUMBER, LANDLINE, MOBILE, find


def _stars(digits, keep_start, keep_end):
    hidden = max(1, len(digits) - keep_start - keep_end)
    return digits[:keep_start] + "*" * hidden + digits[-keep_end:]


def masked_value(finding):
    """How one finding is shown in public."""
    value = finding.value
    if finding.kind in (ID_NUMBER, BANK):
        return _stars(value, 4, 4)
    if finding.kind == MOBILE:
        return _stars(value, 3, 4)
    if finding.kind == EMAIL:
        return value[0] + "***@***"
    if finding.kind == LANDLINE:
        area_length = 3 if value[1] in "12" else 4
        return f"{value[:area_length]}-****{value[-2:]}"
    if finding.kind == ADDRESS:
        return "**" + value.lstrip("0123456789一二三四五六七八九十百 ")
    raise ValueError(finding.kind)


def mask(text, contact=False):
    """``text`` with every finding replaced by its masked form; None and '' pass through."""
    if not text:
        return text
    parts, position = [], 0
    for finding in find(text, contact=contact):
        parts += [text[position : finding.start], masked_value(finding)]
        position = finding.end
    return "".join(parts) + text[position:]


def mask_contact_text(text):
    """What a citizen wrote about themself: also landline numbers and house numbers."""
    return mask(text, contact=True)


def mask_name(name):
    """张三丰 → 张**; an empty name stays empty."""
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * max(1, min(len(name) - 1, 3))


def mask_phone(phone):
    """A phone number given in a form field, whatever its separators: 138****5678."""
    digits = "".join(c for c in phone or "" if c.isdigit())
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_id(number):
    """An identity number given in a form field: its first and last two characters kept."""
    number = (number or "").strip()
    if len(number) <= 4:
        return "*" * len(number)
    return number[:2] + "*" * (len(number) - 4) + number[-2:]


class MaskingFilter(logging.Filter):
    """A logging filter that masks personal data in every record's message."""

    def filter(self, record):
        record.msg = mask_contact_text(record.getMessage())
        record.args = ()
        return True
