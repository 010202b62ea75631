"""The standard catalogue: loading for a county, line-numbered errors, overdue and missing."""

import datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from govinfo.catalogue_import import CatalogueError, load, read_rows
from govinfo.models import CatalogueItem, CatalogueLink
from govinfo.status import item_status
from news.tests.factories import NewsArticlePageFactory

from .factories import BodyFactory, CatalogueItemFactory, county

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[1] / "data" / "standard_catalogue.csv"
HEADER = "编号,层级,领域,公开事项,公开内容,公开依据,公开时限,公开主体,公开栏目,本站页面,来源\n"
TODAY = datetime.date(2026, 12, 7)


def _place():
    top = county()
    BodyFactory(name="测试县民政局", kind="department", parent=top)
    towns = [BodyFactory(name=f"测试{n}镇人民政府", kind="township", parent=top) for n in "甲乙"]
    BodyFactory(name="甲村", kind="village", parent=towns[0])
    return top


def test_the_shipped_catalogue_loads_for_county_townships_and_villages():
    top = _place()
    rows = read_rows(DATA.read_text(encoding="utf-8"))
    created, kept = load(DATA.read_text(encoding="utf-8"), top, TODAY)
    levels = {r.values["level"] for r in rows}
    assert levels == {"county", "township", "village"}
    county_rows = sum(r.values["level"] == "county" for r in rows)
    town_rows = sum(r.values["level"] == "township" for r in rows)
    village_rows = sum(r.values["level"] == "village" for r in rows)
    assert created == county_rows + 2 * town_rows + village_rows and kept == 0
    # the county's 民政局 owns the items its name ends with; the rest stay with the county
    assert CatalogueItem.objects.get(code="SH-02").body.name == "测试县民政局"
    assert CatalogueItem.objects.get(code="CZ-01").body == top
    assert CatalogueItem.objects.filter(code="XJ-04").count() == 2
    assert CatalogueItem.objects.get(code="CW-03").body.name == "甲村"
    again = load(DATA.read_text(encoding="utf-8"), top, TODAY)
    assert again == (0, created)


def test_errors_name_each_line_and_nothing_is_loaded():
    top = _place()
    good = "A-1,县级,社会救助,低保,内容,依据,每月10日前,县民政局,社会救助,,来源\n"
    bad_area = "A-2,县级,外星事务,事项,内容,依据,每月10日前,县民政局,栏目,,来源\n"
    bad_rule = "A-3,乡级,社会救助,事项,内容,依据,尽快公开,乡镇人民政府,栏目,,来源\n"
    with pytest.raises(CatalogueError) as caught:
        load(HEADER + good + bad_area + bad_rule, top, TODAY)
    errors = caught.value.errors
    assert errors[0].startswith("第3行：领域“外星事务”不是标准领域")
    assert errors[1].startswith("第4行：公开时限“尽快公开”格式不正确")
    assert CatalogueItem.objects.count() == 0


def test_the_command_reports_in_chinese(tmp_path):
    _place()
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "A-1,省级,社会救助,事项,内容,依据,每月10日前,主体,栏目,,\n", "utf-8")
    with pytest.raises(CommandError, match="bad.csv：第2行：层级“省级”应为县级、乡级或村级"):
        call_command("govinfo_load_catalogue", county="测试县人民政府", file=str(path))
    with pytest.raises(CommandError, match="没有名为“无此县”的县（区）人民政府机构"):
        call_command("govinfo_load_catalogue", county="无此县", file=str(path))
    assert CatalogueItem.objects.count() == 0


def test_a_quarterly_item_published_before_the_last_quarter_ended_is_overdue(home):
    item = CatalogueItemFactory(time_rule="每季度首月20日前")
    status = item_status(item, TODAY)
    assert status.overdue and "2026年第三季度的信息应于2026年10月20日前公开" in status.message
    article = NewsArticlePageFactory(parent=home, date=datetime.date(2026, 10, 5), publish=True)
    CatalogueLink.objects.create(item=item, page=article)
    status = item_status(item, TODAY)
    assert not status.overdue and status.latest_date == datetime.date(2026, 10, 5)
    assert status.publications[0].title == article.title


def test_an_event_item_with_nothing_published_is_missing_not_overdue():
    status = item_status(CatalogueItemFactory(), TODAY)
    assert status.missing and not status.overdue
    recent = CatalogueItemFactory(time_rule="每季度首月20日前", tracking_since=TODAY)
    status = item_status(recent, TODAY)
    assert status.missing and not status.overdue  # not tracked when Q3 ended
