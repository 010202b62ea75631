"""Drafting the 政府网站工作年度报表 from the site's data in the admin, and the page markup."""

import re

import pytest

from govinfo.models import WebsiteReport
from govinfo.models.reports import SECTIONS

from .factories import CatalogueItemFactory, ServiceItemFactory, WebsiteReportFactory

pytestmark = pytest.mark.django_db
URL = "/admin/govinfo/website-report/draft/"


def test_staff_draft_a_report_from_the_sites_data_then_edit_and_publish(admin_client):
    ServiceItemFactory()
    ServiceItemFactory(basis="")
    CatalogueItemFactory()
    assert "生成草稿" in admin_client.get(URL).content.decode()
    response = admin_client.post(URL, {"year": "2025"}, follow=True)
    report = WebsiteReport.objects.get(year=2025)
    assert not report.published
    assert "已按网站数据生成2025年度报表草稿" in response.content.decode()
    assert "办事指南事项数量：2项" in report.services
    assert "办事指南要素完整的事项数量：1项" in report.services
    assert "信息公开目录事项数：1项" in report.information
    assert "安全检测评估次数：待填写" in report.security
    assert [heading for heading, _rows in report.sections()] == [h for _n, h in SECTIONS]


def test_a_published_report_is_never_overwritten_and_bad_years_are_refused(admin_client):
    WebsiteReportFactory(year=2025, information="政务动态信息更新量：99条")
    response = admin_client.post(URL, {"year": "2025"}, follow=True)
    assert "2025年度报表已发布，未覆盖" in response.content.decode()
    assert WebsiteReport.objects.get(year=2025).information == "政务动态信息更新量：99条"
    for bad in ("٢٠٢٥", "99999999999", "abc", "1999"):
        response = admin_client.post(URL, {"year": bad})
        assert response.status_code == 400
        assert "年度应为 2000–2999 之间的四位数字" in response.content.decode()
    assert WebsiteReport.objects.count() == 1


@pytest.mark.parametrize(
    "url",
    ["/zhengwu/zhinan/", "/zhengwu/mulu/", "/zhengwu/jigou/", "/zhengwu/lingdao/",
     "/zhengwu/banshi/", "/zhengwu/wangzhan-nianbao/"],
)  # fmt: skip
def test_each_page_has_one_h1_ordered_headings_and_no_inline_code(client, url):
    WebsiteReportFactory(year=2025)
    html = client.get(url).content.decode()
    body = html.split("<body", 1)[1]
    assert body.count("<h1") == 1 and "<main" in body and "<nav" in body
    levels = [int(n) for n in re.findall(r"<h([1-6])", body)]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    assert " style=" not in body and "<script" not in body
    assert 'name="ColumnName"' in html
