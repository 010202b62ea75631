"""Admin pages of the village desk (本村村务质询): list, answer, approve, send back; the menu
item and the dashboard panel, shown only to a village's clerks and committee members."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import clock, village_desk
from .village_desk import DeskError

ACTIONS = {
    "submit": lambda q, u, post: village_desk.submit_draft(q, u, post.get("reply")),
    "approve": lambda q, u, post: village_desk.approve(
        q, u, post.get("comment"), show=post.get("show") == "1"
    ),
    "send_back": lambda q, u, post: village_desk.send_back(q, u, post.get("opinion")),
}
DONE = {
    "submit": "答复稿已提交本村村务监督委员会审核。",
    "approve": "已记录您的批准。",
    "send_back": "答复稿已退回经办人修改。",
}


def _refuse(request, text):
    messages.error(request, text)
    return redirect("enquiries_village_desk")


def desk_index(request):
    if not village_desk.has_desk(request.user):
        return _refuse_home(request)
    today = timezone.localdate()
    items = list(
        village_desk.questions_for(request.user)
        .select_related("village")
        .order_by("status", "due_on", "pk")
    )
    open_items = [q for q in items if q.status in village_desk.OPEN]
    done = [q for q in items if q.status not in village_desk.OPEN]
    for q in items:
        q.clock_text = clock.STATE_LABELS[q.clock_state(today)]
    return render(
        request,
        "enquiries/admin/village_desk.html",
        {"open_items": open_items, "done": done[:50], "today": today},
    )


def _refuse_home(request):
    messages.error(request, "只有村（社区）的公开经办人和村务监督委员会成员可以使用本村村务质询。")
    return redirect("wagtailadmin_home")


def desk_question(request, pk):
    try:
        question = village_desk.question_for(request.user, pk)
    except DeskError as refusal:
        return _refuse(request, str(refusal))
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("action"))
        if action is None:
            messages.error(request, "未知的操作，请重新选择。")
            return redirect("enquiries_village_question", pk)
        try:
            finished = action(question, request.user, request.POST)
        except DeskError as refusal:
            messages.error(request, str(refusal))
            return redirect("enquiries_village_question", pk)
        messages.success(request, DONE[request.POST["action"]])
        if finished is True:
            messages.success(
                request, "批准人数已达到本村规定，答复已发送并公开（经审核同意公开的）。"
            )
        return redirect("enquiries_village_question", pk)
    return render(request, "enquiries/admin/village_question.html", _context(request, question))


def _context(request, question):
    roles = village_desk.roles(request.user, question)
    return {
        "q": question,
        "roles": roles,
        "approvals": village_desk.current_approvals(question),
        "required": village_desk.approvals_required(question.village),
        "refusal": village_desk.approval_refusal(request.user, question),
        "open": question.status in village_desk.OPEN,
        "events": question.events.all(),
        "clock_text": clock.STATE_LABELS[question.clock_state()],
    }


def urls():
    return [
        path("village-questions/", desk_index, name="enquiries_village_desk"),
        path("village-questions/<int:pk>/", desk_question, name="enquiries_village_question"),
    ]


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return village_desk.has_desk(request.user)


def menu_item():
    return DeskMenuItem(
        "本村村务质询", reverse("enquiries_village_desk"), icon_name="help", order=240
    )


class VillageQuestionsPanel(Component):
    """The dashboard list of the user's villages' open questions, most urgent first."""

    name = "enquiries_village_questions"
    template_name = "enquiries/admin/village_desk_panel.html"
    order = 85

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        items = list(
            village_desk.questions_for(self.user)
            .filter(status__in=village_desk.OPEN)
            .select_related("village")
            .order_by("due_on", "pk")[:30]
        )
        for q in items:
            q.clock_text = clock.STATE_LABELS[q.clock_state(today)]
        return {"items": items, "today": today}
