"""Admin queues for objections and comments, the dashboard panel, the home and village
sections."""

from django.template.loader import render_to_string
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import WaitingPanel, editable_pages
from .models import Comment, ConsultationPage, NoticePage, Objection

HOME_COUNT = 5


def _read_only(names):
    return [FieldPanel(name, read_only=True) for name in names]


class ObjectionQueue(ModelViewSet):
    model = Objection
    name = "notices_objection"
    menu_label = "公示异议"
    icon = "warning"
    add_to_admin_menu = False
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False
    search_backend_name = None
    search_fields = ["number", "content", "notice__title"]
    list_display = [
        "number", "notice", "received_on", "due_on", Column("status_label", label="办理状态"),
    ]  # fmt: skip
    list_filter = ["received_on"]
    ordering = ["due_on", "-pk"]
    panels = [
        MultiFieldPanel(
            _read_only(["notice", "number", "received_on", "due_on", "content"]),
            heading="提出的异议（不可修改）",
        ),
        MultiFieldPanel(_read_only(["name", "phone"]), heading="提出人（不公开；姓名为空即匿名）"),
        MultiFieldPanel(
            [
                FieldPanel("reply"),
                FieldRowPanel([FieldPanel("replied_by"), FieldPanel("replied_on")]),
            ],
            heading="答复（由发布公示的单位作出）",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("reviewed_by"), FieldPanel("reviewed_on")])],
            heading="村务监督委员会审核（村级公示）",
        ),
        FieldPanel("public"),
    ]

    def get_queryset(self, request):
        notices = editable_pages(request.user, NoticePage)
        return Objection.objects.filter(notice__in=notices).select_related("notice")


class CommentQueue(ModelViewSet):
    model = Comment
    name = "notices_comment"
    menu_label = "征集意见审核"
    icon = "comment"
    add_to_admin_menu = False
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False
    search_backend_name = None
    search_fields = ["content", "consultation__title"]
    list_display = ["consultation", Column("article_label", label="针对条款"), "created", "status"]
    list_filter = ["status"]
    panels = [
        MultiFieldPanel(
            _read_only(["consultation", "article_no", "content", "name", "phone"]),
            heading="提交的意见（不可修改，个人信息不公开）",
        ),
        FieldPanel("status"),
    ]

    def get_queryset(self, request):
        pages = editable_pages(request.user, ConsultationPage)
        return Comment.objects.filter(consultation__in=pages).select_related("consultation")


class NoticesGroup(ViewSetGroup):
    menu_label = "公示与意见征集"
    menu_icon = "list-ul"
    menu_order = 260
    items = (ObjectionQueue, CommentQueue)


@hooks.register("register_admin_viewset")
def register_queues():
    return NoticesGroup()


@hooks.register("construct_homepage_panels")
def add_waiting_panel(request, panels):
    panels.append(WaitingPanel(request.user))


def open_notices(parent=None):
    today = timezone.localdate()
    pages = (
        NoticePage.objects.live().public().filter(window_start__lte=today, window_end__gte=today)
    )
    if parent is not None:
        pages = pages.child_of(parent)
    return [(p, p.state(today)) for p in pages.order_by("window_end", "pk")]


@hooks.register("register_home_sections")
def home_open_notices(home):
    today = timezone.localdate()
    consultations = ConsultationPage.objects.live().public()
    consultations = consultations.filter(window_start__lte=today, window_end__gte=today)
    from .models import ConsultationIndexPage, NoticeIndexPage

    return {
        "notice_index": NoticeIndexPage.objects.live().public().first(),
        "consultation_index": ConsultationIndexPage.objects.live().public().first(),
        "open_notices": open_notices()[:HOME_COUNT],
        "open_consultations": [(c, c.state(today)) for c in consultations.order_by("window_end")],
    }


@hooks.register("gongkai_village_sections")
def village_open_notices(village, request=None):
    notices = open_notices(village)
    if not notices:
        return ""
    return render_to_string("notices/includes/village_notices.html", {"notices": notices})
