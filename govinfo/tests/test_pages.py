"""What a reader and an inspector see on each page, and the guide matching the request form."""

import datetime
import re

import pytest

from enquiries import rules
from govinfo.models import Body

from .factories import (
    BodyFactory,
    CatalogueItemFactory,
    LeaderFactory,
    ServiceItemFactory,
    WebsiteReportFactory,
    county,
)

pytestmark = pytest.mark.django_db


def text(response):
    html = response.content.decode()
    html = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def h1(response):
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1)


def test_the_home_page_links_every_page_within_one_click(client, home):
    WebsiteReportFactory(year=2025)
    html = client.get("/").content.decode()
    for url, label in [
        ("/zhengwu/zhinan/", "政府信息公开指南"),
        ("/zhengwu/mulu/", "政府信息公开目录"),
        ("/zhengwu/jigou/", "机构职能"),
        ("/zhengwu/lingdao/", "负责人信息"),
        ("/zhengwu/banshi/", "办事指南"),
        ("/zhengwu/wangzhan-nianbao/", "2025年度网站工作年度报表"),
    ]:
        assert f'<a href="{url}">{label}</a>' in html


def test_the_guide_states_the_request_forms_limits(client):
    county(handles_requests=True, address="县府路1号", office_hours="周一至周五 9:00—17:00")
    guide = client.get("/zhengwu/zhinan/")
    form = client.get("/hudong/shenqing/")
    assert h1(guide) == "政府信息公开指南"
    rule = rules.rule_for(rules.REQUEST)
    shown = text(guide)
    # the sentence the request form shows is the guide's, word for word
    assert rule.describe() in text(form) and rule.describe() in shown
    limits = [int(n) for n in re.findall(r"<strong>(\d+)</strong>", guide.content.decode())]
    assert limits == [rule.limit, rule.extension, rule.third_party_pause, rule.supplement_days]
    assert "县府路1号" in shown and "周一至周五 9:00—17:00" in shown
    assert 'href="/hudong/shenqing/"' in guide.content.decode()
    for label in ("纸质", "电子"):
        assert label in shown
    assert "每件 100 元" in shown and "国办函〔2020〕109号" in shown


def test_the_catalogue_shows_each_items_rule_publications_and_overdue(client, home):
    body = BodyFactory(name="测试县民政局")
    overdue = CatalogueItemFactory(body=body, name="低保资金发放", time_rule="每季度首月20日前")
    CatalogueItemFactory(body=BodyFactory(name="测试镇人民政府"), area="涉农补贴")
    page = client.get("/zhengwu/mulu/")
    assert h1(page) == "政府信息公开目录"
    shown = text(page)
    assert "每季度首月20日前" in shown and "公开时限" in shown
    assert "逾期：" in shown and overdue.name in shown
    only = text(client.get("/zhengwu/mulu/", {"area": "涉农补贴"}))
    assert "测试镇人民政府" in only and "低保资金发放" not in only
    by_body = text(client.get("/zhengwu/mulu/", {"body": str(body.pk)}))
    assert "低保资金发放" in by_body and "测试镇人民政府 " not in by_body.split("按机构")[1][200:]
    for bad in ("١", "99999999999999999999", "x"):
        assert client.get("/zhengwu/mulu/", {"body": bad, "area": "<b>"}).status_code == 200


def test_bodies_and_leaders_with_rosters(client):
    top = county(name="测试县人民政府", demo_label="示例数据")
    village = BodyFactory(name="测试村", kind="village", parent=top)
    LeaderFactory(body=top, name="张三", position="县长", responsibilities="主持全面工作")
    LeaderFactory(body=village, group="supervision", name="李四", position="监委会主任")
    bodies = client.get("/zhengwu/jigou/")
    assert (
        h1(bodies) == "机构职能" and "负责测试工作" in text(bodies) and "示例数据" in text(bodies)
    )
    leaders = client.get("/zhengwu/lingdao/")
    shown = text(leaders)
    assert "负责人信息" in h1(leaders)
    assert "张三" in shown and "分管工作：" in shown and "简历：" in shown
    assert "村务监督委员会" in shown and "李四" in shown


def test_services_by_search_and_life_event_with_every_field(client):
    elder = ServiceItemFactory(name="高龄津贴申领", life_events=["老年人"])
    ServiceItemFactory(name="耕地地力保护补贴", life_events=["农户"], conditions="承包耕地的农户")
    listing = client.get("/zhengwu/banshi/")
    assert h1(listing) == "办事指南"
    found = text(client.get("/zhengwu/banshi/", {"q": "耕地"}))
    assert "耕地地力保护补贴" in found and "高龄津贴申领" not in found
    by_event = text(client.get("/zhengwu/banshi/", {"event": "老年人"}))
    assert "高龄津贴申领" in by_event and "耕地地力保护补贴" not in by_event
    detail = text(client.get(f"/zhengwu/banshi/{elder.pk}/"))
    for label in ("设定依据", "申请条件", "办理材料", "办理地点", "办理时间", "咨询电话"):
        assert label in detail
    assert "办理流程" in detail and "《测试条例》第一条" in detail
    assert client.get("/zhengwu/banshi/999999/").status_code == 404


def test_the_website_report_in_its_eight_sections(client):
    WebsiteReportFactory(year=2025, demo_label="示例数据")
    WebsiteReportFactory(year=2026, published=False)
    page = client.get("/zhengwu/wangzhan-nianbao/")
    assert "政府网站工作年度报表（2025年度）" in h1(page)
    shown = text(page)
    for heading in ("信息发布", "专栏专题", "解读回应", "办事服务", "互动交流", "安全防护",
                    "移动新媒体", "创新发展"):  # fmt: skip
        assert f" {heading} " in shown
    assert "政务动态信息更新量 12条" in shown and "示例数据" in shown
    assert client.get("/zhengwu/wangzhan-nianbao/2026/").status_code == 404
    assert client.get("/zhengwu/wangzhan-nianbao/99999999999999999999/").status_code == 404
    assert "2025年度" in text(client.get("/zhengwu/wangzhan-nianbao/lishi/"))


def test_a_fresh_site_still_answers_every_page(client):
    assert not Body.objects.exists()
    for url in ("/zhengwu/zhinan/", "/zhengwu/mulu/", "/zhengwu/jigou/", "/zhengwu/lingdao/",
                "/zhengwu/banshi/", "/zhengwu/wangzhan-nianbao/"):  # fmt: skip
        assert client.get(url).status_code == 200


def test_stale_dates_are_shown(client):
    county(last_verified=datetime.date(2024, 1, 2))
    assert "2024年1月2日" in text(client.get("/zhengwu/jigou/"))


def test_a_drafted_report_names_the_address_the_site_is_served_on(settings):
    from wagtail.models import Site

    from govinfo.webreport import draft_report

    settings.GONGKAI_BASE_URL = "https://gongkai.example.gov.cn"
    site = Site.objects.get(
        is_default_site=True
    )  # still on localhost:80, as before home_site_address
    report, _ = draft_report(2026, site)
    assert report.site_address == "https://gongkai.example.gov.cn"
