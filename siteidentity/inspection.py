"""The inspection self-check: what the 检查指标 (国办秘函〔2019〕19号) would fail.

``run_inspection(site, today)`` returns ``Finding``s, most serious first:

- sections (pages declaring ``gov_column_type``, see ``siteidentity.govmeta``) not updated
  within their ``InspectionLimits``, empty sections, sections whose content has no date;
- article pages without a publication date (they count as not updated);
- links in page content to pages or documents that are gone or unpublished, and documents
  whose file is missing from storage;
- whatever other apps report through the ``gongkai_inspection_findings`` hook: each registered
  function takes ``(site, today)`` and returns an iterable of ``Finding``s or dicts with
  ``severity`` (``"serious"`` or ``"warning"``), ``message`` (Chinese), and ``page`` or ``url``.
  Overdue interpretations, overdue village disclosures, unanswered messages and stale 专题
  come in this way.
"""

import json
import re
from dataclasses import dataclass

from django.utils import timezone
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .govmeta import article_facts, as_date
from .models import InspectionLimits, SiteIdentity

HOOK = "gongkai_inspection_findings"
SERIOUS = "serious"
WARNING = "warning"
SEVERITY_LABELS = {SERIOUS: "严重", WARNING: "一般"}
PAGE_LINK = re.compile(r'linktype=\\?"page\\?" id=\\?"(\d+)')
DOCUMENT_LINK = re.compile(r'linktype=\\?"document\\?" id=\\?"(\d+)')


@dataclass(frozen=True)
class Finding:
    severity: str
    kind: str
    message: str
    page: Page | None = None
    url: str = ""

    @property
    def severity_label(self):
        return SEVERITY_LABELS.get(self.severity, self.severity)

    @property
    def location(self):
        if self.url:
            return self.url
        return (self.page.full_url or self.page.url or "") if self.page is not None else ""

    @property
    def edit_url(self):
        return f"/admin/pages/{self.page.pk}/edit/" if self.page is not None else ""

    @property
    def title(self):
        return self.page.title if self.page is not None else ""

    @classmethod
    def coerce(cls, item):
        if isinstance(item, cls):
            return item
        return cls(
            severity=item.get("severity", WARNING),
            kind=item.get("kind", "其他"),
            message=item["message"],
            page=item.get("page"),
            url=item.get("url", ""),
        )


def _cn(day):
    return f"{day.year}年{day.month}月{day.day}日"


def _live_pages(site):
    return list(
        Page.objects.live().public().descendant_of(site.root_page, inclusive=True).specific()
    )


def section_findings(pages, limits, today):
    """Stale, empty and undated sections, and article pages without a publication date."""
    columns = sorted(
        (p for p in pages if getattr(p, "gov_column_type", "")), key=lambda p: -p.depth
    )
    dated, undated, found = {c.pk: [] for c in columns}, {c.pk: 0 for c in columns}, []
    for page in pages:
        facts = article_facts(page)
        if facts is None:
            continue
        day = as_date(facts.get("pub_date"))
        if day is None:
            found.append(
                Finding(WARNING, "缺少发布日期", "页面没有发布日期，检查时视为未更新。", page)
            )
        # a page counts for its own section and every section above it (the home page)
        for column in columns:
            if page.path.startswith(column.path) and page.pk != column.pk:
                if day:
                    dated[column.pk].append(day)
                else:
                    undated[column.pk] += 1
    for column in columns:
        custom = getattr(column, "gov_column_items", None)
        if callable(custom):
            days = [as_date((article_facts(p) or {}).get("pub_date")) for p in custom()]
            dated[column.pk] = [d for d in days if d]
        name = getattr(column, "gov_column_name", "") or column.title
        days = dated[column.pk]
        if not days and not undated[column.pk]:
            found.append(Finding(SERIOUS, "空白栏目", f"栏目“{name}”没有任何内容。", column))
            continue
        if not days:
            found.append(
                Finding(SERIOUS, "栏目不更新", f"栏目“{name}”的内容都没有发布日期。", column)
            )
            continue
        limit = limits.days_for(getattr(column, "gov_freshness", ""))
        latest = max(days)
        age = (today - latest).days
        if age > limit:
            found.append(
                Finding(
                    SERIOUS,
                    "栏目不更新",
                    f"栏目“{name}”已 {age} 天未更新（时限 {limit} 天），"
                    f"最近一次更新在{_cn(latest)}。",
                    column,
                )
            )
    return found


def _content_text(page):
    parts = []
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            raw = list(getattr(page, field.name).raw_data)
            parts.append(json.dumps(raw, ensure_ascii=False, default=str))
        elif isinstance(field, RichTextField):
            parts.append(getattr(page, field.name) or "")
    return "".join(parts)


def link_findings(pages):
    """Links in content to pages that are gone or unpublished, to documents that are gone, and
    documents whose file is missing."""
    live_ids = set(Page.objects.live().values_list("pk", flat=True))
    Document = get_document_model()
    documents = {d.pk: d for d in Document.objects.all()}
    found = []
    for page in pages:
        text = _content_text(page)
        for pk in sorted({int(n) for n in PAGE_LINK.findall(text)} - live_ids):
            found.append(
                Finding(WARNING, "无效链接", f"正文链接到已删除或未发布的页面（编号 {pk}）。", page)
            )
        for pk in sorted({int(n) for n in DOCUMENT_LINK.findall(text)} - set(documents)):
            found.append(
                Finding(WARNING, "附件缺失", f"正文链接的附件（编号 {pk}）已被删除。", page)
            )
    for document in documents.values():
        if not document.file or not document.file.storage.exists(document.file.name):
            found.append(
                Finding(
                    WARNING,
                    "附件缺失",
                    f"附件“{document.title}”的文件不存在，读者下载会失败。",
                    url=document.url,
                )
            )
    return found


def hook_findings(site, today):
    found = []
    for fn in hooks.get_hooks(HOOK):
        found.extend(Finding.coerce(item) for item in fn(site, today) or ())
    return found


def identity_findings(site):
    missing = SiteIdentity.for_site(site).missing_fields()
    if not missing:
        return []
    return [
        Finding(SERIOUS, "网站标识", f"页脚缺少：{'、'.join(missing)}（网站设置 → 网站标识）。")
    ]


def run_inspection(site, today=None):
    """Every finding for a site, most serious first."""
    today = today or timezone.localdate()
    pages = _live_pages(site)
    limits = InspectionLimits.for_site(site)
    found = (
        identity_findings(site)
        + section_findings(pages, limits, today)
        + link_findings(pages)
        + hook_findings(site, today)
    )
    return sorted(found, key=lambda f: (f.severity != SERIOUS, f.kind))


def summary(findings):
    """One line per finding, for the command and the email."""
    lines = []
    for f in findings:
        where = f"《{f.title}》 " if f.title else ""
        place = f" {f.location}" if f.location else ""
        lines.append(f"[{f.severity_label}] {f.kind}：{where}{f.message}{place}")
    return lines
