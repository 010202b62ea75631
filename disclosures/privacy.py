"""Personal numbers in disclosure text: found when saved, masked when published.

Three kinds are looked for in any text: 身份证号 (18 characters whose GB 11643 check digit is
right, the last may be X), mainland mobile numbers (11 digits starting 13–19, optionally
written with spaces or dashes as 138 1234 5678 or with +86) and bank card/account numbers
(16–19 digits passing the Luhn check, spaces allowed in groups of four). Digits that are part of
a longer run are not matched, so voucher and serial numbers are left alone.

``mask`` keeps the first and last few digits: 5101**********1234, 138****5678,
6222 **** **** 0123 → 6222*********0123 (spaces dropped).
"""

import re
from dataclasses import dataclass

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
ID_NUMBER, MOBILE, BANK = "id", "mobile", "bank"
LABELS = {ID_NUMBER: "身份证号", MOBILE: "手机号", BANK: "银行账号"}

_ID = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![\d])(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![\d])")
_BANK = re.compile(r"(?<![\d])(\d{4}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?)(?![\d])")


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    masked: str

    @property
    def label(self):
        return LABELS[self.kind]


def id_checksum_ok(number):
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11] == number[17].upper()


def luhn_ok(digits):
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value *= 2
            value -= 9 if value > 9 else 0
        total += value
    return total % 10 == 0


def _stars(digits, keep_start, keep_end):
    return digits[:keep_start] + "*" * (len(digits) - keep_start - keep_end) + digits[-keep_end:]


def find(text):
    """Every personal number in ``text``, in order, without overlaps."""
    found = []

    def free(start, end):
        return all(end <= f.start or start >= f.end for f in found)

    for match in _ID.finditer(text):
        number = match.group(1)
        if id_checksum_ok(number):
            found.append(Finding(ID_NUMBER, match.start(1), match.end(1), _stars(number, 4, 4)))
    for match in _BANK.finditer(text):
        digits = re.sub(r"[ -]", "", match.group(1))
        if 16 <= len(digits) <= 19 and luhn_ok(digits) and free(match.start(1), match.end(1)):
            found.append(Finding(BANK, match.start(1), match.end(1), _stars(digits, 4, 4)))
    for match in _MOBILE.finditer(text):
        digits = "".join(match.groups())
        if free(match.start(), match.end()):
            found.append(Finding(MOBILE, match.start(), match.end(), _stars(digits, 3, 4)))
    return sorted(found, key=lambda f: f.start)


def mask(text):
    """``text`` with every personal number replaced by its masked form."""
    if not text:
        return text
    parts, position = [], 0
    for finding in find(text):
        parts += [text[position : finding.start], finding.masked]
        position = finding.end
    return "".join(parts) + text[position:]


# ---- a disclosure page's text fields --------------------------------------------------------

PAGE_FIELDS = {
    "title": "标题",
    "summary": "公开说明",
    "board_location": "公开栏位置",
    "review_opinion": "审核意见",
    "change_reason": "更正原因",
    "withdrawal_reason": "撤回原因",
}
CHILD_FIELDS = {
    "items": ("公开事项", {"title": "事项", "body": "内容"}),
    "finance_lines": (
        "收支明细",
        {"item": "摘要", "counterparty": "往来单位", "voucher": "凭证号"},
    ),
    "attachments": ("原件扫描件", {"title": "说明"}),
}


def _places(page):
    """(where, object, field name) of every text a villager would read."""
    for name, label in PAGE_FIELDS.items():
        yield label, page, name
    for relation, (label, fields) in CHILD_FIELDS.items():
        for number, child in enumerate(getattr(page, relation).all(), start=1):
            for name, field_label in fields.items():
                yield f"{label}第 {number} 行“{field_label}”", child, name


def scan_page(page):
    """Warnings for the clerk: where each personal number is and how it will be shown."""
    warnings = []
    for where, obj, name in _places(page):
        for finding in find(getattr(obj, name, "") or ""):
            warnings.append(f"{where}中有{finding.label}，发布时将显示为 {finding.masked}")
    return warnings


def mask_page(page):
    """Mask every personal number on ``page`` in place; True if anything changed."""
    changed = False
    for _where, obj, name in _places(page):
        value = getattr(obj, name, "") or ""
        masked = mask(value)
        if masked != value:
            setattr(obj, name, masked)
            changed = True
    return changed
