"""Chinese numerals ↔ int, as used in 第十二条 / 第一百零一條 / 第二十章."""

__all__ = ["chinese_to_int", "int_to_chinese", "parse_number"]

_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "贰": 2,
    "貳": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_SMALL = "零一二三四五六七八九"

CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)


def chinese_to_int(text):
    """Convert a Chinese numeral (十二, 一百零一, 二〇一七, 两百) to int, else ValueError."""
    text = (text or "").strip()
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        raise ValueError(f"“{text}”不是中文数字")
    if not any(ch in _UNITS for ch in text):
        # Positional form such as 二〇一七 or a single digit.
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = 0
    current = None
    last_unit = 10_000
    for ch in text:
        if ch in _DIGITS:
            if current is not None and _DIGITS[ch] != 0:
                raise ValueError(f"“{text}”不是中文数字")
            current = _DIGITS[ch] if _DIGITS[ch] != 0 else None
        else:
            unit = _UNITS[ch]
            if unit >= last_unit:
                raise ValueError(f"“{text}”不是中文数字")
            total += (current if current is not None else 1) * unit
            current = None
            last_unit = unit
    if current is not None:
        total += current
    return total


def int_to_chinese(number):
    """Convert 0 ≤ number < 10000 to the form used in document headings (一百零一, 一百一十)."""
    if not isinstance(number, int) or number < 0 or number >= 10_000:
        raise ValueError(f"无法转换为中文数字：{number!r}")
    if number < 10:
        return _SMALL[number]
    parts = []
    zero_pending = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit % 10
        if digit == 0:
            if parts:
                zero_pending = True
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(_SMALL[digit] + name)
    result = "".join(parts)
    # 一十二 is written 十二 when it leads the number.
    if 10 <= number < 20:
        result = result[1:]
    return result


def parse_number(text):
    """Parse Arabic, full-width or Chinese digits ("12", "１２", "十二"); ValueError otherwise."""
    text = (text or "").strip().translate(_FULLWIDTH)
    if text.isdigit():
        return int(text)
    return chinese_to_int(text)
