"""A 375 px phone with JavaScript off: from the home page to an open 公示, an objection filed and
followed to its answer; a comment on one article of an open consultation; the 采纳情况 of a closed
one. The content is the demo's (``notices_demo``), so the demo is what is tested."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

from notices.models import Comment, Objection

from .content import ensure_base

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE_375 = {"width": 375, "height": 740}


@pytest.fixture
def demo(transactional_db):
    from disclosures.tests.factories import hierarchy

    cache.clear()
    ensure_base()
    hierarchy(("圩洋村",))
    call_command("notices_demo")
    yield
    cache.clear()


@pytest.fixture
def phone(open_session):
    session = open_session(
        java_script_enabled=False, viewport=PHONE_375, is_mobile=True, has_touch=True
    )
    yield session
    assert session.foreign_requests() == []


def fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("window.innerWidth") + 1, f"{page.url} is {width} px wide"


def click(page, locator):
    with page.expect_navigation():
        locator.click()
    fits(page)


def lookup(page, number):
    """The status form: linked from the receipt, and repeated below each status shown."""
    link = page.get_by_role("link", name="查询答复", exact=True)
    if link.count():
        click(page, link)
    page.get_by_role("textbox", name=re.compile("^受理编号")).fill(number)
    page.get_by_label("联系电话后四位").fill("5678")
    click(page, page.get_by_role("button", name="查询"))
    return page.locator("main").inner_text()


def test_phone_objects_to_an_open_notice_and_reads_the_answer(demo, phone):
    page = phone.page
    page.goto("/")
    click(page, page.get_by_role("link", name="圩洋村关于新增最低生活保障对象的公示"))
    text = page.locator("main").inner_text()
    assert "公示中，还剩 5 天" in text and "示例数据" in text
    assert "320902196203154412" not in text  # ID numbers masked in the list
    click(page, page.get_by_role("link", name="有疑问？提出异议", exact=True))
    page.get_by_label("异议内容").fill("<b>王某某</b>家新购轿车一辆")
    page.get_by_label("姓名", exact=True).fill("李某")
    page.get_by_label("联系电话（不公开，用于查询答复）").fill("13912345678")
    click(page, page.get_by_role("button", name="提交异议"))
    assert "不能包含网页代码" in page.locator("main").inner_text()
    assert not Objection.objects.filter(name="李某").exists()
    page.get_by_label("异议内容").fill("王某某家新购轿车一辆，不符合低保条件。")
    click(page, page.get_by_role("button", name="提交异议"))
    number = re.search(r"受理编号：(\w+)", page.locator("main").inner_text())[1]
    assert "尚未答复" in lookup(page, number)
    item = Objection.objects.get(number=number)
    item.reply = "经入户核实，该车辆登记在其子女名下且子女已分户，不影响认定。"
    item.replied_by = "圩洋村村民委员会"
    item.reviewed_by = "圩洋村村务监督委员会"
    item.save()  # as the admin's save does
    answer = lookup(page, number)
    assert "已答复" in answer and "子女已分户" in answer and "经村务监督委员会审核" in answer


def test_phone_comments_on_one_article_and_reads_an_adoption_report(demo, phone):
    page = phone.page
    page.goto("/")
    click(page, page.get_by_role("link", name="意见征集", exact=True).last)
    click(page, page.get_by_role("link", name=re.compile("公益设施管理办法")))
    assert "征求意见中，还剩" in page.locator("main").inner_text()
    click(page, page.get_by_role("link", name="对第三条提出意见"))
    assert page.get_by_label("针对条款").input_value() == "3"
    page.get_by_label("匿名提交（不公开也不记录姓名）").check()
    page.get_by_label("意见或建议").fill("建议维修费用每月公开。")
    click(page, page.get_by_role("button", name="提交意见"))
    assert "意见已收到" in page.locator("h1").inner_text()
    comment = Comment.objects.get(content="建议维修费用每月公开。")
    assert comment.article_no == 3 and comment.name == "" and comment.status == "pending"
    click(page, page.get_by_role("link", name="返回意见征集"))
    click(page, page.get_by_role("link", name="意见征集", exact=True).first)
    click(page, page.get_by_role("link", name=re.compile("村规民约")))
    text = page.locator("main").inner_text()
    assert "征求意见已结束" in text and "意见采纳情况" in text and "部分采纳" in text
    assert "13900002222" not in text and "陈*" in text
