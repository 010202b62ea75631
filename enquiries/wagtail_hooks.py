"""Admin: one queue per kind (filters, search, xlsx export), the dashboard panel, the letter."""

from django.db.models import Case, F, IntegerField, Value, When
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import clock, rules
from .admin_forms import EnquiryAdminForm
from .admin_views import DueItemsPanel, letter, make_proactive, reply_letter
from .models import Enquiry, Status
from .page_extras import SLOTS as PAGE_EXTRAS
from .panels import ClockPanel, HistoryPanel, ReadOnlyPanel, SignOffPanel
from .report_admin import generate_report

ASKER = [
    "asker_type", "asker_name", "contact_person", "id_type", "id_number", "phone", "email",
    "address", "postcode", "preferred_form", "delivery",
]  # fmt: skip


def _read_only(names):
    return [ReadOnlyPanel(names)]


def by_urgency(queryset, today=None):
    """Overdue first, then due soon, then new (not yet accepted), then the rest; done last."""
    today = today or timezone.localdate()
    soon = clock.default_calendar().add_working_days(today, 3)
    urgency = Case(
        When(status__in=[Status.ANSWERED, Status.CLOSED], then=Value(4)),
        When(due_on__lt=today, then=Value(0)),
        When(due_on__lte=soon, then=Value(1)),
        When(status=Status.RECEIVED, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return queryset.annotate(urgency=urgency).order_by(
        "urgency", F("due_on").asc(nulls_last=True), "-created_at"
    )


class QueueIndexView(IndexView):
    """The queue, most urgent first unless the officer sorts by a column."""

    def order_queryset(self, queryset):
        if self.request.GET.get("ordering"):
            return super().order_queryset(queryset)
        return by_urgency(queryset)


def enquiry_panels(kind):
    asked = ["title", "body"] + (["subject_label"] if kind == rules.QUESTION else [])
    asker = ASKER if kind == rules.REQUEST else ["asker_name", "phone", "email", "show_name"]
    panels = [
        ClockPanel(heading="期限"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("received_on"), FieldPanel("received_reason")]),
                FieldPanel("department"),
            ]
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
        FieldPanel("reply_document"),
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
    index_view_class = QueueIndexView
    list_display = [
        "title",
        Column("display_tracking_number", label="查询码"),
        "status",
        "due_on",
        Column("clock_label", label="期限状态"),
    ]
    list_export = [
        "tracking_number", "title", "status", "received_on", "due_on", "department",
        "village", "outcome", "replied_on",
    ]  # fmt: skip
    export_headings = {
        "tracking_number": "查询码",
        "department": "受理部门",
        "village": "村（社区）",
    }

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
    return [
        path("enquiries/letter/<int:pk>/", reply_letter, name="enquiries_letter"),
        path("enquiries/letter/<int:pk>/<slug:code>/", letter, name="enquiries_letter_kind"),
        path("enquiries/proactive/<int:pk>/", make_proactive, name="enquiries_proactive"),
        path("enquiries/annual-report/", generate_report, name="enquiries_annual_report"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("enquiries.add_annualreportpage")


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        "政府信息公开年度报告",
        reverse("enquiries_annual_report"),
        icon_name="table",
        order=251,
    )


@hooks.register("construct_help_menu")
def drop_english_guides(request, menu_items):
    """Wagtail's editor guide and release notes exist only in English: staff get no such links."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new")
    ]


# The 受理机关 list, kept in its own module.
from .addressee_admin import register_addressees  # noqa: E402

register_addressees()


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


@hooks.register("register_page_extras")
def question_page_extras():
    """Villagers' questions at the end of disclosure, village and township pages."""
    return PAGE_EXTRAS
