"""Personal data masked in anything public: names, phone and ID numbers, e-mail, house numbers."""

import re

PHONE_RE = re.compile(r"(?<!\d)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)")
LANDLINE_RE = re.compile(r"(?<!\d)(0\d{2,3})[\s-]?(\d{7,8})(?!\d)")
ID_RE = re.compile(r"(?<![\dA-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![\dA-Za-z])")
EMAIL_RE = re.compile(r"([\w.+-])[\w.+-]*@([\w-]+\.)+[\w-]+")
HOUSE_RE = re.compile(r"(\d+|[一二三四五六七八九十百]+)\s*(号楼|栋|幢|单元|室|号|组)")


def mask_name(name):
    """张三丰 → 张**; empty stays empty."""
    name = (name or "").strip()
    return name[0] + "*" * max(1, min(len(name) - 1, 3)) if name else ""


def mask_text(text, names=()):
    """Free text with the given names, phone and ID numbers, e-mail and house numbers masked."""
    text = text or ""
    for name in names:
        if name and len(name.strip()) >= 2:
            text = text.replace(name.strip(), mask_name(name))
    text = ID_RE.sub(lambda m: m[1][:2] + "*" * 14 + m[3][-2:], text)
    text = PHONE_RE.sub(lambda m: f"{m[1]}****{m[3]}", text)
    text = LANDLINE_RE.sub(lambda m: f"{m[1]}-****{m[2][-2:]}", text)
    text = EMAIL_RE.sub(lambda m: f"{m[1]}***@***", text)
    return HOUSE_RE.sub(lambda m: "**" + m[2], text)
