"""What counts as personal data in public text, found on the normalised text.

- 身份证号: 18 characters whose GB 11643 check digit is right (validated by python-stdnum,
  which also checks the birth date), or the old 15-digit form with a real province and birth
  date; spaces, dots or dashes may stand between the digits.
- 手机号: 11 digits starting 13–19, with or without +86 / 0086 / 86, in groups or not.
- 银行卡号: 16–19 digits passing the Luhn check, in groups of four or not.
- 电子邮箱 (also written with ＠).
- With ``contact=True`` (what a citizen writes about themself): landline numbers and house
  numbers of an address too.

Digits that are part of a longer run (voucher and serial numbers) are never matched.
"""

import datetime
import re
from dataclasses import dataclass

from stdnum import luhn
from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from .normalise import normalise, original_span

ID_NUMBER, MOBILE, BANK, EMAIL, LANDLINE, ADDRESS = (
    "id",
    "mobile",
    "bank",
    "email",
    "landline",
    "address",
)
LABELS = {
    ID_NUMBER: "身份证号",
    MOBILE: "手机号",
    BANK: "银行账号",
    EMAIL: "电子邮箱",
    LANDLINE: "电话号码",
    ADDRESS: "门牌号",
}
PROVINCES = {
    *range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55),
    *range(61, 66), 71, 81, 82, 83, 91,
}  # fmt: skip

_SEP = r"[ .\-·]?"
_ID18 = re.compile(rf"(?<![0-9A-Za-z])((?:\d{_SEP}){{17}}[\dXx])(?![0-9A-Za-z])")
_ID15 = re.compile(rf"(?<![0-9A-Za-z])((?:\d{_SEP}){{14}}\d)(?![0-9A-Za-z])")
_MOBILE = re.compile(
    rf"(?<![\d+])(?:(?:\+|00)?86{_SEP}|\(\+?86\){_SEP})?(1[3-9]\d){_SEP}(\d{{4}}){_SEP}(\d{{4}})(?!\d)"
)
_BANK = re.compile(r"(?<![\d])(\d{4}(?:[ .\-]?\d{4}){2,3}(?:[ .\-]?\d{1,3})?)(?![\d])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[ \-]?(\d{7,8})(?!\d)")
_ADDRESS = re.compile(r"(\d+|[一二三四五六七八九十百]+)\s*(号楼|栋|幢|单元|室|号)")
_NOT_DIGIT = re.compile(r"[^\dXx]")


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int  # in the original text
    end: int
    value: str  # the number or address as digits/characters, separators removed

    @property
    def label(self):
        return LABELS[self.kind]


def _digits(value):
    return _NOT_DIGIT.sub("", value).upper()


def check_digit(first17):
    """The GB 11643 check character of the first 17 digits (python-stdnum's MOD 11-2)."""
    return ric.calc_check_digit(first17 + "0")  # stdnum reads all but the last character


def is_resident_id(number):
    """An 18-character 身份证号 with a right check digit, province and birth date, or a real
    15-digit one (no check digit then). The county is not looked up: codes change over time."""
    if len(number) == 18:
        if not number[:17].isdigit() or int(number[:2]) not in PROVINCES:
            return False
        try:
            ric.get_birth_date(number)
        except ValidationError:
            return False
        return check_digit(number[:17]) == number[17]
    if len(number) == 15 and number.isdigit() and int(number[:2]) in PROVINCES:
        try:
            datetime.date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
        except ValueError:
            return False
        return True
    return False


def _candidates(folded, contact):
    for match in _ID18.finditer(folded):
        number = _digits(match.group(1))
        if is_resident_id(number):
            yield ID_NUMBER, match.start(1), match.end(1), number
    for match in _BANK.finditer(folded):
        digits = _digits(match.group(1))
        if 16 <= len(digits) <= 19 and luhn.is_valid(digits):
            yield BANK, match.start(1), match.end(1), digits
    for match in _ID15.finditer(folded):
        number = _digits(match.group(1))
        if is_resident_id(number):
            yield ID_NUMBER, match.start(1), match.end(1), number
    for match in _MOBILE.finditer(folded):
        yield MOBILE, match.start(), match.end(), "".join(match.groups())
    for match in _EMAIL.finditer(folded):
        yield EMAIL, match.start(), match.end(), match.group(0)
    if contact:
        for match in _LANDLINE.finditer(folded):
            yield LANDLINE, match.start(), match.end(), match.group(1) + match.group(2)
        for match in _ADDRESS.finditer(folded):
            yield ADDRESS, match.start(), match.end(), match.group(0)


def find(text, contact=False):
    """Every piece of personal data in ``text``, in order, without overlaps (first kind wins)."""
    folded, origins = normalise(text or "")
    found, taken = [], []
    for kind, start, end, value in _candidates(folded, contact):
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            begin, finish = original_span(origins, start, end)
            found.append(Finding(kind, begin, finish, value))
    return sorted(found, key=lambda f: f.start)
