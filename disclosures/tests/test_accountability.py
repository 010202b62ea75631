"""Per-village accountability set up by the site: groups, permissions, workflow, sign-off."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowState

from disclosures import schedule
from disclosures.models import DisclosurePage, VillageAccountability, VillagePage

from .factories import finance_disclosure, hierarchy
from .test_admin import make_user, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def villages():
    return hierarchy(("圩洋村", "青禾村"))[3]


def member(username, village, role, family="", given=""):
    user = make_user(username)
    user.last_name, user.first_name = family, given
    user.save()
    user.groups.add(getattr(village.accountability, role))
    return user


def page_perms(group, village):
    rows = GroupPagePermission.objects.filter(group=group, page=village)
    return sorted(rows.values_list("permission__codename", flat=True))


def test_a_village_made_in_the_admin_gets_its_groups_and_workflow(client, villages):
    township = villages[0].get_parent()
    client.force_login(make_user("admin", superuser=True))
    add = reverse("wagtailadmin_pages:add", args=["disclosures", "villagepage", township.pk])
    data = {"title": "新河村", "slug": "xinhe", "kind": "村", "finance_interval": "quarter"}
    assert client.post(add, {**data, "action-publish": "1"}).status_code == 302
    village = VillagePage.objects.get(title="新河村")
    clerks = Group.objects.get(name="新河村·公开经办人")
    committee = Group.objects.get(name="新河村·村务监督委员会")
    assert page_perms(clerks, village) == ["add_page", "change_page"]
    assert page_perms(committee, village) == ["add_page", "change_page", "publish_page"]
    workflow = village.get_workflow()
    assert workflow.name == "新河村四务公开审核" and workflow.active
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [committee]
    # A disclosure below the village goes through that village's workflow, not the site's.
    disclosure = finance_disclosure(village, publish=False)
    assert disclosure.get_workflow() == workflow


def test_setting_up_again_or_renaming_does_not_duplicate(villages):
    xuyang = villages[0]
    counts = (Group.objects.count(), Workflow.objects.count(), GroupApprovalTask.objects.count())
    call_command("disclosures_setup_village", str(xuyang.pk))
    call_command("disclosures_setup_village", "--all")
    assert counts == (
        Group.objects.count(),
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
    )
    xuyang.title = "圩洋社区"
    xuyang.save_revision().publish()
    assert counts[0] == Group.objects.count() and counts[1] == Workflow.objects.count()
    record = VillageAccountability.objects.get(village=xuyang)
    assert record.clerks.name == "圩洋社区·公开经办人"
    assert record.committee.name == "圩洋社区·村务监督委员会"
    assert record.workflow.name == "圩洋社区四务公开审核"
    assert not Group.objects.filter(name__startswith="圩洋村").exists()
    assert xuyang.get_workflow() == record.workflow


def test_two_villages_of_the_same_name_get_separate_groups(villages):
    township = villages[0].get_parent()
    county = township.get_parent()
    other_township = county.add_child(
        instance=type(township)(title="示例镇", slug="shili", kind="乡镇")
    )
    twin = other_township.add_child(instance=VillagePage(title="圩洋村", slug="xuyang-2"))
    assert twin.accountability.committee.name == "示例镇圩洋村·村务监督委员会"
    assert villages[0].accountability.committee.name == "圩洋村·村务监督委员会"


def test_a_clerk_cannot_publish_directly_nor_touch_another_village(client, villages):
    xuyang, qinghe = villages
    clerk = member("clerk", xuyang, "clerks")
    own = finance_disclosure(xuyang, publish=False)
    other = finance_disclosure(qinghe, publish=False)
    client.force_login(clerk)
    edit = reverse("wagtailadmin_pages:edit", args=[own.pk])
    assert "action-publish" not in client.get(edit).content.decode()
    client.post(edit, post_data(own, **{"action-publish": "1"}))
    own.refresh_from_db()
    assert not own.live and own.versions.count() == 0
    assert not own.permissions_for_user(clerk).can_publish()
    other_edit = reverse("wagtailadmin_pages:edit", args=[other.pk])
    assert client.get(other_edit).status_code in (302, 403)
    client.post(other_edit, post_data(other, title="改", **{"action-submit": "1"}))
    other.refresh_from_db()
    assert other.get_latest_revision() is None and other.current_workflow_state is None


def submit_as_clerk(client, village):
    client.force_login(member("clerk", village, "clerks", "李", "某某"))
    add = reverse("wagtailadmin_pages:add", args=["disclosures", "disclosurepage", village.pk])
    # The clerk leaves the sign-off empty: the committee signs by approving.
    data = post_data(reviewers="", review_date="", **{"action-submit": "1"})
    assert client.post(add, data).status_code == 302
    page = DisclosurePage.objects.get(title="2024年第一季度财务公开")
    assert not page.live
    return page, page.current_workflow_state.current_task_state


def test_only_that_villages_committee_approves_and_signs(client, villages):
    xuyang, qinghe = villages
    page, task_state = submit_as_clerk(client, xuyang)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "我负责的村务公开" in home and "待监督委员会审核" in home

    outsider = member("qinghe-member", qinghe, "committee", "赵", "某某")
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    assert task_state.task.specific.get_actions(page, outsider) == []
    client.force_login(outsider)
    client.post(approve, {"comment": ""})
    page.refresh_from_db()
    assert not page.live and page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    insider = member("xuyang-member", xuyang, "committee", "王", "某某")
    client.force_login(insider)
    assert client.post(approve, {"comment": "已核对凭证"}).status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.versions.count() == 1
    assert page.reviewers == "王某某" and page.review_date == timezone.localdate()
    assert page.versions.get().content["sign_off"]["reviewers"] == "王某某"
    public = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert "王某某" in public.select_one(".dc-signoff").get_text()
    sheet = client.get(reverse("disclosures:notice", args=[page.pk])).content.decode()
    assert "王某某" in sheet


def test_a_committee_member_cannot_edit_another_village(client, villages):
    xuyang, qinghe = villages
    other = finance_disclosure(qinghe, publish=False)
    client.force_login(member("xuyang-member", xuyang, "committee"))
    edit = reverse("wagtailadmin_pages:edit", args=[other.pk])
    assert client.get(edit).status_code in (302, 403)
    client.post(edit, post_data(other, **{"action-publish": "1"}))
    other.refresh_from_db()
    assert not other.live


def test_the_dashboard_lists_overdue_for_clerks_only(client, villages):
    xuyang = villages[0]
    client.force_login(member("clerk", xuyang, "clerks"))
    home = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    sections = home.select("section.village-duties")
    assert [s.h3.get_text(strip=True) for s in sections] == ["圩洋村"]
    text = sections[0].get_text(" ", strip=True)
    assert len(re.findall("已逾期", text)) == 4  # nothing published yet: all four categories
    client.force_login(make_user("editor"))
    assert "我负责的村务公开" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_due_this_month_is_the_period_whose_deadline_is_ahead():
    q1 = (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
    early_april = datetime.date(2024, 4, 3)
    due = schedule.due_this_month(schedule.PARTY, [], early_april)
    assert due.required.label == "2024年第一季度" and due.deadline.month == 4
    assert "截止2024年4月" in due.message
    assert schedule.due_this_month(schedule.PARTY, [q1], early_april) is None
    late_april = datetime.date(2024, 4, 28)
    assert schedule.due_this_month(schedule.PARTY, [], late_april) is None
    assert schedule.overdue_status(schedule.PARTY, [], late_april).overdue


def test_demo_accounts_have_passwords_printed_once(villages, capsys):
    for village in villages:
        village.demo_label = "示例数据"
        village.save()
    call_command("disclosures_demo_accounts")
    first = capsys.readouterr().out
    found = re.search(r"已创建示例账号 圩洋村-监委会-王.*?请记下）：(\S+)", first)
    assert found
    user = get_user_model().objects.get(username="圩洋村-监委会-王")
    assert user.check_password(found.group(1))
    assert user.groups.filter(name="圩洋村·村务监督委员会").exists()
    clerk = get_user_model().objects.get(username="青禾村-经办人")
    assert clerk.groups.filter(name="青禾村·公开经办人").exists()
    other = re.search(r"圩洋村-监委会-陈.*?：(\S+)", first).group(1)
    assert other != found.group(1)
    call_command("disclosures_demo_accounts")
    again = capsys.readouterr().out
    assert "密码（只显示这一次" not in again and "已存在，密码未改动" in again
    assert user.check_password(found.group(1))


def test_a_deleted_group_is_made_again_and_deleting_it_is_no_error(villages):
    xuyang = villages[0]
    record = xuyang.accountability
    record.committee.delete()  # an operator deleting the group in the admin
    record.refresh_from_db()
    assert record.committee is None
    call_command("disclosures_setup_village", str(xuyang.pk))
    record.refresh_from_db()
    assert record.committee.name == "圩洋村·村务监督委员会"
    assert list(record.task.groups.all()) == [record.committee]


def test_the_inspection_shows_a_clerk_only_their_own_village(client, villages):
    xuyang, qinghe = villages[0], villages[1]
    client.force_login(member("clerk", xuyang, "clerks"))
    report = client.get(reverse("siteidentity_inspection")).content.decode()
    assert "村务公开逾期" in report and f"/admin/pages/{xuyang.pk}/edit/" in report
    assert f"/admin/pages/{qinghe.pk}/edit/" not in report
    assert "网站标识" not in report  # a site-wide finding is the site managers' business
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "您可编辑的页面：共" in dashboard and "青禾村" not in dashboard
    client.force_login(make_user("admin", superuser=True))
    report = client.get(reverse("siteidentity_inspection")).content.decode()
    assert f"/admin/pages/{qinghe.pk}/edit/" in report and "网站标识" in report
