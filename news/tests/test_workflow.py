"""Editorial workflow: an editor's submission is not live until a reviewer approves it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.tests.factories import home_page
from news.models import NewsArticlePage
from news.tests.factories import NewsIndexPageFactory, body
from workflows.editorial import EDITORS, REVIEWERS, WORKFLOW_NAME

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture
def people(django_user_model):
    call_command("workflows_setup")  # runs after migrate too; must be idempotent
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


def test_setup_is_idempotent_and_covers_the_whole_site(people):
    call_command("workflows_setup")
    root = Page.get_first_root_node()
    assert root.get_workflow().name == WORKFLOW_NAME
    assert Group.objects.filter(name__in=[EDITORS, REVIEWERS]).count() == 2
    editors = Group.objects.get(name=EDITORS)
    assert editors.permissions.filter(codename="access_admin").exists()
    assert not editors.page_permissions.filter(permission__codename="publish_page").exists()


def test_editor_cannot_publish_reviewer_can(people, draft):
    editor, reviewer = people
    assert draft.permissions_for_user(editor).can_edit()
    assert not draft.permissions_for_user(editor).can_publish()
    assert draft.permissions_for_user(reviewer).can_publish()


def test_submission_goes_live_only_after_reviewer_approval(client, people, draft):
    editor, reviewer = people
    workflow = draft.get_workflow()
    workflow.start(draft, editor)
    draft.refresh_from_db()
    assert not draft.live
    assert client.get(draft.url).status_code == 404

    state = draft.current_workflow_task_state
    task = state.task.specific
    assert task.get_actions(draft, editor) == []
    assert "approve" in [name for name, *_ in task.get_actions(draft, reviewer)]

    task.on_action(state, reviewer, "approve")
    draft.refresh_from_db()
    assert draft.live
    assert client.get(draft.url).status_code == 200


def test_editor_submits_through_the_wagtail_admin(client, people, draft):
    editor, _ = people
    assert client.login(username="editor", password=PASSWORD)
    data = nested_form_data(
        {
            "title": "社区议事会换届完成",
            "slug": draft.slug,
            "date": "2021-11-21",
            "author": "",
            "source": "",
            "source_url": "",
            "editor_note": "",
            "region": "",
            "lead_image": "",
            "body": streamfield([("paragraph", rich_text("<p>议事会完成换届。</p>"))]),
            "tags": "",
            "village_links": inline_formset([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data["action-submit"] = "提交审核"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert not draft.live
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor


def test_approved_page_with_a_go_live_date_waits_for_it(people, draft, monkeypatch):
    editor, reviewer = people
    draft.go_live_at = timezone.now() + datetime.timedelta(days=1)
    draft.save_revision(user=editor)
    draft.get_workflow().start(draft, editor)
    state = draft.current_workflow_task_state
    state.task.specific.on_action(state, reviewer, "approve")
    draft.refresh_from_db()
    assert not draft.live  # scheduled, not published yet

    two_days_later = timezone.now() + datetime.timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: two_days_later)
    call_command("publish_scheduled")
    draft.refresh_from_db()
    assert draft.live


def test_reviewer_compares_revisions_in_the_admin(client, people, draft):
    editor, _ = people
    first = draft.latest_revision
    draft.title = "社区议事会换届（修订）"
    second = draft.save_revision(user=editor)
    assert client.login(username="reviewer", password=PASSWORD)
    url = reverse("wagtailadmin_pages:revisions_compare", args=[draft.pk, first.pk, second.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "社区议事会换届" in html and "（修订）" in html
