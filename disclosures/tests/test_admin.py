"""Through the admin: publish-time checks, no deleting, per-village clerk and reviewer rights."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from disclosures.models import DisclosurePage
from home.models import HomePage

from .factories import finance_disclosure, hierarchy

pytestmark = pytest.mark.django_db

LINES = [
    {"direction": "income", "date": "2024-01-15", "item": "集体资产租金", "amount": "1200.00"},
    {"direction": "income", "date": "2024-02-01", "item": "上级补助", "amount": "300.10"},
    {"direction": "expenditure", "date": "2024-02-03", "item": "办公用品", "amount": "350.50"},
]


def post_data(page=None, lines=LINES, **overrides):
    data = {
        "title": "2024年第一季度财务公开",
        "slug": page.slug if page else "2024q1-caiwu",
        "category": "finance",
        "period_kind": "quarter",
        "period_year": "2024",
        "period_number": "1",
        "reviewers": "张明、李华",
        "review_date": "2024-04-05",
        "opening_balance": "10000.00",
        "total_income": "1500.10",
        "total_expenditure": "350.50",
        "closing_balance": "11149.60",
        "items": inline_formset([]),
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
        "finance_lines": inline_formset(
            [
                dict(line, ORDER=str(i + 1), voucher="", counterparty="")
                for i, line in enumerate(lines)
            ]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


def make_user(username, superuser=False):
    user_model = get_user_model()
    if superuser:
        return user_model.objects.create_superuser(username, f"{username}@example.org", "x-pass-1")
    return user_model.objects.create_user(username, f"{username}@example.org", "x-pass-1")


@pytest.fixture
def villages():
    return hierarchy(("圩洋村", "青禾村"))[3]


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("admin", superuser=True))
    return client


def test_wrong_total_is_shown_on_the_total_and_not_published(admin_client, villages):
    xuyang = villages[0]
    url = reverse("wagtailadmin_pages:add", args=["disclosures", "disclosurepage", xuyang.pk])
    response = admin_client.post(url, post_data(total_income="1500.00", **{"action-publish": "1"}))
    assert response.status_code == 200
    form = response.context["form"]
    assert (
        "收入合计填写为 1,500.00 元，按明细计算应为 1,500.10 元" in form.errors["total_income"][0]
    )
    assert not DisclosurePage.objects.exists()


def test_bad_line_date_is_shown_on_that_line(admin_client, villages):
    lines = [dict(LINES[0], date="2024-05-01"), LINES[1], LINES[2]]
    url = reverse("wagtailadmin_pages:add", args=["disclosures", "disclosurepage", villages[0].pk])
    response = admin_client.post(url, post_data(lines=lines, **{"action-publish": "1"}))
    line_form = response.context["form"].formsets["finance_lines"].forms[0]
    assert "日期晚于本期结束日" in line_form.errors["date"][0]


def test_draft_may_be_incomplete_but_publish_needs_sign_off(admin_client, villages):
    url = reverse("wagtailadmin_pages:add", args=["disclosures", "disclosurepage", villages[0].pk])
    draft = admin_client.post(url, post_data(reviewers="", total_income="1"))
    assert draft.status_code == 302
    page = DisclosurePage.objects.get()
    assert not page.live
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    # Typed reviewer names are no longer a field: even a superuser cannot publish unsigned.
    refused = admin_client.post(edit, post_data(page, **{"action-publish": "1"}))
    assert "发布前须经村务监督委员会审核" in str(refused.context["form"].non_field_errors())
    page.refresh_from_db()
    assert not page.live and page.versions.count() == 0 and page.reviewers == ""


def test_correction_through_the_admin_needs_a_reason(admin_client, villages):
    page = finance_disclosure(villages[0])  # published with the sign-off of its time
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert admin_client.get(edit).context["form"].initial["change_reason"] == ""
    changed = post_data(page, title="2024年第一季度财务公开（更正）", **{"action-publish": "1"})
    refused = admin_client.post(edit, changed)
    assert "更正原因" in refused.context["form"].errors["change_reason"][0]
    changed["change_reason"] = "标题补充更正字样"
    assert admin_client.post(edit, changed).status_code == 302
    assert page.versions.order_by("-number").first().reason == "标题补充更正字样"


def test_published_disclosure_cannot_be_deleted_or_unpublished(admin_client, villages):
    xuyang = villages[0]
    page = finance_disclosure(xuyang)
    for name in ("delete", "unpublish"):
        url = reverse(f"wagtailadmin_pages:{name}", args=[page.pk])
        assert admin_client.get(url).status_code in (302, 403)
        assert admin_client.post(url).status_code in (302, 403)
    page.refresh_from_db()
    assert page.live
    # Deleting the village or any page above it is refused too.
    for ancestor in (xuyang, xuyang.get_parent(), HomePage.objects.get()):
        response = admin_client.post(
            reverse("wagtailadmin_pages:delete", args=[ancestor.pk]), follow=True
        )
        assert Page.objects.filter(pk=ancestor.pk).exists()
        assert DisclosurePage.objects.filter(pk=page.pk).exists()
    assert any("含有已发布的四务公开，不能删除" in str(m) for m in response.context["messages"])
    # An unpublished draft with no published version can still be deleted.
    draft = finance_disclosure(xuyang, publish=False, title="草稿")
    admin_client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert not DisclosurePage.objects.filter(pk=draft.pk).exists()


def test_delete_button_is_hidden_for_published(admin_client, villages):
    page = finance_disclosure(villages[0])
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert reverse("wagtailadmin_pages:delete", args=[page.pk]) not in response.content.decode()


def test_clerk_edits_only_own_village(client, villages):
    xuyang, qinghe = villages
    call_command("disclosures_setup_village", str(xuyang.pk))
    call_command("disclosures_setup_village", "青禾村")
    clerk = make_user("clerk")
    clerk.groups.add(Group.objects.get(name="圩洋村·公开经办人"))
    own = finance_disclosure(xuyang, publish=False)
    other = finance_disclosure(qinghe, publish=False)
    client.force_login(clerk)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code in (302, 403)
    client.post(reverse("wagtailadmin_pages:edit", args=[other.pk]), post_data(other, title="改"))
    other.refresh_from_db()
    assert other.title == "2024年第一季度财务公开" and other.get_latest_revision() is None
    add_other = reverse("wagtailadmin_pages:add", args=["disclosures", "disclosurepage", qinghe.pk])
    assert client.get(add_other).status_code in (302, 403)
    add_own = reverse("wagtailadmin_pages:add", args=["disclosures", "disclosurepage", xuyang.pk])
    assert client.get(add_own).status_code == 200


def test_clerk_cannot_publish_but_reviewer_can(client, villages):
    xuyang = villages[0]
    page = finance_disclosure(xuyang, publish=False)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    with pytest.raises(CommandError, match="用户不存在：nobody"):
        call_command("disclosures_setup_village", str(xuyang.pk), "--clerk", "nobody")
    make_user("clerk")
    make_user("reviewer")
    call_command(
        "disclosures_setup_village", str(xuyang.pk), "--clerk", "clerk", "--reviewer", "reviewer"
    )
    client.force_login(get_user_model().objects.get(username="clerk"))
    client.post(edit, post_data(page, **{"action-publish": "1"}))
    page.refresh_from_db()
    assert not page.live
    # #25 (5): one member can no longer edit and publish alone; publishing goes through
    # the committee's workflow, approved by a member other than the one who edited.
    client.force_login(get_user_model().objects.get(username="reviewer"))
    refused = client.post(edit, post_data(page, title="改过的标题", **{"action-publish": "1"}))
    assert "须经本村村务监督委员会成员用自己的账号批准后才能发布" in refused.content.decode()
    page.refresh_from_db()
    assert not page.live and page.versions.count() == 0


def test_finance_csv_upload_in_the_admin(admin_client, villages):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = finance_disclosure(villages[0])
    url = reverse("disclosures_import_finance_csv", args=[page.pk])
    edit_page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
    assert url.encode() in edit_page
    bad = "类型,日期,摘要,金额\n期初余额,,,10000\n收入,2024-01-05,租金,12.345\n".encode()
    response = admin_client.post(url, {"file": SimpleUploadedFile("q1.csv", bad)})
    assert "第 3 行，“金额”列：金额“12.345”超过两位小数" in response.content.decode()
    page.refresh_from_db()
    assert len(page.get_latest_revision_as_object().finance_lines.all()) == 4
    good = (
        "类型,日期,摘要,金额,凭证号\n期初余额,,,10000\n收入,2024-01-05,租金,100.00,记-9\n"
        "收入合计,,,100\n支出合计,,,0\n期末余额,,,10100\n"
    ).encode("gb18030")
    response = admin_client.post(url, {"file": SimpleUploadedFile("q1.csv", good)})
    assert response.status_code == 302
    page.refresh_from_db()
    draft = page.get_latest_revision().as_object()
    lines = [(ln.item, ln.amount) for ln in draft.finance_lines.all()]
    assert lines == [("租金", Decimal("100.00"))]
    assert draft.closing_balance == Decimal("10100.00")
    assert page.closing_balance == Decimal("11149.40")  # the live page is untouched
    assert page.versions.count() == 1


def test_clerk_cannot_upload_to_another_village(client, villages):
    xuyang, qinghe = villages
    call_command("disclosures_setup_village", str(xuyang.pk))
    clerk = make_user("clerk")
    clerk.groups.add(Group.objects.get(name="圩洋村·公开经办人"))
    other = finance_disclosure(qinghe, publish=False)
    client.force_login(clerk)
    response = client.get(reverse("disclosures_import_finance_csv", args=[other.pk]))
    assert response.status_code in (302, 403)


def test_clerk_submits_and_the_village_reviewers_approve(client, villages):
    xuyang = villages[0]
    make_user("clerk")
    reviewer = make_user("reviewer")
    call_command(
        "disclosures_setup_village", str(xuyang.pk), "--clerk", "clerk", "--reviewer", "reviewer"
    )
    client.force_login(get_user_model().objects.get(username="clerk"))
    add = reverse("wagtailadmin_pages:add", args=["disclosures", "disclosurepage", xuyang.pk])
    assert client.post(add, post_data(**{"action-submit": "1"})).status_code == 302
    page = DisclosurePage.objects.get()
    assert not page.live
    state = page.current_workflow_state
    assert state.workflow.name == "圩洋村四务公开审核"
    task_state = state.current_task_state
    assert list(task_state.task.specific.groups.values_list("name", flat=True)) == [
        "圩洋村·村务监督委员会"
    ]
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    page.refresh_from_db()
    assert page.live and page.versions.count() == 1


def test_preview_on_add_and_on_edit(admin_client, villages):
    xuyang = villages[0]
    add = reverse(
        "wagtailadmin_pages:preview_on_add", args=["disclosures", "disclosurepage", xuyang.pk]
    )
    assert admin_client.post(add, post_data()).json()["is_valid"]
    response = admin_client.get(add)
    assert response.status_code == 200
    assert "集体资产租金" in response.content.decode()
    page = finance_disclosure(xuyang)
    edit = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    admin_client.post(edit, post_data(page, title="预览中的标题"))
    body = admin_client.get(edit).content.decode()
    assert "预览中的标题" in body
    assert "校验未通过" not in body and "预览" in body


@pytest.mark.parametrize(
    ("model", "parent_index"), [("villagepage", 2), ("townshippage", 1), ("countypage", 0)]
)
def test_preview_new_hierarchy_pages(admin_client, model, parent_index):
    index, county, township, _villages = hierarchy(("圩洋村",))
    parent = [index, county, township][parent_index]
    url = reverse("wagtailadmin_pages:preview_on_add", args=["disclosures", model, parent.pk])
    data = {"title": "预览页", "slug": "yulan", "kind": "村", "finance_interval": "quarter"}
    if model == "townshippage":
        data["kind"] = "街道"
    assert admin_client.post(
        url, nested_form_data({**data, "comments": inline_formset([])})
    ).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200 and "预览页" in response.content.decode()
