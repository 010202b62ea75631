"""Per-village accountability, set up by the site.

Every village gets a clerk group (公开经办人: drafts and submits, never publishes), a
村务监督委员会 group (approves and publishes), an attachments folder and a workflow on the
village page whose only task is approved by that committee. `ensure_accountability` runs when a
village is created or renamed (signal) and from `disclosures_setup_village`; it is idempotent
and keyed by the page, so renaming a village renames its groups instead of adding new ones.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

CLERK_PAGE_PERMS = ("add_page", "change_page")
COMMITTEE_PAGE_PERMS = ("add_page", "change_page", "publish_page")
DOCUMENT_PERMS = ("add_document", "change_document", "choose_document")
ATTACHMENTS_ROOT = "四务公开附件"


def names_for(title):
    """The names of a village's groups, task and workflow, from its title."""
    return {
        "clerks": f"{title}·公开经办人",
        "committee": f"{title}·村务监督委员会",
        "task": f"{title}监督委员会审核",
        "workflow": f"{title}四务公开审核",
    }


def clerk_group_name(village):
    return names_for(village.title)["clerks"]


def reviewer_group_name(village):
    return names_for(village.title)["committee"]


def _title_for(village, record):
    """The village title, with its township in front when another village has the same name."""
    taken = Group.objects.filter(name=names_for(village.title)["clerks"])
    if record is not None:
        taken = taken.exclude(pk=record.clerks_id)
    if not taken.exists():
        return village.title
    township = village.get_parent()
    return f"{township.title}{village.title}" if township else f"{village.title}{village.pk}"


def _page_perms(group, page, codenames):
    page_type = ContentType.objects.get_for_model(Page)
    for codename in codenames:
        permission = Permission.objects.get(content_type=page_type, codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _collection(title, record):
    if record is not None and record.collection is not None:
        if record.collection.name != title:
            record.collection.name = title
            record.collection.save(update_fields=["name"])
        return record.collection
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=ATTACHMENTS_ROOT).first()
    if parent is None:
        parent = root.add_child(name=ATTACHMENTS_ROOT)
    mine = parent.get_children().filter(name=title).first()
    return mine or parent.add_child(name=title)


def _named(model, name, current, free):
    """The record's object renamed, or an unclaimed one of that name, or a new one."""
    obj = current or free.filter(name=name).first() or model.objects.create(name=name)
    if obj.name != name:
        obj.name = name
        obj.save(update_fields=["name"])
    return obj


def _grant(clerks, committee, village, collection):
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    _page_perms(clerks, village, CLERK_PAGE_PERMS)
    _page_perms(committee, village, COMMITTEE_PAGE_PERMS)
    document_type = ContentType.objects.get_for_model(get_document_model())
    for group in (clerks, committee):
        group.permissions.add(admin_access)
        for codename in DOCUMENT_PERMS:
            permission = Permission.objects.get(content_type=document_type, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


@transaction.atomic
def ensure_accountability(village):
    """Create or complete the village's groups, permissions and workflow; idempotent."""
    from .models import VillageAccountability

    record = VillageAccountability.objects.filter(village=village).first()
    names = names_for(_title_for(village, record))
    claimed = VillageAccountability.objects.all()
    free_groups = Group.objects.exclude(clerk_of__in=claimed).exclude(committee_of__in=claimed)
    clerks = _named(Group, names["clerks"], record and record.clerks, free_groups)
    committee = _named(Group, names["committee"], record and record.committee, free_groups)
    task = _named(
        GroupApprovalTask,
        names["task"],
        record and record.task,
        GroupApprovalTask.objects.filter(village_accountability__isnull=True),
    )
    task.groups.set([committee])
    workflow = _named(
        Workflow,
        names["workflow"],
        record and record.workflow,
        Workflow.objects.filter(village_accountability__isnull=True),
    )
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=village, defaults={"workflow": workflow})
    collection = _collection(names["clerks"].split("·")[0], record)
    _grant(clerks, committee, village, collection)
    fields = {
        "clerks": clerks,
        "committee": committee,
        "task": task,
        "workflow": workflow,
        "collection": collection,
    }
    record, _ = VillageAccountability.objects.update_or_create(village=village, defaults=fields)
    return record


def accountability_of(page):
    """The accountability record of the village a page is (or is under), or None."""
    from .models import VillageAccountability, VillagePage

    if page is None or page.pk is None:
        return None
    villages = VillagePage.objects.ancestor_of(page, inclusive=True)
    return VillageAccountability.objects.filter(village__in=villages).first()


def person_name(user):
    """How a committee member is named in a sign-off: 姓 + 名, else the username."""
    name = f"{user.last_name}{user.first_name}".strip()
    return name or user.get_username()


def workflow_approval(page, revision):
    """(approver names, approval date) when ``revision`` is published by the village's
    committee workflow finishing now; None otherwise."""
    record = accountability_of(page)
    if record is None or revision is None or revision.pk is None:
        return None
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(
            status=WorkflowState.STATUS_APPROVED,
            workflow_id=record.workflow_id,
            current_task_state__revision_id=revision.pk,
        )
        .order_by("-created_at")
        .first()
    )
    if state is None:
        return None
    approvals = TaskState.objects.filter(
        workflow_state=state,
        status=TaskState.STATUS_APPROVED,
        finished_by__isnull=False,
        task_id=record.task_id,
    ).select_related("finished_by")
    approvals = list(approvals.order_by("finished_at"))
    if not approvals:
        return None
    names = list(dict.fromkeys(person_name(a.finished_by) for a in approvals))
    return names, approvals[-1].finished_at


def is_committee_member(user, page):
    record = accountability_of(page)
    if record is None or user is None or not user.is_authenticated:
        return False
    return user.groups.filter(pk=record.committee_id).exists()


def sign_with(draft, names, day):
    """Put the approving members first in the draft's sign-off and date it; True if changed."""
    typed = [n.strip() for n in draft.reviewers.replace(",", "、").split("、") if n.strip()]
    merged = "、".join(dict.fromkeys(names + typed))[:200]
    changed = merged != draft.reviewers or draft.review_date != day
    draft.reviewers = merged
    draft.review_date = day
    return changed


def committee_sign_off(page, revision, user, draft):
    """Sign ``draft`` with the committee members who approved it (through the village's
    workflow, or a member publishing it); True if the sign-off changed."""
    from django.utils import timezone

    approval = workflow_approval(page, revision)
    if approval:
        names, when = approval
        return sign_with(draft, names, timezone.localdate(when))
    if is_committee_member(user, page):
        return sign_with(draft, [person_name(user)], draft.review_date or timezone.localdate())
    return False


def needs_setup(village):
    """No record yet, or the village was renamed since its groups were named."""
    from .models import VillageAccountability

    record = VillageAccountability.objects.filter(village=village).first()
    if record is None or None in (
        record.clerks,
        record.committee,
        record.task,
        record.workflow,
        record.collection,
    ):
        return True
    return record.clerks.name != names_for(_title_for(village, record))["clerks"]
