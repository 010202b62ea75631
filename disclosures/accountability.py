"""Per-village accountability, set up by the site.

Every village gets a clerk group (公开经办人: drafts and submits, never publishes), a
村务监督委员会 group (approves and publishes), an attachments folder and a workflow on the
village page whose only task is approved by that committee. `ensure_accountability` runs when a
village is created or renamed (signal) and from `disclosures_setup_village`; it is idempotent
and keyed by the page, so renaming a village renames its groups instead of adding new ones.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)


def _model(name):
    """A model of this app by name: the models call these helpers (on save, in permission
    checks), so the helpers look the models up in the app registry instead of importing the
    models package back."""
    return apps.get_model("disclosures", name)


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


def committee_task(task):
    """The village's task as a CommitteeApprovalTask (a plain group approval task of an
    older set-up is turned into one, keeping its id, name and history)."""
    CommitteeApprovalTask = _model("CommitteeApprovalTask")  # noqa: N806

    if task is None:
        return None
    found = CommitteeApprovalTask.objects.filter(pk=task.pk).first()
    if found is not None:
        return found
    content_type = ContentType.objects.get_for_model(CommitteeApprovalTask)
    child = CommitteeApprovalTask(
        groupapprovaltask_ptr_id=task.pk, task_ptr_id=task.pk, name=task.name, active=task.active
    )
    child.save_base(raw=True)
    Task.objects.filter(pk=task.pk).update(content_type=content_type)
    return CommitteeApprovalTask.objects.get(pk=task.pk)


@transaction.atomic
def ensure_accountability(village):
    """Create or complete the village's groups, permissions and workflow; idempotent."""
    CommitteeApprovalTask = _model("CommitteeApprovalTask")  # noqa: N806
    VillageAccountability = _model("VillageAccountability")  # noqa: N806

    record = VillageAccountability.objects.filter(village=village).first()
    names = names_for(_title_for(village, record))
    claimed = VillageAccountability.objects.all()
    free_groups = Group.objects.exclude(clerk_of__in=claimed).exclude(committee_of__in=claimed)
    clerks = _named(Group, names["clerks"], record and record.clerks, free_groups)
    committee = _named(Group, names["committee"], record and record.committee, free_groups)
    task = _named(
        CommitteeApprovalTask,
        names["task"],
        committee_task(record and record.task),
        CommitteeApprovalTask.objects.filter(village_accountability__isnull=True),
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
    VillageAccountability = _model("VillageAccountability")  # noqa: N806
    VillagePage = _model("VillagePage")  # noqa: N806

    if page is None or page.pk is None:
        return None
    villages = VillagePage.objects.ancestor_of(page, inclusive=True)
    return VillageAccountability.objects.filter(village__in=villages).first()


def person_name(user):
    """How a committee member is named in a sign-off: 姓 + 名, else the username."""
    name = f"{user.last_name}{user.first_name}".strip()
    return name or user.get_username()


def is_committee_member(user, page):
    record = accountability_of(page)
    if record is None or user is None or not user.is_authenticated:
        return False
    return user.groups.filter(pk=record.committee_id).exists()


def approval_refusal(page, user):
    """Why ``user`` may not approve the version of ``page`` under review; None if they may."""
    SignOffApproval = _model("SignOffApproval")  # noqa: N806

    if not is_committee_member(user, page):
        return "只有本村村务监督委员会成员可以批准。"
    revision = page.get_latest_revision()
    if revision is None:
        return "没有待审核的内容。"
    state = page.current_workflow_state
    if revision.user_id == user.pk or (state and state.requested_by_id == user.pk):
        return (
            "这一版由您起草、修改或提交，须由村务监督委员会其他成员批准，不能批准自己起草的内容。"
        )
    if SignOffApproval.objects.filter(revision=revision, user=user).exists():
        return "您已批准过这一版，须由其他成员批准。"
    return None


def record_approval(task_state, user, comment=""):
    """Record a member's approval of the version under review; True when the village's rule
    (how many members) is met and the task may finish. A refused approval records nothing
    (the editor tells the member why: ``wagtail_hooks.explain_why_no_approve``); this is the
    route of a member who edits and approves in one save."""
    SignOffApproval = _model("SignOffApproval")  # noqa: N806

    page = task_state.workflow_state.content_object
    if approval_refusal(page, user):
        return False
    revision = page.get_latest_revision()
    SignOffApproval.objects.create(
        page_id=page.pk,
        revision=revision,
        user=user,
        account=user.get_username(),
        name=person_name(user),
        comment=(comment or "").strip()[:1000],
    )
    approvers = SignOffApproval.objects.filter(revision=revision).values("user").distinct()
    return approvers.count() >= accountability_of(page).approvals_required


def committee_sign_off(page, revision, user, draft):
    """Write the sign-off of ``draft`` from the approvals the workflow recorded for
    ``revision`` (accounts, names, times; nothing typed). True if the draft changed.

    Publishing without them is refused for everyone but superusers and the system (import,
    scheduled publishing), who keep a sign-off recorded before the workflow existed."""
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    SignOffApproval = _model("SignOffApproval")  # noqa: N806

    rows = []
    if revision is not None and revision.pk is not None:
        rows = list(SignOffApproval.objects.filter(page_id=page.pk, revision_id=revision.pk))
    if rows:
        draft.approvals = [row.as_dict() for row in rows]
        draft.reviewers = "、".join(dict.fromkeys(row.name for row in rows))[:200]
        draft.review_date = timezone.localdate(rows[-1].approved_at)
        draft.review_opinion = "；".join(row.comment for row in rows if row.comment)
        return True
    record = accountability_of(page)
    if record is not None and user is not None and not user.is_superuser:
        raise ValidationError(
            [f"须经本村村务监督委员会 {record.approvals_required} 名成员在审核流程中批准后才能发布"]
        )
    if draft.approvals:
        # An earlier publication's approvals do not sign a version nobody approved.
        draft.approvals, draft.reviewers, draft.review_date = [], "", None
        return True
    return False


def needs_setup(village):
    """No record yet, or the village was renamed since its groups were named."""
    VillageAccountability = _model("VillageAccountability")  # noqa: N806

    record = VillageAccountability.objects.filter(village=village).first()
    if record is None or None in (
        record.clerks,
        record.committee,
        record.task,
        record.workflow,
        record.collection,
    ):
        return True
    if not hasattr(record.task, "committeeapprovaltask"):
        return True
    return record.clerks.name != names_for(_title_for(village, record))["clerks"]
