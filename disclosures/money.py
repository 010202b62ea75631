"""Yuan amounts as Decimal: strict parsing and formatting, never float."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
# Upper bound that fits a DecimalField(max_digits=14, decimal_places=2).
MAX_AMOUNT = Decimal("999999999999.99")

# "1234.5", "1,234.50", "-12.00"; thousands separators must be well placed.
_PLAIN = re.compile(r"^-?\d+(\.\d{1,2})?$")
_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d{1,2})?$")
_CURRENCY_MARKS = ("¥", "￥", "元")


class AmountError(ValueError):
    """An amount that cannot be read as yuan with at most two decimals."""


def parse_amount(value, *, allow_negative=True):
    """Return ``value`` as a Decimal quantized to 0.01, or raise AmountError (Chinese message).

    Accepts str, int and Decimal. Floats are refused: they cannot hold cents exactly.
    """
    if isinstance(value, bool) or value is None:
        raise AmountError("金额不能为空")
    if isinstance(value, float):
        raise AmountError("金额不能使用浮点数，请写成文本，如“1234.50”")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise AmountError("金额不是有效数字")
        if value != value.quantize(CENT, rounding=ROUND_HALF_UP):
            raise AmountError(f"金额“{value}”超过两位小数")
        amount = value
    elif isinstance(value, str):
        amount = _parse_text(value)
    else:
        raise AmountError(f"无法识别的金额类型：{type(value).__name__}")
    if abs(amount) > MAX_AMOUNT:
        raise AmountError(f"金额“{format_amount(amount)}”过大")
    if amount < 0 and not allow_negative:
        raise AmountError(f"金额“{format_amount(amount)}”不能为负数")
    return amount.quantize(CENT)


def _parse_text(value):
    text = value.strip().replace("，", ",")
    for mark in _CURRENCY_MARKS:
        text = text.replace(mark, "")
    text = text.strip()
    if not text:
        raise AmountError("金额不能为空")
    if not (_PLAIN.match(text) or _GROUPED.match(text)):
        if re.match(r"^-?[\d,]*\.\d{3,}$", text):
            raise AmountError(f"金额“{value.strip()}”超过两位小数")
        raise AmountError(f"金额“{value.strip()}”格式不正确，应为如“1234.50”或“1,234.50”的数字")
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the patterns above rule this out
        raise AmountError(f"金额“{value.strip()}”不是有效数字") from exc


def format_amount(amount, *, grouping=True):
    """Format a Decimal as yuan with two decimals, e.g. ``1,234.50``."""
    amount = Decimal(amount).quantize(CENT)
    return f"{amount:,.2f}" if grouping else f"{amount:.2f}"
