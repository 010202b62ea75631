import datetime

import pytest
from django.http import QueryDict

from listings.converters import MAX_ID, IdConverter
from listings.http import bad_request
from listings.params import (
    MAX_PAGE,
    YEAR_MIN,
    ParameterError,
    parse_int,
    parse_listing,
    parse_page,
    parse_sort,
    parse_year,
)

TODAY = datetime.date(2025, 6, 1)
SORTS = {"newest": "最新", "oldest": "最早"}


@pytest.mark.parametrize("raw", ["²", "①", "٣", "２０２４", "2O24", "-1", "+3", "1e3", "20 24"])
def test_year_accepts_only_ascii_digits(raw):
    with pytest.raises(ParameterError) as caught:
        parse_year(raw, today=TODAY)
    assert caught.value.name == "year"
    assert caught.value.message.startswith("年份“")
    assert f"{YEAR_MIN}到2026年" in caught.value.message


@pytest.mark.parametrize("raw", ["1899", "2027", "99999999999999999999", "0"])
def test_year_outside_the_site_range_is_refused(raw):
    with pytest.raises(ParameterError):
        parse_year(raw, today=TODAY)


def test_year_range_edges_and_blank():
    assert parse_year("1900", today=TODAY) == 1900
    assert parse_year(" 2026 ", today=TODAY) == 2026
    assert parse_year("", today=TODAY) is None
    assert parse_year(None, today=TODAY) is None


@pytest.mark.parametrize("raw", ["²", "①", "0", "-1", "99999999999999999999", str(MAX_PAGE + 1)])
def test_bad_pages(raw):
    with pytest.raises(ParameterError) as caught:
        parse_page(raw)
    assert "页码“" in caught.value.message


def test_pages():
    assert parse_page("") == 1
    assert parse_page("007") == 7
    assert parse_page(str(MAX_PAGE)) == MAX_PAGE


def test_parse_int_bounds_digits_before_converting():
    huge = "9" * 5000  # int() of this would be slow and exceed Python's digit limit
    with pytest.raises(ParameterError):
        parse_int(huge, name="n", label="数量", minimum=0, maximum=100)
    assert parse_int("0000100", name="n", label="数量", minimum=0, maximum=100) == 100


def test_quoted_value_is_short_and_printable():
    with pytest.raises(ParameterError) as caught:
        parse_page("\x00" + "x" * 100)
    assert "\x00" not in caught.value.message
    assert "x" * 21 not in caught.value.message


def test_sort():
    assert parse_sort("", SORTS, "newest") == "newest"
    assert parse_sort("oldest", SORTS, "newest") == "oldest"
    with pytest.raises(ParameterError) as caught:
        parse_sort("<x>", SORTS, "newest")
    assert caught.value.message == "排序方式“<x>”无效。"


def test_lenient_listing_ignores_bad_values_with_notes():
    query = parse_listing(
        QueryDict("year=%C2%B2&page=%E2%91%A0&sort=random"),
        sorts=SORTS,
        default_sort="newest",
        today=TODAY,
    )
    assert (query.year, query.page, query.sort) == (None, 1, "newest")
    assert query.notes == [
        "年份“²”无效：应为1900到2026年之间的四位数字。已显示全部年份。",
        "页码“①”无效：应为1到100000之间的数字。已显示第1页。",
        "排序方式“random”无效。已按默认顺序排列。",
    ]


def test_good_listing_has_no_notes():
    query = parse_listing(
        {"year": "2024", "page": "3", "sort": "oldest"},
        sorts=SORTS,
        default_sort="newest",
        today=TODAY,
    )
    assert (query.year, query.page, query.sort, query.notes) == (2024, 3, "oldest", [])


def test_strict_listing_raises_the_first_bad_value():
    with pytest.raises(ParameterError) as caught:
        parse_listing({"year": "2024", "page": "99999999999999999999"}, strict=True)
    assert caught.value.name == "page"


def test_bad_request_is_400_in_chinese():
    error = ParameterError("page", "①", "页码“①”无效。")
    response = bad_request(error)
    assert response.status_code == 400
    assert response.content.decode() == "页码“①”无效。"
    assert bad_request(error, json=True).status_code == 400


def test_id_converter_bounds():
    converter = IdConverter()
    assert converter.to_python("42") == 42
    for raw in ("0", str(MAX_ID + 1), "9999999999"):
        with pytest.raises(ValueError):
            converter.to_python(raw)


def test_clean_text_drops_nul_and_controls():
    from listings.params import clean_text

    assert clean_text("\x00社区\x07 ", 10) == "社区"
    assert clean_text("a" * 50, 5) == "aaaaa"
    assert clean_text(None) == ""


def test_year_converter():
    from listings.converters import YearConverter

    converter = YearConverter()
    assert converter.to_python("2024") == 2024
    for raw in ("1899", "9999"):
        with pytest.raises(ValueError):
            converter.to_python(raw)
