"""Editors are stopped on 提交审核 by blocking findings, shown beside the field; a reviewer lets
a finding through with a recorded reason; warnings never stop anyone; the importer and 网站自查
apply the same gate."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Site, WorkflowState, get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.tests.factories import home_page
from importing import ImportError_, import_files
from news.models import NewsArticlePage
from news.tests.factories import NewsIndexPageFactory, body
from personaldata.detect import check_digit
from quality.forms import QualityGateMixin
from quality.models import Override
from siteidentity.inspection import run_inspection
from workflows.editorial import EDITORS, REVIEWERS

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-staple-42"
ID_NUMBER = "11010519491231002" + check_digit("11010519491231002")


@pytest.fixture
def people(django_user_model):
    call_command("workflows_setup")
    editor = django_user_model.objects.create_user("editor", password=PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS))
    reviewer = django_user_model.objects.create_user("reviewer", password=PASSWORD)
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    return editor, reviewer


@pytest.fixture
def draft(people):
    index = NewsIndexPageFactory(parent=home_page())
    page = NewsArticlePage(
        title="社区议事会换届",
        slug="yishihui",
        date=datetime.date(2021, 11, 21),
        body=body("议事会完成换届。"),
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=people[0])
    return page


def submit(client, page, text, title="社区议事会换届完成", action="action-submit"):
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "date": "2021-11-21",
            "author": "",
            "source": "",
            "source_url": "",
            "editor_note": "",
            "region": "",
            "lead_image": "",
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "tags": "",
            "village_links": inline_formset([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


def submitted(page):
    return WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()


def test_every_page_type_gets_the_gate():
    for model in get_page_models():
        if model is Page:  # the tree's root: never edited
            continue
        form_class = model.get_edit_handler().get_form_class()
        assert issubclass(form_class, QualityGateMixin), model


def test_a_wrong_country_name_stops_the_submission(client, people, draft):
    assert client.login(username="editor", password=PASSWORD)
    response = submit(client, draft, "依据中华人民共合国有关法律办理。")
    shown = response.content.decode()
    assert "严重表述错误：“中华人民共合国”应为“中华人民共和国”" in shown
    assert "发布前检查未通过" in shown
    assert reverse("quality_page_check", args=[draft.pk]) in shown  # 发布前检查 in the header
    assert not submitted(draft)


def test_an_unmasked_id_number_in_the_title_is_shown_beside_the_title(client, people, draft):
    assert client.login(username="editor", password=PASSWORD)
    response = submit(client, draft, "议事会完成换届。", title=f"公示：张三{ID_NUMBER}")
    form = response.context["form"]
    assert any("身份证号" in e and ID_NUMBER in e for e in form.errors["title"])
    assert not submitted(draft)


def test_a_draft_may_still_be_saved(client, people, draft):
    assert client.login(username="editor", password=PASSWORD)
    response = submit(client, draft, "依据中华人民共合国有关法律办理。", action=None)
    assert "严重表述错误" not in response.content.decode()
    draft.refresh_from_db()
    assert "中华人民共合国" in str(draft.get_latest_revision_as_object().body)
    assert not submitted(draft)


def test_warnings_are_shown_and_do_not_block(client, people, draft):
    assert client.login(username="editor", password=PASSWORD)
    response = submit(client, draft, "请尽快按装完毕,并告知住户。")
    assert submitted(draft)
    shown = response.content.decode()
    assert "疑似错别字：“按装”是否应为“安装”" in shown
    assert "应为全角“，”" in shown


def test_a_reviewer_overrides_with_a_reason_and_the_editor_can_submit(client, people, draft):
    editor, reviewer = people
    assert client.login(username="editor", password=PASSWORD)
    submit(client, draft, "依据中华人民共合国有关法律办理。", action=None)  # saved as a draft
    assert not submitted(draft)
    url = reverse("quality_page_check", args=[draft.pk])
    client.post(url, {"reason": "引用原件，保持原貌"})
    assert not Override.objects.exists()  # editors may not let findings through
    client.logout()

    assert client.login(username="reviewer", password=PASSWORD)
    page = client.get(url).content.decode()
    assert "中华人民共合国" in page and "放行理由" in page
    assert "至少写 4 个字" in client.post(url, {"reason": "好"}).content.decode()
    client.post(url, {"reason": "照录1954年原件标题，保持原貌"})
    override = Override.objects.get(page=draft)
    assert override.user == reviewer and override.reason == "照录1954年原件标题，保持原貌"
    assert "中华人民共合国" in override.message
    client.logout()

    assert client.login(username="editor", password=PASSWORD)
    submit(client, draft, "依据中华人民共合国有关法律办理。")
    assert submitted(draft)


def test_the_importer_refuses_the_line_with_the_finding(tmp_path):
    good = {"id": "n-1", "type": "news", "title": "换届完成", "date": "2024-03-01", "body": "好。"}
    bad = dict(good, id="n-2", body=f"联系人身份证号 {ID_NUMBER}，依据中华人民共合国宪法。")
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in (good, bad)), "utf-8")
    with pytest.raises(ImportError_) as refused:
        import_files([path])
    problems = refused.value.problems
    assert any(p.startswith(f"{path}:2: 严重表述错误：“中华人民共合国”") for p in problems)
    assert any(p.startswith(f"{path}:2: 未遮盖的个人信息：身份证号") for p in problems)
    assert not any(f"{path}:1:" in p for p in problems)
    assert not NewsArticlePage.objects.filter(title="换届完成").exists()


def test_self_check_lists_live_pages_with_open_findings(people):
    index = NewsIndexPageFactory(parent=home_page())
    page = NewsArticlePage(
        title="国务院办公室通知转发",
        slug="zhuanfa",
        date=datetime.date(2024, 3, 1),
        body=body("转发通知。"),
    )
    index.add_child(instance=page)
    site = Site.objects.get(is_default_site=True)
    messages = [f.message for f in run_inspection(site) if f.page and f.page.pk == page.pk]
    assert "严重表述错误：“国务院办公室”应为“国务院办公厅”" in messages
    Override.objects.create(page=page, key="correction:国务院办公室", message="-", reason="原标题")
    messages = [f.message for f in run_inspection(site) if f.page and f.page.pk == page.pk]
    assert not any("国务院办公室" in m for m in messages)


def test_site_managers_keep_the_lists_in_chinese(admin_client):
    listing = admin_client.get(reverse("wagtailsnippets_quality_correction:list"))
    shown = listing.content.decode()
    assert "严重表述错误" in shown and "中华人民共合国" in shown and "国务院办公厅" in shown
    add = admin_client.post(
        reverse("wagtailsnippets_quality_prohibitedword:add"),
        {"word": "测试禁用词", "advice": "", "source": "本站规定"},
    )
    assert add.status_code == 302
    from quality.checks import check
    from quality.gate import current_lists

    assert [f.kind for f in check("含有测试禁用词", current_lists())] == ["禁用词"]


def test_a_wrong_name_inside_a_linked_attachment_stops_the_submission(client, people, draft):
    from attachments.samples import docx_bytes
    from attachments.tests.helpers import document

    attached = document(
        "换届公告.docx", docx_bytes(["根据中华人民共合国村民委员会组织法"]), title="换届公告"
    )
    clean = document("议程.docx", docx_bytes(["会议议程"]), title="会议议程")
    assert client.login(username="editor", password=PASSWORD)
    link = f'<a linktype="document" id="{clean.pk}">会议议程</a>'
    submit(client, draft, f"见附件{link}。")
    assert submitted(draft)  # an attachment without findings stops nothing

    other = NewsArticlePage(title="换届公告", slug="gonggao", date=datetime.date(2021, 11, 22))
    draft.get_parent().add_child(instance=other)
    link = f'<a linktype="document" id="{attached.pk}">换届公告</a>'
    response = submit(client, other, f"见附件{link}。", title="换届公告")
    shown = response.content.decode()
    assert "附件《换届公告》中严重表述错误：“中华人民共合国”应为“中华人民共和国”" in shown
    assert not submitted(other)
    # the page check and 网站自查 read the attachment of a page once it is published
    submit(client, other, f"见附件{link}。", title="换届公告", action=None)  # a draft is kept
    other.refresh_from_db()
    other.get_latest_revision().publish(user=people[1])
    findings = [f.message for f in run_inspection(Site.objects.get(is_default_site=True))]
    assert any("中华人民共合国" in m for m in findings)
