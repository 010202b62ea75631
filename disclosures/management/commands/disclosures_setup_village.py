"""Create a village's clerk and reviewer groups, their page permissions and review workflow."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.documents import get_document_model
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

from disclosures.models import VillagePage

CLERK_PAGE_PERMS = ("add_page", "change_page")
REVIEWER_PAGE_PERMS = ("add_page", "change_page", "publish_page")
DOCUMENT_PERMS = ("add_document", "change_document", "choose_document")


def clerk_group_name(village):
    return f"{village.title}·公开经办人"


def reviewer_group_name(village):
    return f"{village.title}·村务监督委员会"


class Command(BaseCommand):
    help = "为一个村（社区）建立经办人和监督委员会用户组、页面权限、附件文件夹和审核流程"

    def add_arguments(self, parser):
        parser.add_argument("village", help="村（社区）页面 ID 或名称")
        parser.add_argument("--clerk", action="append", default=[], help="加入经办人组的用户名")
        parser.add_argument(
            "--reviewer", action="append", default=[], help="加入监督委员会组的用户名"
        )

    def handle(self, *args, **options):
        village = self.find_village(options["village"])
        users = self.find_users(options["clerk"] + options["reviewer"])
        with transaction.atomic():
            clerks, reviewers = setup_village(village)
            for name in options["clerk"]:
                users[name].groups.add(clerks)
            for name in options["reviewer"]:
                users[name].groups.add(reviewers)
        self.stdout.write(
            self.style.SUCCESS(f"已为{village.title}设置用户组“{clerks.name}”和“{reviewers.name}”")
        )

    def find_village(self, key):
        pages = VillagePage.objects.all()
        found = pages.filter(pk=int(key)) if key.isdigit() else pages.filter(title=key)
        if found.count() != 1:
            raise CommandError(f"找不到唯一的村（社区）：{key}（共找到 {found.count()} 个）")
        return found.get()

    def find_users(self, names):
        user_model = get_user_model()
        users = {u.get_username(): u for u in user_model.objects.filter(username__in=names)}
        missing = sorted(set(names) - set(users))
        if missing:
            raise CommandError(f"用户不存在：{'、'.join(missing)}")
        return users


def _page_perms(group, page, codenames):
    page_type = ContentType.objects.get_for_model(Page)
    for codename in codenames:
        permission = Permission.objects.get(content_type=page_type, codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _collection(village):
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name="四务公开附件").first()
    if parent is None:
        parent = root.add_child(name="四务公开附件")
    mine = parent.get_children().filter(name=village.title).first()
    return mine or parent.add_child(name=village.title)


def setup_village(village):
    """Idempotently create the two groups with permissions limited to this village."""
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    clerks, _ = Group.objects.get_or_create(name=clerk_group_name(village))
    reviewers, _ = Group.objects.get_or_create(name=reviewer_group_name(village))
    _page_perms(clerks, village, CLERK_PAGE_PERMS)
    _page_perms(reviewers, village, REVIEWER_PAGE_PERMS)
    collection = _collection(village)
    document_type = ContentType.objects.get_for_model(get_document_model())
    for group in (clerks, reviewers):
        group.permissions.add(admin_access)
        for codename in DOCUMENT_PERMS:
            permission = Permission.objects.get(content_type=document_type, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
    task, _ = GroupApprovalTask.objects.get_or_create(name=f"{village.title}监督委员会审核")
    task.groups.set([reviewers])
    workflow, _ = Workflow.objects.get_or_create(name=f"{village.title}四务公开审核")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=village, defaults={"workflow": workflow})
    return clerks, reviewers
