"""The editorial workflow: editors write and submit, reviewers approve and publish.

Two groups and a moderation workflow on the root page, so every page needs a reviewer's
approval before it goes live. Editors work only in the Wagtail admin; neither group gets the
Django admin. Migration 0001 creates them once; `workflows_setup` completes them again (for
instance after an editor deleted the workflow). Both call `setup_editorial_workflow` with a
model registry: the migration's historical one or the running site's, so only plain queries
are used here (no tree methods, no model methods).
"""

from django.apps import apps as installed_apps
from django.contrib.auth.management import create_permissions
from django.db import transaction

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
PERMISSION_APPS = ["wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs"]


def _ensure_permissions(apps, using):
    """Django makes model permissions after `migrate`; a migration needs them before."""
    for label in PERMISSION_APPS:
        create_permissions(
            installed_apps.get_app_config(label), verbosity=0, apps=apps, using=using
        )


def _root(apps, model):
    return apps.get_model("wagtailcore", model).objects.order_by("path").first()


def _grant(apps, group):
    Permission = apps.get_model("auth", "Permission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    group.permissions.add(permission("wagtailadmin", "access_admin"))
    root_page, root_collection = _root(apps, "Page"), _root(apps, "Collection")
    for codename in PAGE_PERMISSIONS[group.name]:
        apps.get_model("wagtailcore", "GroupPagePermission").objects.get_or_create(
            group=group, page=root_page, permission=permission("wagtailcore", codename)
        )
    for app_label, codename in COLLECTION_PERMISSIONS[group.name]:
        apps.get_model("wagtailcore", "GroupCollectionPermission").objects.get_or_create(
            group=group, collection=root_collection, permission=permission(app_label, codename)
        )


def _approval_task(apps, reviewers):
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        ContentType = apps.get_model("contenttypes", "ContentType")
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type)
    task.groups.add(reviewers)
    return task


def setup_editorial_workflow(apps=installed_apps, using="default"):
    """Create or complete the groups, their permissions and the workflow; idempotent."""
    with transaction.atomic(using=using):
        _ensure_permissions(apps, using)
        Group = apps.get_model("auth", "Group")
        editors, _ = Group.objects.get_or_create(name=EDITORS)
        reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
        _grant(apps, editors)
        _grant(apps, reviewers)
        task = _approval_task(apps, reviewers)
        Workflow = apps.get_model("wagtailcore", "Workflow")
        workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
        apps.get_model("wagtailcore", "WorkflowTask").objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": 0}
        )
        apps.get_model("wagtailcore", "WorkflowPage").objects.update_or_create(
            page=_root(apps, "Page"), defaults={"workflow": workflow}
        )
    return workflow


def remove_editorial_workflow(apps=installed_apps, using="default"):
    """Undo the setup, except what is in use: a workflow with moderation history, a group
    with members."""
    with transaction.atomic(using=using):
        Workflow = apps.get_model("wagtailcore", "Workflow")
        workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
        if workflow is not None and not workflow.workflow_states.exists():
            workflow.workflow_pages.all().delete()
            workflow.workflow_tasks.all().delete()
            workflow.delete()
        task = apps.get_model("wagtailcore", "GroupApprovalTask").objects.filter(name=TASK_NAME)
        task.filter(task_states__isnull=True, workflow_tasks__isnull=True).delete()
        Group = apps.get_model("auth", "Group")
        Group.objects.filter(name__in=[EDITORS, REVIEWERS], user__isnull=True).delete()
