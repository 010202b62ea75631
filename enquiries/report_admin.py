"""Admin: one button generates the year's annual report draft from the data (no shell)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.auth import permission_required

from importing.pages import home_page

from .models import AnnualReportPage
from .report_build import ReportDataError, build_report


class GenerateForm(forms.Form):
    year = forms.IntegerField(
        label="报告年度",
        min_value=2008,
        max_value=2100,
        error_messages={
            "required": "请填写报告年度",
            "invalid": "报告年度应为数字，如 2026",
            "min_value": "报告年度不能早于 2008 年",
            "max_value": "报告年度不能晚于 2100 年",
        },
    )
    organ = forms.CharField(
        label="报告机关",
        max_length=100,
        help_text="如：亭湖区人民政府",
        error_messages={"required": "请填写报告机关名称"},
    )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError("不能生成尚未开始的年度的报告")
        return year


@permission_required("enquiries.add_annualreportpage")
def generate_report(request):
    """GET: the form and the existing reports; POST: build the draft and open it for editing."""
    today = timezone.localdate()
    latest = AnnualReportPage.objects.order_by("-year").first()
    initial = {"year": today.year - 1 if today.month <= 3 else today.year}
    initial["organ"] = latest.organ if latest else ""
    form = GenerateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        year, organ = form.cleaned_data["year"], form.cleaned_data["organ"]
        try:
            page, created = build_report(year, organ, home_page())
        except ReportDataError as error:
            for problem in error.problems:
                form.add_error(None, problem)
            form.add_error(None, "数据不一致，未生成年度报告：请先在申请队列中更正以上事项。")
        else:
            messages.success(
                request,
                f"已{'生成' if created else '更新'}《{page.title}》草稿："
                "请核对表格、补充文字后发布。",
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    reports = AnnualReportPage.objects.order_by("-year")
    return render(
        request,
        "enquiries/admin/generate_report.html",
        {"form": form, "reports": reports, "public_list": reverse("enquiries:report_list")},
    )
