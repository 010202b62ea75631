"""Masking personal data for anything public: pages, the API, the search index and logs."""

import logging
import re

PHONE_RE = re.compile(r"(?<!\d)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)")
LANDLINE_RE = re.compile(r"(?<!\d)(0\d{2,3})[\s-]?(\d{7,8})(?!\d)")
ID_RE = re.compile(r"(?<![\dA-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![\dA-Za-z])")
EMAIL_RE = re.compile(r"([\w.+-])[\w.+-]*@([\w-]+\.)+[\w-]+")
ADDRESS_RE = re.compile(r"(\d+|[一二三四五六七八九十百]+)\s*(号楼|栋|幢|单元|室|号)")


def mask_name(name):
    """张三丰 → 张**; an empty name stays empty."""
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * max(1, min(len(name) - 1, 3))


def mask_phone(phone):
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_id(number):
    number = (number or "").strip()
    if len(number) <= 4:
        return "*" * len(number)
    return number[:2] + "*" * (len(number) - 4) + number[-2:]


def mask_text(text):
    """Free text with phone, ID numbers, e-mail addresses and house numbers masked."""
    text = ID_RE.sub(lambda m: m[1][:2] + "*" * 14 + m[3][-2:], text or "")
    text = PHONE_RE.sub(lambda m: f"{m[1]}****{m[3]}", text)
    text = LANDLINE_RE.sub(lambda m: f"{m[1]}-****{m[2][-2:]}", text)
    text = EMAIL_RE.sub(lambda m: f"{m[1]}***@***", text)
    return ADDRESS_RE.sub(lambda m: "**" + m[2], text)


class MaskingFilter(logging.Filter):
    """A logging filter that masks personal data in every record's message."""

    def filter(self, record):
        record.msg = mask_text(record.getMessage())
        record.args = ()
        return True
