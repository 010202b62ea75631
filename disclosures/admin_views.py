"""Admin view: replace a disclosure's finance lines from an .xlsx or CSV file (saved as a draft)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .finance import SUMMARY_FIELDS
from .models import DisclosurePage, FinanceLine
from .xlsx_import import parse_finance_upload

MAX_BYTES = 1024 * 1024


class FinanceCsvForm(forms.Form):
    file = forms.FileField(
        label="Excel 或 CSV 文件",
        help_text="按模板填写的 Excel 工作簿（.xlsx），或 UTF-8 / GBK 编码的 CSV，最大 1 MB",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("文件超过 1 MB")
        return upload


def import_finance_csv(request, page_id):
    page = get_object_or_404(DisclosurePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    errors = []
    form = FinanceCsvForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        parsed = parse_finance_upload(
            form.cleaned_data["file"].read(),
            period_start=draft.period_start if draft.is_regular else None,
            period_end=draft.period_end if draft.is_regular else None,
        )
        errors = [str(error) for error in parsed.errors]
        missing = [f for f in SUMMARY_FIELDS if f not in parsed.summary]
        if not errors and missing:
            errors = ["缺少汇总行，须有：期初余额、收入合计、支出合计、期末余额"]
        if not errors:
            save_lines(draft, parsed, request.user)
            messages.success(request, f"已导入 {len(parsed.lines)} 笔收支，保存为草稿。")
            return redirect("wagtailadmin_pages:edit", page.pk)
    context = {
        "page": page,
        "form": form,
        "errors": errors,
        "template_url": reverse("disclosures:finance_template"),
        "xlsx_template_url": reverse("disclosures:xlsx_template", args=["finance"]),
    }
    return TemplateResponse(request, "disclosures/admin/import_finance_csv.html", context)


def save_lines(draft, parsed, user):
    """Put the parsed table on the latest draft and save a new revision (not published)."""
    for name in SUMMARY_FIELDS:
        setattr(draft, name, parsed.summary[name])
    draft.finance_lines = [
        FinanceLine(
            direction=line.direction,
            date=line.date,
            item=line.item,
            amount=line.amount,
            voucher=line.voucher,
            counterparty=line.counterparty,
        )
        for line in parsed.lines
    ]
    return draft.save_revision(user=user, log_action=True)
