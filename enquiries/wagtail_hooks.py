"""Admin: one queue per kind (filters, search, xlsx export), the dashboard panel, the letter."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import rules
from .admin_forms import EnquiryAdminForm
from .admin_views import DueItemsPanel, reply_letter
from .models import Enquiry
from .panels import ClockPanel, HistoryPanel, SignOffPanel

ASKER = [
    "asker_type", "asker_name", "contact_person", "id_type", "id_number", "phone", "email",
    "address", "postcode", "preferred_form", "delivery",
]  # fmt: skip


def _read_only(names):
    return [FieldPanel(name, read_only=True) for name in names]


def enquiry_panels(kind):
    asked = ["title", "body"] + (["subject_label"] if kind == rules.QUESTION else [])
    asker = ASKER if kind == rules.REQUEST else ["asker_name", "phone", "email", "show_name"]
    panels = [
        ClockPanel(heading="期限"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("received_on"), FieldPanel("department")]
            + ([FieldPanel("village")] if kind == rules.QUESTION else []),
            heading="受理",
        ),
        MultiFieldPanel(_read_only(asked), heading="提交的内容（不可修改）"),
        MultiFieldPanel(_read_only(asker), heading="提交人（仅供办理，不公开）"),
        InlinePanel("pauses", heading="计时暂停", label="计时暂停"),
    ]
    if kind == rules.REQUEST:
        panels.append(InlinePanel("extensions", heading="延期答复", label="延期", max_num=1))
    reply = [
        FieldRowPanel([FieldPanel("outcome"), FieldPanel("ground")]),
        FieldPanel("reply"),
        FieldPanel("legal_basis"),
        FieldPanel("reply_link"),
        FieldRowPanel([FieldPanel("replied_on"), FieldPanel("answered_by")]),
    ]
    if kind == rules.QUESTION:
        reply.append(SignOffPanel(heading="村务监督委员会审核（由批准的成员账号记录）"))
    panels.append(MultiFieldPanel(reply, heading="答复"))
    if kind != rules.REQUEST:
        panels.append(
            MultiFieldPanel(
                _read_only(["allow_public"]) + [FieldPanel("moderation")], heading="公开展示"
            )
        )
    panels.append(HistoryPanel(heading="办理记录"))
    return panels


class QueueViewSet(ModelViewSet):
    """The queue of one kind; staff answer here and never add items themselves."""

    model = Enquiry
    kind = rules.REQUEST
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    search_backend_name = None
    search_fields = ["title", "body", "tracking_number", "asker_name", "subject_label"]
    list_display = ["title", "display_tracking_number", "status", "due_on", "clock_label"]
    list_export = [
        "tracking_number", "title", "status", "received_on", "due_on", "department",
        "village", "outcome", "replied_on",
    ]  # fmt: skip
    export_headings = {
        "tracking_number": "查询码",
        "department": "受理部门",
        "village": "村（社区）",
    }
    ordering = ["due_on", "-created_at"]

    @property
    def edit_handler(self):
        return ObjectList(enquiry_panels(self.kind), base_form_class=EnquiryAdminForm)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Enquiry.objects.filter(kind=self.kind).select_related("department", "village"),
            **kwargs,
        )

    @property
    def export_filename(self):
        return f"enquiries-{self.kind}"


class RequestQueue(QueueViewSet):
    kind = rules.REQUEST
    name = "enquiries_request"
    menu_label = "政府信息公开申请"
    icon = "doc-full"
    list_filter = ["status", "department", "asker_type", "outcome"]


class QuestionQueue(QueueViewSet):
    kind = rules.QUESTION
    name = "enquiries_question"
    menu_label = "村务质询"
    icon = "help"
    list_filter = ["status", "village", "moderation"]


class MessageQueue(QueueViewSet):
    kind = rules.MESSAGE
    name = "enquiries_message"
    menu_label = "咨询留言"
    icon = "mail"
    list_filter = ["status", "department", "moderation"]


class EnquiryGroup(ViewSetGroup):
    menu_label = "依申请公开与留言"
    menu_icon = "mail"
    menu_order = 250
    items = (RequestQueue, QuestionQueue, MessageQueue)


@hooks.register("register_admin_viewset")
def register_queues():
    return EnquiryGroup()


@hooks.register("construct_homepage_panels")
def add_due_panel(request, panels):
    if request.user.has_perm("enquiries.change_enquiry"):
        panels.append(DueItemsPanel())


@hooks.register("register_admin_urls")
def register_letter_url():
    return [path("enquiries/letter/<int:pk>/", reply_letter, name="enquiries_letter")]


@hooks.register("register_admin_urls")
def register_village_desk_urls():
    from .village_views import urls

    return urls()


@hooks.register("register_admin_menu_item")
def register_village_desk_menu_item():
    from .village_views import menu_item

    return menu_item()


@hooks.register("construct_homepage_panels")
def add_village_questions_panel(request, panels):
    from .village_desk import has_desk
    from .village_views import VillageQuestionsPanel

    if has_desk(request.user):
        panels.append(VillageQuestionsPanel(request.user))
