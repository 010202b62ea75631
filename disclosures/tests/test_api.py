"""The disclosures and villages endpoints of the Wagtail API v2."""

import pytest

from .factories import finance_disclosure, hierarchy

pytestmark = pytest.mark.django_db


def test_disclosure_listing_and_detail(client):
    village = hierarchy()[3][0]
    page = finance_disclosure(village)
    listing = client.get("/api/v2/disclosures/", {"category": "finance"}).json()
    assert listing["meta"]["total_count"] == 1
    item = listing["items"][0]
    assert item["village_name"] == "圩洋村"
    assert item["period_label"] == "2024年第一季度"
    detail = client.get(f"/api/v2/disclosures/{page.pk}/").json()
    assert detail["finance_table"]["closing_balance"] == "11149.40"
    assert detail["finance_table"]["lines"][2] == {
        "direction": "expenditure",
        "date": "2024-02-03",
        "item": "办公用品",
        "amount": "350.50",
        "voucher": "记-003",
        "counterparty": "",
    }
    assert detail["sign_off"] == {
        "reviewers": "张明、李华",
        "review_date": "2024-04-05",
        "review_opinion": "",
    }
    (version,) = detail["version_chain"]
    assert version["hash"] == page.versions.get().hash
    assert (
        client.get("/api/v2/disclosures/", {"category": "party"}).json()["meta"]["total_count"] == 0
    )


def test_village_endpoint_reports_overdue(client):
    village = hierarchy()[3][0]
    data = client.get(f"/api/v2/villages/{village.pk}/").json()
    summary = {row["label"]: row for row in data["overdue_summary"]}
    assert set(summary) == {"党务", "村务", "财务", "服务"}
    assert all(row["overdue"] for row in summary.values())  # nothing published yet
