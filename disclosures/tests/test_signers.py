"""#25 (5): the 村务监督委员会 sign-off is who approved, from their own accounts, when; never
typed. The village's rule says how many members; the drafter never counts."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from disclosures.models import DisclosurePage, SignOffApproval

from .test_accountability import member, villages  # noqa: F401 (fixture)
from .test_admin import post_data

pytestmark = pytest.mark.django_db


def submit(client, village, user, **typed):
    client.force_login(user)
    add = reverse("wagtailadmin_pages:add", args=["disclosures", "disclosurepage", village.pk])
    assert client.post(add, post_data(**typed, **{"action-submit": "1"})).status_code == 302
    page = DisclosurePage.objects.get(title="2024年第一季度财务公开")
    return page, page.current_workflow_state.current_task_state


def approve_url(page, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])


def test_typed_reviewer_names_and_dates_are_not_the_sign_off(client, villages):  # noqa: F811
    xuyang = villages[0]
    clerk = member("clerk", xuyang, "clerks", "李", "某某")
    page, task_state = submit(
        client, xuyang, clerk, reviewers="镇干部张某、王某某", review_date="2020-01-01"
    )
    insider = member("xuyang-wang", xuyang, "committee", "王", "某某")
    client.force_login(insider)
    assert client.post(approve_url(page, task_state), {"comment": ""}).status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.reviewers == "王某某"
    assert page.review_date.year != 2020
    (approval,) = page.approvals
    assert approval["account"] == "xuyang-wang" and approval["name"] == "王某某"
    assert approval["approved_at"].startswith(page.review_date.isoformat())
    signed = page.versions.get().content["sign_off"]
    assert signed["approvals"] == page.approvals and signed["reviewers"] == "王某某"
    text = BeautifulSoup(client.get(page.url).content, "html.parser").select_one(".dc-signoff")
    assert "镇干部" not in text.get_text() and "xuyang-wang" in text.get_text()


def test_the_village_rule_counts_members_other_than_the_drafter(client, villages):  # noqa: F811
    xuyang = villages[0]
    record = xuyang.accountability
    record.approvals_required = 2
    record.save()
    wang = member("xuyang-wang", xuyang, "committee", "王", "某某")
    chen = member("xuyang-chen", xuyang, "committee", "陈", "某某")
    liu = member("xuyang-liu", xuyang, "committee", "刘", "某某")
    # Wang drafts and submits himself: he may send it back, never approve it.
    page, task_state = submit(client, xuyang, wang)
    task = task_state.task.specific
    assert [a[0] for a in task.get_actions(page, wang)] == ["reject"]
    task.on_action(task_state, wang, "approve")  # e.g. edit and approve in one save
    assert not SignOffApproval.objects.exists()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "不能批准自己起草的内容" in edit
    # One other member is not enough for this village; the same member twice neither.
    client.force_login(chen)
    client.post(approve_url(page, task_state), {"comment": ""})
    page.refresh_from_db()
    assert not page.live
    assert "approve" not in [a[0] for a in task.get_actions(page, chen)]
    client.force_login(liu)
    client.post(approve_url(page, task_state), {"comment": "凭证已核对"})
    page.refresh_from_db()
    assert page.live
    assert [a["account"] for a in page.approvals] == ["xuyang-chen", "xuyang-liu"]
    assert page.reviewers == "陈某某、刘某某" and page.review_opinion == "凭证已核对"
    assert SignOffApproval.objects.filter(page_id=page.pk).count() == 2


def test_a_member_who_edits_and_approves_in_one_save_does_not_publish(client, villages):  # noqa: F811
    xuyang = villages[0]
    clerk = member("clerk", xuyang, "clerks", "李", "某某")
    chen = member("xuyang-chen", xuyang, "committee", "陈", "某某")
    page, _task_state = submit(client, xuyang, clerk)
    client.force_login(chen)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = post_data(page, title="2024年第一季度财务公开（陈改）")
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    client.post(edit, data)
    page.refresh_from_db()
    assert not page.live and page.versions.count() == 0
    assert not SignOffApproval.objects.exists()
    assert "不能批准自己起草的内容" in client.get(edit).content.decode()
