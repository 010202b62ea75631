"""Editors in the admin: windows kept to the rule; a published notice is never shortened,
back-dated or silently edited; a draft with comments is never edited in place."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from notices.models import Comment, ConsultationPage, NoticePage

from .factories import DRAFT, ConsultationPageFactory, consultation_index, days, notice_index

pytestmark = pytest.mark.django_db


def notice_data(**overrides):
    data = {
        "title": "关于低保对象的公示",
        "slug": "dibao-gongshi",
        "kind": "dibao",
        "publisher": "圩洋村村民委员会",
        "legal_basis": "",
        "body": rich_text("<p>拟纳入低保的家庭如下。</p>"),
        "list_text": "户主｜人口\n张三｜3",
        "window_start": days(0).isoformat(),
        "window_end": days(6).isoformat(),
        "contact": "",
        "result": "",
        "result_note": "",
        "correction_note": "",
        "demo_label": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(parent, model="noticepage"):
    return reverse("wagtailadmin_pages:add", args=["notices", model, parent.pk])


def errors(response):
    return {k: " ".join(v) for k, v in response.context["form"].errors.items()}


def test_window_shorter_than_the_rule_is_refused(admin_client):
    response = admin_client.post(
        add_url(notice_index()), notice_data(window_end=days(5).isoformat())
    )
    assert "期限太短" in errors(response)["window_end"] and not NoticePage.objects.exists()


def test_end_before_start_is_refused(admin_client):
    data = notice_data(window_end=days(-3).isoformat())
    response = admin_client.post(add_url(notice_index()), data)
    assert "结束日期不能早于开始日期" in errors(response)["window_end"]


def test_back_dated_first_publish_is_refused(admin_client):
    data = notice_data(
        window_start=days(-3).isoformat(), window_end=days(4).isoformat(), **{"action-publish": "1"}
    )
    response = admin_client.post(add_url(notice_index()), data)
    assert "不得倒签" in errors(response)["window_start"] and not NoticePage.objects.exists()


def test_published_notice_dates_and_text_are_guarded(admin_client, client):
    admin_client.post(add_url(notice_index()), notice_data(**{"action-publish": "1"}))
    page = NoticePage.objects.get()
    assert page.live and page.corrections.get().note == "首次发布"
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    shorter = admin_client.post(edit, notice_data(window_end=days(5).isoformat()))
    assert "不能缩短" in errors(shorter)["window_end"]
    moved = admin_client.post(
        edit, notice_data(window_start=days(1).isoformat(), window_end=days(9).isoformat())
    )
    assert "不能修改开始日期" in errors(moved)["window_start"]
    silent = admin_client.post(edit, notice_data(list_text="户主｜人口\n张三｜4"))
    assert "更正说明" in errors(silent)["correction_note"]
    page.refresh_from_db()
    assert page.window_end == days(6) and "张三｜3" in page.list_text
    corrected = notice_data(
        list_text="户主｜人口\n张三｜4",
        window_end=days(8).isoformat(),
        correction_note="张三家庭人口更正为4人，公示期相应延长",
        **{"action-publish": "1"},
    )
    assert admin_client.post(edit, corrected).status_code == 302
    html = client.get(NoticePage.objects.get().url).content.decode()
    assert "第 2 版" in html and "张三家庭人口更正为4人" in html and "首次发布" in html


def test_result_only_after_the_window(admin_client):
    data = notice_data(result="none")
    response = admin_client.post(add_url(notice_index()), data)
    assert "公示期满后才能登记公示结果" in errors(response)["result"]


def consultation_data(**overrides):
    data = {
        "title": "关于管理办法公开征求意见的公告",
        "slug": "zhengji-1",
        "organ": "新洋街道办事处",
        "document_title": "村级公益设施管理办法",
        "draft_text": DRAFT,
        "explanation": rich_text("<p>起草说明。</p>"),
        "window_start": days(0).isoformat(),
        "window_end": days(29).isoformat(),
        "short_reason": "",
        "contact": "",
        "adoption_summary": "",
        "demo_label": "",
        "adoption_groups": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_consultation_needs_thirty_days_or_a_reason(admin_client):
    url = add_url(consultation_index(), "consultationpage")
    short = admin_client.post(url, consultation_data(window_end=days(20).isoformat()))
    assert "期限太短" in errors(short)["window_end"]
    with_reason = consultation_data(window_end=days(20).isoformat(), short_reason="汛期前须出台")
    assert admin_client.post(url, with_reason).status_code == 302
    assert ConsultationPage.objects.get().short_reason == "汛期前须出台"


def test_draft_with_comments_is_never_edited_in_place(admin_client):
    page = ConsultationPageFactory(parent=consultation_index(), slug="zhengji-1", publish=True)
    Comment.objects.create(consultation=page, content="同意。")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    same = {
        "window_start": page.window_start.isoformat(),
        "window_end": page.window_end.isoformat(),
    }
    changed = consultation_data(draft_text=DRAFT + "\n第五条 新增。", title=page.title, **same)
    response = admin_client.post(edit, changed)
    assert "新建一稿" in errors(response)["draft_text"]
    page.refresh_from_db()
    assert "第五条" not in page.draft_text


def test_dashboard_and_queues_in_chinese(admin_client, client):
    from notices.models import Objection

    from .factories import NoticePageFactory

    notice = NoticePageFactory(parent=notice_index(), window_start=days(-4), window_end=days(2))
    item = Objection.objects.create(
        notice=notice, name="李四", phone="13912345678", content="有异议"
    )
    page = ConsultationPageFactory(parent=consultation_index(), publish=True)
    Comment.objects.create(consultation=page, content="同意。")
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "公示与意见征集：即将期满和待处理" in dashboard
    assert item.number in dashboard and "待审核意见 <strong>1</strong>" in dashboard
    assert notice.title in dashboard  # its window closes within three days
    edit = admin_client.get(reverse("notices_objection:edit", args=[item.pk]))
    assert edit.status_code == 200 and "村务监督委员会审核" in edit.content.decode()
    queue = admin_client.get(reverse("notices_comment:index") + "?status=pending")
    assert queue.status_code == 200 and "征集意见" in queue.content.decode()
