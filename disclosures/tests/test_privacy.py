"""ID, phone and bank numbers: found with their checksums, masked on publication everywhere."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from stdnum import luhn

from disclosures.models import DisclosureItem, DisclosurePage, FinanceLine
from disclosures.privacy import find, mask
from personaldata.detect import is_resident_id

from .factories import DisclosurePageFactory, finance_disclosure, hierarchy

ID = "11010519491231002X"  # GB 11643 example: weights sum gives check character X
PHONE = "13812345678"
CARD = "6222021234567890128"  # Luhn check digit 8


def test_checksums():
    assert is_resident_id(ID) and not is_resident_id("110105194912310021")
    assert luhn.is_valid(CARD) and not luhn.is_valid("6222021234567890127")


def test_masking_keeps_the_ends_and_leaves_other_numbers_alone():
    text = (
        f"身份证{ID}，电话 138 1234 5678，账号6222 0212 3456 7890 128；凭证号20240101000012345678"
    )
    assert mask(text) == (
        "身份证1101**********002X，电话 138****5678，账号6222***********0128；"
        "凭证号20240101000012345678"
    )
    assert mask("+86 13812345678") == "138****5678"
    assert [f.kind for f in find(f"{ID} {PHONE} {CARD}")] == ["id", "mobile", "bank"]
    # A wrong check digit is not an ID number; 12 digits are not a phone number.
    assert mask("110105194912310021 与 138123456789") == "110105194912310021 与 138123456789"


@pytest.mark.django_db
def test_published_disclosure_never_shows_the_numbers(client, admin_client):
    _index, _county, _township, (village,) = hierarchy()

    def lines():
        return [
            FinanceLine(
                direction="income",
                date="2024-01-15",
                item="集体资产租金",
                amount="1500.10",
                counterparty=f"王某 {PHONE}",
            ),
            FinanceLine(
                direction="expenditure", date="2024-02-03", item="办公用品", amount="350.70"
            ),
        ]

    from .test_admin import post_data

    other = DisclosurePageFactory(parent=village, title="草稿")
    saved = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[other.pk]),
        post_data(other, summary=f"联系人身份证 {ID}"),
        follow=True,
    )
    assert "个人信息提示：公开说明中有身份证号，发布时将显示为 1101**********002X" in (
        saved.content.decode()
    )
    page = DisclosurePageFactory(parent=village, summary=f"联系人身份证 {ID}")
    page.finance_lines = lines()
    page.items = [DisclosureItem(title="低保名单", body=f"张某 {ID} 卡号 {CARD}")]
    page.save()
    from disclosures.privacy import scan_page

    assert scan_page(page) == [
        "公开说明中有身份证号，发布时将显示为 1101**********002X",
        "公开事项第 1 行“内容”中有身份证号，发布时将显示为 1101**********002X",
        "公开事项第 1 行“内容”中有银行账号，发布时将显示为 6222***********0128",
        "收支明细第 1 行“往来单位”中有手机号，发布时将显示为 138****5678",
    ]
    page.save_revision().publish()
    page = DisclosurePage.objects.get(pk=page.pk)
    outputs = {
        "page": client.get(page.url).content.decode(),
        "csv": client.get(reverse("disclosures:finance_export", args=[page.pk, "csv"])).content,
        "json": client.get(reverse("disclosures:finance_export", args=[page.pk, "json"])).content,
        "api": client.get(f"/api/v2/disclosures/{page.pk}/").content,
        "notice": client.get(reverse("disclosures:notice", args=[page.pk])).content.decode(),
    }
    outputs["csv"] = outputs["csv"].decode("utf-8-sig")
    outputs["json"] = outputs["json"].decode()
    outputs["api"] = outputs["api"].decode()
    xlsx = client.get(reverse("disclosures:finance_export", args=[page.pk, "xlsx"])).content
    wb = load_workbook(io.BytesIO(xlsx))
    outputs["xlsx"] = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row)
    outputs["versions"] = str([v.content for v in page.versions.all()])
    for name, text in outputs.items():
        for secret in (ID, PHONE, CARD, "13812345678"):
            assert secret not in text, name
    assert "1101**********002X" in outputs["page"] and "138****5678" in outputs["csv"]
    assert "6222***********0128" in outputs["page"]
    assert page.summary == "联系人身份证 1101**********002X"
    assert list(DisclosurePage.objects.live().search(ID)) == []
    # the hash chain still checks out against the masked live page
    assert "校验未通过" not in outputs["page"]


@pytest.mark.django_db
def test_clean_disclosures_publish_without_an_extra_revision():
    _index, _county, _township, (village,) = hierarchy()
    page = finance_disclosure(village)
    assert page.revisions.count() == 1
