"""The editorial workflow: editors write and submit, reviewers approve and publish.

`news_setup_workflow` (and, on a fresh database, every `migrate`) creates two groups and
a moderation workflow on the root page, so every page needs a reviewer's approval before
it goes live. Editors work only in the Wagtail admin; neither group gets the Django admin.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "编辑"
REVIEWERS = "审核员"
WORKFLOW_NAME = "编辑审核发布"
TASK_NAME = "审核员审核"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        # Wagtail checks image permissions against wagtailimages.Image for any image model.
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
}
COLLECTION_PERMISSIONS[REVIEWERS] = COLLECTION_PERMISSIONS[EDITORS] + [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant(group):
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    root_page = Page.get_first_root_node()
    for codename in PAGE_PERMISSIONS[group.name]:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=_permission("wagtailcore", codename)
        )
    root_collection = Collection.get_first_root_node()
    for app_label, codename in COLLECTION_PERMISSIONS[group.name]:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=_permission(app_label, codename)
        )


@transaction.atomic
def setup_editorial_workflow():
    """Create or complete the groups, their permissions and the workflow; idempotent."""
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    _grant(editors)
    _grant(reviewers)

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": workflow}
    )
    return workflow


def workflow_missing():
    return not Workflow.objects.filter(name=WORKFLOW_NAME).exists()
