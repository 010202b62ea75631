"""The editorial workflow exists once after `migrate`, set up again without duplicates."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowState

from workflows.editorial import (
    EDITORS,
    REVIEWERS,
    TASK_NAME,
    WORKFLOW_NAME,
    remove_editorial_workflow,
    setup_editorial_workflow,
)

pytestmark = pytest.mark.django_db


def test_migrate_made_the_workflow_on_the_root_page():
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert Page.get_first_root_node().get_workflow() == workflow
    assert [t.name for t in workflow.tasks.all()] == [TASK_NAME]
    task = GroupApprovalTask.objects.get(name=TASK_NAME)
    assert list(task.groups.values_list("name", flat=True)) == [REVIEWERS]
    reviewers = Group.objects.get(name=REVIEWERS)
    assert reviewers.page_permissions.filter(permission__codename="publish_page").exists()
    assert reviewers.collection_permissions.filter(permission__codename="delete_image").exists()


def test_setting_up_again_duplicates_nothing(capsys):
    setup_editorial_workflow()
    call_command("workflows_setup")
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert GroupApprovalTask.objects.filter(name=TASK_NAME).count() == 1
    assert Group.objects.filter(name__in=[EDITORS, REVIEWERS]).count() == 2
    assert "编辑审核发布" in capsys.readouterr().out


def test_a_deleted_workflow_is_made_again():
    remove_editorial_workflow()
    assert not Workflow.objects.filter(name=WORKFLOW_NAME).exists()
    assert not Group.objects.filter(name__in=[EDITORS, REVIEWERS]).exists()
    setup_editorial_workflow()
    assert Page.get_first_root_node().get_workflow().name == WORKFLOW_NAME


def test_removing_keeps_what_is_in_use(django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    home = Page.objects.get(depth=2).specific
    home.save_revision(user=editor)
    workflow.start(home, editor)
    assert WorkflowState.objects.filter(workflow=workflow).exists()
    remove_editorial_workflow()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).exists()
    assert Group.objects.filter(name=EDITORS).exists()
    assert not Group.objects.filter(name=REVIEWERS).exists()
