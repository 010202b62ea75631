"""A disclosure page: one village, one category, one period, with items and finance lines."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .. import schedule
from ..finance import DIRECTION_CHOICES, SUMMARY_FIELDS, Line, check_table, compute_totals
from ..forms import DisclosurePageForm
from ..guards import hidden_problem
from ..hashchain import json_safe
from ..money import CENT
from .protected import ProtectedTreeMixin, demo_label_field

AMOUNT = {"max_digits": 14, "decimal_places": 2}
FINANCE_FIELDS = SUMMARY_FIELDS


def money(value):
    """Two-decimal Decimal (or None), so a snapshot reads the same before and after saving."""
    return None if value is None else Decimal(value).quantize(CENT)


class DisclosurePage(ProtectedTreeMixin, Page):
    """村务公开 of one category and period; versions are hashed in a chain when published."""

    demo_label = demo_label_field()
    category = models.CharField("公开类别", max_length=10, choices=schedule.CATEGORY_CHOICES)
    period_kind = models.CharField(
        "期间类型", max_length=10, choices=schedule.PERIOD_KIND_CHOICES, default=schedule.QUARTER
    )
    period_year = models.PositiveSmallIntegerField("年份")
    period_number = models.PositiveSmallIntegerField(
        "月份或季度", null=True, blank=True, help_text="月度填 1–12，季度填 1–4，年度和单项事项留空"
    )
    matter_date = models.DateField(
        "事项日期", null=True, blank=True, help_text="单项事项（重大事项随时公开）发生或决定的日期"
    )
    period_start = models.DateField("期间开始", editable=False, null=True)
    period_end = models.DateField("期间结束", editable=False, null=True)
    summary = models.TextField("公开说明", blank=True)
    board_location = models.CharField(
        "公开栏位置", max_length=200, blank=True, help_text="同时张贴的线下公开栏；留空则用本村设置"
    )
    posted_on = models.DateField("张贴日期", null=True, blank=True)

    opening_balance = models.DecimalField("期初余额（元）", null=True, blank=True, **AMOUNT)
    total_income = models.DecimalField("收入合计（元）", null=True, blank=True, **AMOUNT)
    total_expenditure = models.DecimalField("支出合计（元）", null=True, blank=True, **AMOUNT)
    closing_balance = models.DecimalField("期末余额（元）", null=True, blank=True, **AMOUNT)

    reviewers = models.CharField(
        "监督委员会审核人",
        max_length=200,
        blank=True,
        help_text="村务监督委员会成员姓名，用顿号分隔",
    )
    review_date = models.DateField("审核日期", null=True, blank=True)
    review_opinion = models.TextField("审核意见", blank=True)
    # The sign-off above is written by the committee's workflow when it publishes (see
    # accountability.committee_sign_off); these are the approving accounts and times.
    approvals = models.JSONField("监督委员会批准记录", default=list, blank=True, editable=False)

    change_reason = models.TextField(
        "更正原因",
        blank=True,
        help_text="已公开的内容再次发布时必须填写，将作为更正说明公开显示",
    )
    withdrawn = models.BooleanField("撤回此公开", default=False)
    withdrawal_reason = models.TextField("撤回原因", blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldRowPanel([FieldPanel("period_kind"), FieldPanel("period_year")]),
                FieldRowPanel([FieldPanel("period_number"), FieldPanel("matter_date")]),
            ],
            heading="类别与期间",
        ),
        FieldPanel("summary"),
        InlinePanel("items", label="公开事项"),
        InlinePanel("attachments", label="原件扫描件"),
        FieldRowPanel(
            [FieldPanel("board_location"), FieldPanel("posted_on")], heading="线下公开栏"
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=(
                        "<p>金额以元为单位、保留两位小数。发布前系统会核对：收入合计、"
                        "支出合计须与明细相符，期初余额 + 收入 − 支出 = 期末余额。"
                        "也可在页面顶部的更多操作中选择“从 Excel 或 CSV 导入收支明细”"
                        '（下载<a href="/siwu-data/template/finance.xlsx">Excel 模板</a>'
                        '或<a href="/siwu-data/finance-template.csv">CSV 模板</a>）。</p>'
                    )
                ),
                FieldPanel("opening_balance"),
                InlinePanel("finance_lines", label="收支明细"),
                FieldRowPanel([FieldPanel("total_income"), FieldPanel("total_expenditure")]),
                FieldPanel("closing_balance"),
            ],
            heading="财务收支（仅财务公开填写）",
        ),
        HelpPanel(
            content=(
                "<p>村务监督委员会的审核由系统记录，不用填写：经办人点“提交审核”后，"
                "本村监督委员会成员用自己的账号批准（起草或修改这一版的成员不能批准），"
                "批准人数达到本村规定时自动发布，批准人账号、姓名和批准时间写入签署栏。</p>"
            ),
            heading="村务监督委员会审核",
        ),
        FieldPanel("change_reason"),
        MultiFieldPanel([FieldPanel("withdrawn"), FieldPanel("withdrawal_reason")], heading="撤回"),
        FieldPanel("demo_label"),
    ]
    base_form_class = DisclosurePageForm
    parent_page_types = ["disclosures.VillagePage"]
    subpage_types = []
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("category"),
        index.FilterField("period_year"),
    ]
    api_fields = [
        APIField("village_name"),
        APIField("category"),
        APIField("period_kind"),
        APIField("period_label"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("summary"),
        APIField("board_location_display"),
        APIField("sign_off"),
        APIField("finance_table"),
        APIField("withdrawn"),
        APIField("withdrawal_reason"),
        APIField("demo_label"),
        APIField("version_chain"),
    ]
    schema_org_type = "Report"

    class Meta:
        verbose_name = "四务公开"
        verbose_name_plural = "四务公开"

    # ---- period -------------------------------------------------------------------------

    @property
    def is_regular(self):
        return self.period_kind != schedule.MATTER

    @property
    def period_label(self):
        if self.period_kind == schedule.MATTER:
            day = self.matter_date
            return f"单项事项（{day.year}年{day.month}月{day.day}日）" if day else "单项事项"
        try:
            return schedule.period_label(
                self.period_kind, self.period_year, self.period_number or 0
            )
        except (schedule.PeriodError, KeyError):
            return ""

    @property
    def village_name(self):
        parent = self.get_parent() if self.pk else None
        return parent.title if parent else ""

    @property
    def category_label(self):
        return schedule.CATEGORY_LABELS.get(self.category, "")

    @property
    def board_location_display(self):
        if self.board_location:
            return self.board_location
        parent = self.get_parent() if self.pk else None
        return getattr(parent.specific, "board_location", "") if parent else ""

    def clean(self):
        super().clean()
        errors = {}
        if self.period_kind == schedule.MATTER:
            if not self.matter_date:
                errors["matter_date"] = "单项事项须填写事项日期"
            else:
                self.period_start = self.period_end = self.matter_date
                self.period_year = self.period_year or self.matter_date.year
        else:
            number = 0 if self.period_kind == schedule.YEAR else self.period_number
            if self.period_kind != schedule.YEAR and not number:
                errors["period_number"] = "月度或季度公开须填写月份或季度"
            else:
                try:
                    self.period_start, self.period_end = schedule.period_bounds(
                        self.period_kind, self.period_year or 0, number or 0
                    )
                except schedule.PeriodError as exc:
                    errors["period_number"] = str(exc)
        if self.withdrawn and not self.withdrawal_reason.strip():
            errors["withdrawal_reason"] = "撤回须填写原因，原因将公开显示"
        if errors:
            raise ValidationError(errors)

    # ---- finance ------------------------------------------------------------------------

    @property
    def is_finance(self):
        return self.category == schedule.FINANCE

    def line_objects(self):
        return [line.as_line() for line in self.finance_lines.all()]

    def finance_problems(self):
        """Problems that stop a finance table being published (Chinese)."""
        if not self.is_finance:
            return []
        missing = [
            field.verbose_name
            for field in (self._meta.get_field(name) for name in SUMMARY_FIELDS)
            if getattr(self, field.name) is None
        ]
        if missing:
            return [f"财务公开须填写{'、'.join(missing)}"]
        return [
            p.message
            for p in check_table(
                self.opening_balance,
                self.line_objects(),
                stated_income=self.total_income,
                stated_expenditure=self.total_expenditure,
                stated_closing=self.closing_balance,
                period_start=self.period_start if self.is_regular else None,
                period_end=self.period_end if self.is_regular else None,
            )
        ]

    @property
    def computed_totals(self):
        if not self.is_finance or self.opening_balance is None:
            return None
        return compute_totals(self.opening_balance, self.line_objects())

    @property
    def totals_agree(self):
        totals = self.computed_totals
        return bool(totals) and (
            totals.income == self.total_income
            and totals.expenditure == self.total_expenditure
            and totals.closing == self.closing_balance
        )

    @property
    def finance_table(self):
        if not self.is_finance:
            return None
        return json_safe(
            {
                "opening_balance": money(self.opening_balance),
                "total_income": money(self.total_income),
                "total_expenditure": money(self.total_expenditure),
                "closing_balance": money(self.closing_balance),
                "currency": "CNY",
                "lines": [line.as_dict() for line in self.finance_lines.all()],
            }
        )

    # ---- sign-off, snapshot, publishing ---------------------------------------------------

    @property
    def sign_off(self):
        signed = {
            "reviewers": self.reviewers,
            "review_date": self.review_date.isoformat() if self.review_date else None,
            "review_opinion": self.review_opinion,
        }
        if self.approvals:  # absent from versions signed before the workflow recorded them
            signed["approvals"] = self.approvals
        return signed

    def snapshot(self):
        """Everything a villager is shown, as plain JSON: what each version's hash covers."""
        return json_safe(
            {
                "title": self.title,
                "category": self.category,
                "category_label": self.category_label,
                "period_kind": self.period_kind,
                "period_label": self.period_label,
                "period_start": self.period_start,
                "period_end": self.period_end,
                "matter_date": self.matter_date,
                "summary": self.summary,
                "board_location": self.board_location,
                "posted_on": self.posted_on,
                "items": [{"title": i.title, "body": i.body} for i in self.items.all()],
                "attachments": [a.as_dict() for a in self.attachments.all()],
                "finance": self.finance_table,
                "sign_off": self.sign_off,
                "withdrawal": {"withdrawal_reason": self.withdrawal_reason}
                if self.withdrawn
                else None,
                "demo_label": self.demo_label,
            }
        )

    def publish_problems(self):
        """Why this (unsaved) state may not be published; empty when it may."""
        from .versions import DisclosureVersion

        problems = []
        if not self.reviewers.strip() or not self.review_date:
            problems.append("发布前须填写村务监督委员会审核人和审核日期")
        problems += self.finance_problems()
        hidden = hidden_problem(self)
        if hidden:
            problems.append(hidden)
        last = DisclosureVersion.objects.filter(page_id=self.pk).order_by("-number").first()
        snapshot = self.snapshot()
        withdrawing = (
            snapshot["withdrawal"] and not last.content.get("withdrawal") if last else False
        )
        reason = self.withdrawal_reason if withdrawing else self.change_reason
        if last and last.content != snapshot and not reason.strip():
            problems.append("该公开已发布过，再次发布须填写更正原因")
        return problems

    def publish(self, revision, user=None, **kwargs):
        """Refuse to publish a state that fails the checks; the version is recorded on signal."""
        from ..accountability import committee_sign_off
        from ..privacy import mask_page

        masked = revision.as_object()
        signed = committee_sign_off(self, revision, user, masked)
        if mask_page(masked) or signed:
            # Publish a copy with ID, phone and bank numbers masked (only the draft history
            # in the admin keeps what the clerk typed) and the committee's approval signed.
            revision = masked.save_revision(user=user, log_action=False, clean=False)
        problems = revision.as_object().publish_problems()
        if problems:
            raise ValidationError(problems)
        with transaction.atomic():
            return super().publish(revision, user=user, **kwargs)

    def gov_article(self):
        """Article facts for the government meta tags: first publication of this disclosure."""
        first = self.versions.order_by("number").first() if self.pk else None
        return {
            "pub_date": first.published_at if first else self.first_published_at,
            "source": self.village_name,
            "keywords": [self.category_label, "村务公开"],
        }

    def structured_data(self, request):
        """schema.org extras for the Report JSON-LD built by the site's page_meta."""
        versions = list(self.versions.order_by("number")) if self.pk else []
        data = {
            "publisher": {"@type": "Organization", "name": self.village_name},
            "about": f"{self.category_label}公开",
        }
        if self.period_start and self.period_end:
            data["temporalCoverage"] = f"{self.period_start}/{self.period_end}"
        if versions:
            data["datePublished"] = versions[0].published_at.isoformat()
            data["dateModified"] = versions[-1].published_at.isoformat()
        return data

    def finance_charts(self, village):
        """SVG charts of this finance disclosure against the village's other periods."""
        from ..chart_svg import disclosure_charts

        if not self.is_finance or village is None:
            return []
        siblings = DisclosurePage.objects.live().child_of(village).filter(category=self.category)
        return disclosure_charts(self, [p for p in siblings if p.pk != self.pk])

    @property
    def version_chain(self):
        return [v.public_dict() for v in self.versions.order_by("number")]

    def get_context(self, request, *args, **kwargs):
        from .versions import Integrity, check_page

        context = super().get_context(request, *args, **kwargs)
        versions = list(self.versions.order_by("number")) if self.pk else []
        context["versions"] = versions
        if getattr(request, "is_preview", False):
            context["integrity"] = Integrity(True, "预览：发布后本内容将作为新版本加入哈希链")
        else:
            context["integrity"] = check_page(self, versions)
        parent = self.get_parent() if self.pk else None
        context["village"] = parent.specific if parent else None
        context["charts"] = self.finance_charts(context["village"])
        if self.period_kind == schedule.MATTER and self.matter_date and versions:
            published = versions[0].published_at.date()
            context["matter_status"] = schedule.matter_status(
                self.matter_date, published, published
            )
        return context


class DisclosureItem(Orderable):
    page = ParentalKey(DisclosurePage, on_delete=models.CASCADE, related_name="items")
    title = models.CharField("事项", max_length=200)
    body = models.TextField("内容", blank=True)

    panels = [FieldPanel("title"), FieldPanel("body")]

    class Meta(Orderable.Meta):
        verbose_name = "公开事项"
        verbose_name_plural = "公开事项"


class DisclosureAttachment(Orderable):
    page = ParentalKey(DisclosurePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name="文件"
    )
    title = models.CharField("说明", max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "原件扫描件"
        verbose_name_plural = "原件扫描件"

    @property
    def label(self):
        return self.title or self.document.title

    def as_dict(self):
        return {"title": self.label, "file_hash": self.document.get_file_hash()}


class FinanceLine(Orderable):
    page = ParentalKey(DisclosurePage, on_delete=models.CASCADE, related_name="finance_lines")
    direction = models.CharField("收支", max_length=12, choices=DIRECTION_CHOICES)
    date = models.DateField("日期")
    item = models.CharField("摘要", max_length=200)
    amount = models.DecimalField(
        "金额（元）", validators=[MinValueValidator(Decimal("0.01"))], **AMOUNT
    )
    voucher = models.CharField("凭证号", max_length=50, blank=True)
    counterparty = models.CharField("往来单位或个人", max_length=100, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("direction"), FieldPanel("date")]),
        FieldPanel("item"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("voucher")]),
        FieldPanel("counterparty"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "收支明细"
        verbose_name_plural = "收支明细"

    def as_line(self):
        return Line(
            self.direction,
            money(self.amount),
            self.item,
            self.date,
            self.voucher,
            self.counterparty,
        )

    def as_dict(self):
        return json_safe(
            {
                "direction": self.direction,
                "date": self.date,
                "item": self.item,
                "amount": money(self.amount),
                "voucher": self.voucher,
                "counterparty": self.counterparty,
            }
        )
