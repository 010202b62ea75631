"""What the 网站自查 (siteidentity) lists for this app: overdue and missing catalogue items, stale
机构 and 负责人 records, 办事指南 lacking required elements, a missing 网站工作年度报表."""

from dataclasses import dataclass

from wagtail.admin.admin_url_finder import AdminURLFinder

from siteidentity.inspection import SERIOUS, WARNING, Finding

from .models import Body, Leader, ServiceItem, WebsiteReport
from .status import catalogue_statuses

# 检查指标: a guide without these is 服务不实用 (a single veto); the rest cost points.
VETO_FIELDS = {"设定依据", "申请条件", "办理材料"}


@dataclass(frozen=True)
class RecordFinding(Finding):
    """A finding about a record edited in the admin (not a page)."""

    record_title: str = ""
    record_edit_url: str = ""

    @property
    def edit_url(self):
        return self.record_edit_url

    @property
    def title(self):
        return self.record_title


def _finding(severity, kind, message, obj, finder, title=None):
    return RecordFinding(
        severity, kind, message,
        record_title=title or str(obj), record_edit_url=finder.get_edit_url(obj) or "",
    )  # fmt: skip


def catalogue_findings(today, finder):
    for status in catalogue_statuses(today):
        if status.overdue:
            yield _finding(SERIOUS, "公开目录逾期", f"“{status.item.name}”{status.message}。",
                           status.item, finder)  # fmt: skip
        elif status.missing:
            yield _finding(WARNING, "公开目录缺项", f"“{status.item.name}”{status.message}。",
                           status.item, finder)  # fmt: skip


def stale_findings(today, finder):
    for body in Body.objects.all():
        if body.is_stale(today):
            yield _finding(WARNING, "机构信息过期",
                           f"机构信息最近核实于{body.last_verified:%Y年%-m月%-d日}，已超过一年。",
                           body, finder)  # fmt: skip
    for leader in Leader.objects.select_related("body"):
        if leader.is_stale(today):
            yield _finding(WARNING, "负责人信息过期",
                           f"{leader.body.name}的{leader}最近核实于"
                           f"{leader.last_verified:%Y年%-m月%-d日}，已超过一年。",
                           leader.body, finder, title=leader.body.name)  # fmt: skip


def service_findings(finder):
    for service in ServiceItem.objects.all():
        missing = service.missing_fields()
        if missing:
            veto = bool(VETO_FIELDS.intersection(missing))
            note = "（服务不实用，单项否决）。" if veto else "。"
            message = f"缺少：{'、'.join(missing)}{note}"
            yield _finding(
                SERIOUS if veto else WARNING, "办事指南要素缺失", message, service, finder
            )


def report_findings(today):
    year = today.year - 1
    if today.month == 1 or WebsiteReport.objects.filter(year=year, published=True).exists():
        return []
    return [
        Finding(
            SERIOUS,
            "网站年度报表",
            f"{year}年度政府网站工作年度报表应于{today.year}年1月31日前在首页公开，尚未发布"
            "（管理后台 → 政务公开基础信息 → 网站工作年度报表）。",
        )  # fmt: skip
    ]


def govinfo_findings(site, today):
    finder = AdminURLFinder()
    yield from catalogue_findings(today, finder)
    yield from stale_findings(today, finder)
    yield from service_findings(finder)
    yield from report_findings(today)
