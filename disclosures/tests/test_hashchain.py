"""Canonical JSON and the per-disclosure hash chain."""

import hashlib
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from disclosures.hashchain import (
    GENESIS,
    CanonicalError,
    build_chain,
    canonical_json,
    json_safe,
    verify_chain,
    version_hash,
)


def content(n):
    return {
        "title": f"圩洋村2024年第{n}季度财务公开",
        "finance": {
            "opening_balance": Decimal("100.50"),
            "lines": [{"item": "租金", "amount": Decimal("1200.00"), "date": date(2024, 1, 15)}],
        },
        "version": n,
    }


def test_canonical_json_is_order_independent_and_exact():
    a = {"b": 1, "a": "圩洋村", "amount": Decimal("1.50")}
    b = {"amount": Decimal("1.50"), "a": "圩洋村", "b": 1}
    assert canonical_json(a) == canonical_json(b)
    assert canonical_json(a) == '{"a":"圩洋村","amount":"1.50","b":1}'.encode()


def test_decimal_digits_matter():
    assert canonical_json({"x": Decimal("1.5")}) != canonical_json({"x": Decimal("1.50")})


def test_dates_and_aware_datetimes():
    tz = timezone(timedelta(hours=8))
    text = canonical_json({"d": date(2024, 3, 31), "t": datetime(2024, 4, 1, 9, 0, tzinfo=tz)})
    assert text == b'{"d":"2024-03-31","t":"2024-04-01T09:00:00+08:00"}'
    with pytest.raises(CanonicalError, match="时区"):
        canonical_json({"t": datetime(2024, 4, 1, 9, 0)})


@pytest.mark.parametrize("bad", [1.5, float("nan"), Decimal("NaN"), {1: "x"}, object()])
def test_refuses_values_without_one_canonical_form(bad):
    with pytest.raises(CanonicalError):
        canonical_json({"value": bad})


def test_json_safe_survives_a_json_column_round_trip():
    safe = json_safe(content(1))
    assert safe["finance"]["opening_balance"] == "100.50"
    assert canonical_json(safe) == canonical_json(content(1))


def test_hash_covers_previous_hash_and_content():
    body = content(1)
    expected = hashlib.sha256(GENESIS.encode() + b"\n" + canonical_json(body)).hexdigest()
    assert version_hash(body, GENESIS) == expected
    assert version_hash(body, "1" * 64) != expected
    with pytest.raises(ValueError):
        version_hash(body, "abc")


def test_intact_chain_verifies():
    chain = build_chain([content(1), content(2), content(3)])
    assert chain[0].previous_hash == GENESIS
    assert chain[1].previous_hash == chain[0].hash
    report = verify_chain(chain)
    assert report.ok and bool(report)
    assert verify_chain([]).ok


def test_edited_content_is_named():
    chain = build_chain([content(1), content(2), content(3)])
    edited = json_safe(chain[1].content)
    edited["finance"]["lines"][0]["amount"] = "12000.00"
    chain[1] = replace(chain[1], content=edited)
    report = verify_chain(chain)
    assert not report.ok
    assert report.broken_at == 2
    assert "第 2 版存储的内容与其哈希不符" in report.reason


def test_rehashing_one_version_breaks_the_next_link():
    chain = build_chain([content(1), content(2), content(3)])
    forged = {**content(1), "title": "改过的标题"}
    chain[0] = replace(chain[0], content=forged, hash=version_hash(forged, GENESIS))
    report = verify_chain(chain)
    assert report.broken_at == 2
    assert "上一版哈希与实际不符" in report.reason


def test_removed_version_is_detected():
    chain = build_chain([content(1), content(2), content(3)])
    del chain[1]
    report = verify_chain(chain)
    assert report.broken_at == 3
    assert "第 2 版缺失" in report.reason
