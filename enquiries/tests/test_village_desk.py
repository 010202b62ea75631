"""#24 (3) the village journey and #25 (5) for 村务质询: the village's clerk drafts, members of
that village's 村务监督委员会 approve from their own accounts, nobody else sees the question."""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from disclosures.tests.factories import finance_disclosure, hierarchy
from enquiries.models import Enquiry, Status

from .factories import question_on

pytestmark = pytest.mark.django_db


def person(username, village, role, family, given):
    user = get_user_model().objects.create_user(username, password="x-pass-1")
    user.last_name, user.first_name = family, given
    user.save()
    user.groups.add(getattr(village.accountability, role))
    return user


@pytest.fixture
def setting():
    _i, _c, _t, (xuyang, qinghe) = hierarchy(("圩洋村", "青禾村"))
    question = question_on(
        finance_disclosure(xuyang),
        body="第二笔支出是什么？",
        allow_public=True,
        received_on=datetime.date(2026, 4, 10),  # long overdue
    )
    return {
        "question": question,
        "clerk": person("圩洋村-经办人", xuyang, "clerks", "李", "某某"),
        "wang": person("圩洋村-监委会-王", xuyang, "committee", "王", "某某"),
        "chen": person("圩洋村-监委会-陈", xuyang, "committee", "陈", "某某"),
        "other_clerk": person("青禾村-经办人", qinghe, "clerks", "赵", "某某"),
        "other_member": person("青禾村-监委会-孙", qinghe, "committee", "孙", "某某"),
    }


def desk(pk):
    return reverse("enquiries_village_question", args=[pk])


def test_the_clerk_drafts_a_member_approves_and_the_answer_is_signed(client, setting):
    question, clerk, wang = setting["question"], setting["clerk"], setting["wang"]
    client.force_login(clerk)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "本村村务质询" in home and question.title in home and "已逾期" in home
    client.post(desk(question.pk), {"action": "submit", "reply": "是路灯维修材料费。"})
    question.refresh_from_db()
    assert question.status == Status.REVIEW and question.drafted_by == clerk
    client.force_login(wang)
    done = client.post(desk(question.pk), {"action": "approve", "comment": "", "show": "1"})
    assert done.status_code == 302
    question.refresh_from_db()
    assert question.status == Status.ANSWERED and question.reviewers == "王某某"
    assert question.replied_on == question.reviewed_on == datetime.date.today()
    (approval,) = question.approvals.all()
    assert (approval.account, approval.user) == ("圩洋村-监委会-王", wang)
    assert "是路灯维修材料费。" in client.get(question.disclosure.url).content.decode()
    detail = client.get(reverse("enquiries:qa_detail", args=[question.pk])).content.decode()
    assert "村务监督委员会审核：王某某" in detail
    edit = client.get(desk(question.pk)).content.decode()
    assert "圩洋村-监委会-王" in edit and "批准" in edit


def test_a_member_cannot_approve_their_own_draft(client, setting):
    question, wang, chen = setting["question"], setting["wang"], setting["chen"]
    question.village.accountability.approvals_required = 2
    question.village.accountability.save()
    client.force_login(wang)
    client.post(desk(question.pk), {"action": "submit", "reply": "王起草的答复。"})
    refused = client.post(desk(question.pk), {"action": "approve"}, follow=True)
    assert "不能批准自己起草的答复" in refused.content.decode()
    question.refresh_from_db()
    assert question.status == Status.REVIEW and not question.approvals.exists()
    client.force_login(chen)
    client.post(desk(question.pk), {"action": "approve"})
    twice = client.post(desk(question.pk), {"action": "approve"}, follow=True)
    assert "您已批准过这份答复稿" in twice.content.decode()
    question.refresh_from_db()
    assert question.status == Status.REVIEW  # the village asks for two members


def test_other_villages_neither_see_nor_open_the_question(client, setting):
    question = setting["question"]
    for outsider in (setting["other_clerk"], setting["other_member"]):
        client.force_login(outsider)
        assert question.title not in client.get(reverse("wagtailadmin_home")).content.decode()
        listing = client.get(reverse("enquiries_village_desk")).content.decode()
        assert question.title not in listing
        opened = client.get(desk(question.pk), follow=True)
        assert opened.status_code == 200
        text = opened.content.decode()
        assert "该质询属于其他村（社区），您无权查看或办理。" in text
        assert "第二笔支出" not in text
        client.post(desk(question.pk), {"action": "submit", "reply": "越权答复"})
        client.post(desk(question.pk), {"action": "approve"})
        question.refresh_from_db()
        assert question.reply == "" and question.status == Status.RECEIVED
    client.force_login(setting["clerk"])
    missing = client.get(desk(question.pk + 999), follow=True).content.decode()
    assert "无权查看" in missing


def test_typed_reviewers_no_longer_answer_a_question_in_the_officer_queue(admin_client, setting):
    question = setting["question"]
    edit = reverse("enquiries_question:edit", args=[question.pk])
    form = admin_client.get(edit).content.decode()
    assert 'name="reviewers"' not in form and 'name="reviewed_on"' not in form
    assert re.search(r"尚无村务监督委员会成员批准", form)


def test_the_dashboard_shows_each_person_only_what_they_may_open(client, setting):
    """#24: the clerk's dashboard listed policy links the clerk may not open."""
    from bs4 import BeautifulSoup

    from policies.tests.factories import make_policy

    make_policy("无解读的文件", published_date=datetime.date(2020, 1, 6))
    for who in ("clerk", "wang", "other_clerk"):
        client.force_login(setting[who])
        home = client.get(reverse("wagtailadmin_home"))
        main = BeautifulSoup(home.content, "html.parser").find("main")
        assert "无解读的文件" not in main.get_text()
        links = {
            a["href"] for a in main.find_all("a", href=True) if a["href"].startswith("/admin/")
        }
        assert links, who
        for href in sorted(links):
            opened = client.get(href)
            assert opened.status_code == 200, (who, href, opened.status_code)


def test_the_demo_villages_accounts_can_act_on_their_overdue_questions(client):
    """`make demo`: the demo's open 村务质询 are on the demo clerk's and member's desk."""
    from django.core.management import call_command

    from importing import import_files

    from .test_answering import DEMO, DISCLOSURE_DEMO

    import_files([DISCLOSURE_DEMO, DEMO])
    call_command("disclosures_demo_accounts", stdout=io.StringIO())
    users = get_user_model().objects
    waiting = Enquiry.objects.get(title="对第三季度党务公开的质询")  # 待审核, drafted earlier
    new = Enquiry.objects.get(title="对村务公开的质询")  # 已收到
    clerk, member = users.get(username="圩洋村-经办人"), users.get(username="圩洋村-监委会-王")
    client.force_login(clerk)
    listing = client.get(reverse("enquiries_village_desk")).content.decode()
    assert waiting.title in listing and new.title in listing
    client.post(desk(new.pk), {"action": "submit", "reply": "道路硬化工程定于下月开工。"})
    client.force_login(member)
    for question in (waiting, new):
        client.post(desk(question.pk), {"action": "approve"})
        question.refresh_from_db()
        assert question.status == Status.ANSWERED and question.reviewers == "王某某"
