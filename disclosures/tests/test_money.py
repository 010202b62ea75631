"""Amount parsing: Decimal only, two decimals, clear Chinese errors."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosures.money import AmountError, format_amount, parse_amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234.50", "1234.50"),
        ("1234.5", "1234.50"),
        ("  88 ", "88.00"),
        ("-12.3", "-12.30"),
        ("¥1,000", "1000.00"),
        ("1,234,567.89", "1234567.89"),
        ("0.01", "0.01"),
    ],
)
def test_parse_text_amounts(text, expected):
    value = parse_amount(text)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)
    assert str(value) == expected  # quantized to exactly two places


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (1234.5, "浮点数"),
        ("1.005", "超过两位小数"),
        ("12,34.00", "格式不正确"),
        ("1,2345", "格式不正确"),
        ("NaN", "格式不正确"),
        ("Infinity", "格式不正确"),
        ("1e3", "格式不正确"),
        ("", "不能为空"),
        (None, "不能为空"),
        (True, "不能为空"),
        (Decimal("NaN"), "不是有效数字"),
        (Decimal("Infinity"), "不是有效数字"),
        (Decimal("2.345"), "超过两位小数"),
        ("1000000000000.00", "过大"),
    ],
)
def test_rejects_bad_amounts(value, fragment):
    with pytest.raises(AmountError) as info:
        parse_amount(value)
    assert fragment in str(info.value)


def test_negative_can_be_refused():
    assert parse_amount("-1.00") == Decimal("-1.00")
    with pytest.raises(AmountError, match="不能为负数"):
        parse_amount("-1.00", allow_negative=False)


def test_int_and_decimal_inputs():
    assert str(parse_amount(5)) == "5.00"
    assert str(parse_amount(Decimal("7.1"))) == "7.10"
    assert str(parse_amount(Decimal("7.100"))) == "7.10"


def test_format_amount_groups_thousands():
    assert format_amount(Decimal("1234567.5")) == "1,234,567.50"
    assert format_amount(Decimal("-3")) == "-3.00"
    assert format_amount(Decimal("12.5"), grouping=False) == "12.50"


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_round_trip_of_formatted_cents(cents):
    amount = Decimal(cents).scaleb(-2)
    if abs(amount) > Decimal("999999999999.99"):
        with pytest.raises(AmountError):
            parse_amount(format_amount(amount))
    else:
        assert parse_amount(format_amount(amount)) == amount
        assert parse_amount(format_amount(amount, grouping=False)) == amount
