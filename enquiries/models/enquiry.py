"""One enquiry of any kind: a request, a villager's question or a message, with its clock."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.search import index

from personaldata.identity import ID_TYPE_LABELS
from personaldata.masking import mask_contact_text as mask_text
from personaldata.masking import mask_name

from .. import clock, rules
from ..outcomes import APPLICANT_CHOICES, GROUND_CHOICES, OUTCOME_CHOICES, PERSON
from ..statuses import Delivery, Form, Moderation, Status

TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
TRACKING_LENGTH = 12


def new_tracking_number():
    """12 characters from 31 (about 59 bits): not sequential, not guessable."""
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))


class EnquiryQuerySet(models.QuerySet):
    def public(self):
        """Answered questions and messages that the asker allowed and staff approved."""
        return self.filter(
            kind__in=[rules.QUESTION, rules.MESSAGE],
            allow_public=True,
            moderation=Moderation.APPROVED,
            status=Status.ANSWERED,
        )

    def open(self):
        return self.exclude(status__in=[Status.ANSWERED, Status.CLOSED])

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())


class Enquiry(index.Indexed, ClusterableModel):
    """政府信息公开申请, 村务质询 or 咨询留言; personal data never leaves the admin unmasked."""

    tracking_number = models.CharField("查询码", max_length=20, unique=True, editable=False)
    kind = models.CharField("类型", max_length=20, choices=rules.KIND_CHOICES)
    status = models.CharField(
        "办理状态", max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    received_on = models.DateField("收到日期", default=timezone.localdate)
    created_at = models.DateTimeField("提交时间", default=timezone.now, editable=False)
    due_on = models.DateField("答复期限", null=True, blank=True, editable=False)

    title = models.CharField("标题", max_length=100)
    body = models.TextField("内容")

    asker_type = models.CharField(
        "申请人类型", max_length=20, choices=APPLICANT_CHOICES, default=PERSON
    )
    asker_name = models.CharField("姓名或名称", max_length=100)
    contact_person = models.CharField("联系人", max_length=50, blank=True)
    id_type = models.CharField("证件类型", max_length=30, blank=True)
    id_number = models.CharField("证件号码", max_length=30, blank=True)
    phone = models.CharField("联系电话", max_length=20)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)
    preferred_form = models.CharField(
        "获取信息的形式", max_length=20, choices=Form.choices, blank=True
    )
    delivery = models.CharField("获取方式", max_length=20, choices=Delivery.choices, blank=True)
    show_name = models.BooleanField("同意公开显示姓名", default=False)
    allow_public = models.BooleanField("同意公开问题与答复", default=False)

    department = models.ForeignKey(
        "enquiries.Addressee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enquiries",
        verbose_name="受理机关",
    )
    village = models.ForeignKey(
        "disclosures.VillagePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enquiries",
        verbose_name="村（社区）",
    )
    disclosure = models.ForeignKey(
        "disclosures.DisclosurePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enquiries",
        verbose_name="所质询的公开",
    )
    subject_label = models.CharField("质询对象", max_length=300, blank=True)
    line_ref = models.CharField("质询的明细行", max_length=30, blank=True)

    outcome = models.CharField("答复类型", max_length=20, choices=OUTCOME_CHOICES, blank=True)
    ground = models.CharField("理由或依据", max_length=20, choices=GROUND_CHOICES, blank=True)
    legal_basis = models.TextField("法律依据和理由说明", blank=True)
    reply_link = models.URLField("已公开信息的网址", blank=True)
    reply = models.TextField("答复内容", blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True)
    answered_by = models.CharField("答复单位", max_length=100, blank=True)
    reply_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="答复附件",
        help_text="随答复提供的政府信息或告知书扫描件",
    )
    proactive_url = models.URLField(
        "转为主动公开的网址",
        blank=True,
        help_text="《政府信息公开条例》第四十四条：可以公开且被多次申请的信息，纳入主动公开范围",
    )
    proactive_on = models.DateField("转为主动公开日期", null=True, blank=True)
    # Filled by the village desk from the approving members' accounts (never typed); older
    # answers may still carry names typed before the desk existed.
    reviewers = models.CharField("村务监督委员会审核人", max_length=100, blank=True, editable=False)
    reviewed_on = models.DateField("审核日期", null=True, blank=True, editable=False)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name="答复起草人",
    )
    moderation = models.CharField(
        "公开展示", max_length=20, choices=Moderation.choices, default=Moderation.PENDING
    )
    demo_label = models.CharField("示例数据标注", max_length=100, blank=True)

    # Masked copies: the only text that public pages, the API and the search index use.
    public_name = models.CharField(max_length=100, blank=True, editable=False)
    public_title = models.CharField(max_length=200, blank=True, editable=False)
    public_body = models.TextField(blank=True, editable=False)
    public_reply = models.TextField(blank=True, editable=False)

    objects = EnquiryQuerySet.as_manager()

    search_fields = [
        index.SearchField("public_title"),
        index.SearchField("public_body"),
        index.SearchField("public_reply"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = "申请与留言"
        verbose_name_plural = "申请与留言"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "status", "due_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.display_tracking_number}：{self.title}"

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.public()

    # ---- presentation --------------------------------------------------------------------

    @property
    def display_tracking_number(self):
        n = self.tracking_number
        return "-".join(n[i : i + 4] for i in range(0, len(n), 4))

    @property
    def rule(self):
        return rules.rule_for(self.kind)

    @property
    def id_type_label(self):
        return ID_TYPE_LABELS.get(self.id_type, "")

    @property
    def is_public(self):
        return type(self).objects.public().filter(pk=self.pk).exists() if self.pk else False

    def clock_pauses(self):
        return [clock.Pause(p.kind, p.started_on, p.ended_on) for p in self.pauses.all()]

    def compute_due(self, calendar=None):
        return clock.due_date(
            self.rule,
            self.received_on,
            self.clock_pauses(),
            extension_days=sum(x.days or 0 for x in self.extensions.all()),
            calendar=calendar,
        )

    def clock_state(self, today=None):
        answered = self.status in (Status.ANSWERED, Status.CLOSED)
        return clock.clock_state(
            self.rule, self.due_on, today or timezone.localdate(), answered=answered
        )

    @property
    def unknown_calendar_years(self):
        """Years between receipt and the due date whose 放假安排 the calendar lacks."""
        if self.rule.unit != rules.WORKING or not self.pk:
            return []
        last = self.due_on or timezone.localdate()
        calendar = clock.default_calendar().load_calendar()
        years = range(self.received_on.year, max(last.year, self.received_on.year) + 1)
        return [y for y in years if not calendar.knows_year(y)]

    @property
    def same_requests(self):
        """Other requests for the same information (same title): Art. 44 counts them."""
        if self.kind != rules.REQUEST or not self.pk:
            return 0
        same = type(self).objects.filter(kind=rules.REQUEST, title=self.title.strip())
        return same.exclude(pk=self.pk).count()

    @property
    def clock_label(self):
        return clock.STATE_LABELS[self.clock_state()]

    def refresh_public_copies(self):
        """The masked copies; the asker's name is masked in the texts too unless they agreed."""
        name = self.asker_name.strip()
        self.public_name = name if self.show_name else mask_name(name)

        def masked(text):
            text = mask_text(text)
            return text.replace(name, self.public_name) if len(name) > 1 else text

        self.public_title = masked(self.title)
        self.public_body = masked(self.body)
        self.public_reply = masked(self.reply)

    def sync_status_with_pauses(self):
        """An open pause sets 待补正 / 征求第三方意见; closing it returns to 办理中."""
        if self.status in (Status.ANSWERED, Status.CLOSED):
            return
        open_kinds = {p.kind for p in self.pauses.all() if p.ended_on is None}
        if clock.SUPPLEMENT in open_kinds:
            self.status = Status.SUPPLEMENT
        elif clock.THIRD_PARTY in open_kinds:
            self.status = Status.CONSULTING
        elif self.status in (Status.SUPPLEMENT, Status.CONSULTING):
            self.status = Status.PROCESSING

    def save(self, *args, **kwargs):
        """Keep the due date, status and masked copies in step; append the history."""
        from ..workflow import after_save, before_save, clock_notes, date_notes

        if not self.tracking_number:
            self.tracking_number = new_tracking_number()
            while type(self).objects.filter(tracking_number=self.tracking_number).exists():
                self.tracking_number = new_tracking_number()
        before = before_save(self)
        notes = clock_notes(self, before)
        self.sync_status_with_pauses()
        self.due_on = self.compute_due()
        notes += date_notes(self, before)
        self.refresh_public_copies()
        super().save(*args, **kwargs)
        after_save(self, before, notes, actor=getattr(self, "_actor", ""))


class ClockPause(models.Model):
    """A stop of the clock: a third party's opinion, or waiting for the applicant."""

    enquiry = ParentalKey(Enquiry, on_delete=models.CASCADE, related_name="pauses")
    kind = models.CharField("暂停类型", max_length=20, choices=clock.PAUSE_CHOICES)
    started_on = models.DateField("开始日期")
    ended_on = models.DateField("结束日期", null=True, blank=True, help_text="仍在等待时留空")
    reason = models.CharField("原因", max_length=300)

    class Meta:
        verbose_name = "计时暂停"
        verbose_name_plural = "计时暂停"
        ordering = ["started_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.started_on}"

    def clean(self):
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "结束日期不能早于开始日期"})


class Extension(models.Model):
    """A once-only extension of a request's deadline, with its written notice."""

    enquiry = ParentalKey(Enquiry, on_delete=models.CASCADE, related_name="extensions")
    days = models.PositiveSmallIntegerField(
        "延长工作日数", default=20, help_text="最长 20 个工作日（《政府信息公开条例》第三十三条）"
    )
    decided_on = models.DateField("批准日期")
    approved_by = models.CharField("批准的负责人", max_length=50)
    reason = models.CharField("延期理由", max_length=300)
    notice_sent_on = models.DateField("书面告知申请人日期")

    class Meta:
        verbose_name = "延期答复"
        verbose_name_plural = "延期答复"

    def __str__(self):
        return f"延期 {self.decided_on}"
