"""发布前检查 for one page: its findings now, and the reviewer's override with a reason."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.models import Page

from .gate import page_findings, record_overrides
from .models import Override


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label="放行理由",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="说明为何这些问题可以放行（例如：引用的是原文件标题）。将与您的姓名一并记录。",
        error_messages={"required": "请填写放行理由。"},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < 4:
            raise forms.ValidationError("放行理由至少写 4 个字。")
        return reason


def can_override(page, user):
    return page.permissions_for_user(user).can_publish()


def page_check(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    findings = page_findings(draft)
    blocking = [f for f in findings if f.blocking]
    reviewer = can_override(page, request.user)
    form = OverrideForm(request.POST or None)
    if request.method == "POST":
        if not reviewer:
            raise PermissionDenied
        if blocking and form.is_valid():
            record_overrides(page, blocking, request.user, form.cleaned_data["reason"])
            messages.success(request, f"已记录放行理由，放行 {len(blocking)} 个问题。")
            return redirect("quality_page_check", page_id=page.pk)
    context = {
        "page": page,
        "findings": findings,
        "blocking": blocking,
        "reviewer": reviewer,
        "form": form,
        "overrides": Override.objects.filter(page=page).select_related("user"),
    }
    return TemplateResponse(request, "quality/page_check.html", context)
