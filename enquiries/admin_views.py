"""Admin views: the printable letters, the Art. 44 action and the dashboard panel."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.auth import permission_required
from wagtail.admin.ui.components import Component

from . import clock
from .letters import EXTENSION, LETTERS, REPLY, SUPPLEMENT, letters_for, may_become_proactive
from .models import Enquiry, StatusEvent

DASHBOARD_LIMIT = 15


@permission_required("enquiries.change_enquiry")
def reply_letter(request, pk):
    """政府信息公开申请答复告知书 (or the reply to a question or message), for printing."""
    return letter(request, pk, REPLY)


@permission_required("enquiries.change_enquiry")
def letter(request, pk, code):
    """One printable letter (A4 print style): 受理回执, 补正告知书, 延期告知书 or the reply."""
    enquiry = get_object_or_404(Enquiry, pk=pk)
    if code not in dict(letters_for(enquiry)):
        raise Http404("该事项没有这份告知书")
    context = {"enquiry": enquiry, "letter_label": LETTERS[code], "today": timezone.localdate()}
    if code == SUPPLEMENT:
        context["supplement"] = next(p for p in enquiry.pauses.all() if p.kind == clock.SUPPLEMENT)
    if code == EXTENSION:
        context["extension"] = enquiry.extensions.first()
    return render(request, f"enquiries/admin/letters/{code}.html", context)


class ProactiveForm(forms.Form):
    url = forms.URLField(
        label="主动公开的网址",
        assume_scheme="https",
        max_length=200,
        help_text="该政府信息作为主动公开发布后的页面网址",
        error_messages={"required": "请填写主动公开的网址", "invalid": "请填写有效的网址"},
    )


@permission_required("enquiries.change_enquiry")
def make_proactive(request, pk):
    """Art. 44: information released on request becomes a proactive disclosure (one action)."""
    enquiry = get_object_or_404(Enquiry, pk=pk)
    edit_url = reverse(f"enquiries_{enquiry.kind}:edit", args=[enquiry.pk])
    if not may_become_proactive(enquiry):
        messages.error(request, "只有已答复且予以公开或部分公开的申请，才能纳入主动公开")
        return redirect(edit_url)
    form = ProactiveForm(request.POST or None, initial={"url": enquiry.proactive_url})
    if request.method == "POST" and form.is_valid():
        same = Enquiry.objects.filter(kind=enquiry.kind, title=enquiry.title.strip())
        today = timezone.localdate()
        for item in same.filter(proactive_url=""):
            Enquiry.objects.filter(pk=item.pk).update(
                proactive_url=form.cleaned_data["url"], proactive_on=today
            )
            StatusEvent.objects.create(
                enquiry=item,
                status_from=item.status,
                status_to=item.status,
                note=f"依第四十四条纳入主动公开：{form.cleaned_data['url']}"
                f"（相同内容的申请共 {same.count()} 件）",
                actor=request.user.get_username(),
                notify=False,
            )
        messages.success(request, "已纳入主动公开，并记入办理记录")
        return redirect(edit_url)
    return render(
        request,
        "enquiries/admin/proactive.html",
        {"enquiry": enquiry, "form": form, "edit_url": edit_url, "same": enquiry.same_requests + 1},
    )


class DueItemsPanel(Component):
    """Overdue and due-soon items on the admin home page, most urgent first."""

    name = "enquiries_due"
    template_name = "enquiries/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        items = list(Enquiry.objects.open().order_by("due_on", "pk")[:200])
        overdue = [e for e in items if e.clock_state(today) == clock.OVERDUE]
        soon = [e for e in items if e.clock_state(today) == clock.DUE_SOON]
        paused = sum(1 for e in items if e.due_on is None)
        return {
            "overdue": overdue[:DASHBOARD_LIMIT],
            "overdue_count": len(overdue),
            "soon": soon[:DASHBOARD_LIMIT],
            "soon_count": len(soon),
            "paused": paused,
            "today": today,
        }
