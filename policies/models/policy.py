"""The policy document page, its attachments and its validity relations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework.fields import CharField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from policies import validity as validity_rules
from policies.blocks import policy_body_blocks
from policies.forms import PolicyPageForm
from policies.panels import InterpretationStatusPanel
from policies.structure import outline, table_of_contents, units
from policies.structured_data import legislation_data
from taxonomy.doc_numbers import canonical_doc_number, doc_number_sort_value
from workdays.calendar import add_working_days

from ..choices import OUT_OF_FORCE, DocType, RelationType, Validity

INTERPRETATION_WORKING_DAYS = 3
CHANGE_NOTE_REQUIRED = "修改已发布的政策文件必须填写修改说明，且不能与上一版本的说明相同。"


class PolicyPage(RoutablePageMixin, Page):
    """A policy document with the metadata of government information disclosure."""

    doc_number = models.CharField(
        "发文字号",
        max_length=100,
        blank=True,
        help_text="如 成委发〔2017〕27号；输入 [2017]、(2017)、（2017） 会自动规范为〔2017〕",
    )
    doc_number_sort = models.CharField(max_length=140, blank=True, editable=False, db_index=True)
    index_number = models.CharField("索引号", max_length=100, blank=True)
    issuing_authorities = ParentalManyToManyField(
        "taxonomy.IssuingAuthority", blank=True, verbose_name="发文机关"
    )
    doc_type = models.CharField(
        "文种", max_length=20, choices=DocType.choices, default=DocType.OTHER
    )
    written_date = models.DateField("成文日期", null=True, blank=True)
    published_date = models.DateField("发布日期", null=True, blank=True)
    effective_date = models.DateField("实施日期", null=True, blank=True)
    expiry_date = models.DateField("失效日期", null=True, blank=True)
    validity = models.CharField(
        "有效性", max_length=10, choices=Validity.choices, default=Validity.VALID
    )
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, verbose_name="主题分类")
    region = models.ForeignKey(
        "taxonomy.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="地区",
    )
    summary = models.TextField("摘要", blank=True)
    is_summary = models.BooleanField(
        "仅为摘要",
        default=False,
        help_text="本页只收录报道中对该文件的介绍，而非文件原文时勾选。",
    )
    editor_note = models.CharField("编者说明", max_length=500, blank=True)
    body = StreamField(policy_body_blocks(), blank=True, verbose_name="正文")
    paste_text = models.TextField(
        "粘贴全文",
        blank=True,
        help_text="粘贴整篇文件的纯文本，保存或预览时按“第X章”“第X节”“第X条”自动拆分并替换下方正文；"
        "无法拆分的文字原样保留为正文文字。可在右侧“预览”中先查看拆分结果。",
    )
    change_note = models.CharField(
        "修改说明",
        max_length=300,
        blank=True,
        help_text="重新发布已发布的文件时必填，公开显示在“修改记录”中。",
    )

    content_panels = Page.content_panels + [
        InterpretationStatusPanel(heading="政策解读"),
        MultiFieldPanel(
            [
                FieldPanel("doc_number"),
                FieldPanel("index_number"),
                FieldPanel("issuing_authorities"),
                FieldPanel("doc_type"),
                FieldPanel("written_date"),
                FieldPanel("published_date"),
                FieldPanel("effective_date"),
                FieldPanel("expiry_date"),
                FieldPanel("validity"),
                FieldPanel("topics"),
                FieldPanel("region"),
            ],
            heading="文件信息",
        ),
        FieldPanel("summary"),
        FieldPanel("is_summary"),
        FieldPanel("editor_note"),
        FieldPanel("paste_text"),
        FieldPanel("body"),
        InlinePanel("attachments", label="附件", heading="附件（PDF/Word）"),
        InlinePanel("relations_out", label="效力关系", heading="本文件修订或废止的文件"),
        FieldPanel("change_note"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("doc_number", boost=5),
        index.SearchField("index_number"),
        # 发文机关 by name (and, through the short-name table, by abbreviation: 国办, 人社部).
        # A list property, not RelatedFields: the indexers cannot follow a ParentalManyToMany.
        index.SearchField("issuing_authorities_list"),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("validity"),
        index.FilterField("doc_type"),
        index.FilterField("published_date"),
    ]
    api_fields = [
        APIField("doc_number"),
        APIField("index_number"),
        APIField("doc_type"),
        APIField("issuing_authorities_list"),
        APIField("written_date"),
        APIField("published_date"),
        APIField("effective_date"),
        APIField("expiry_date"),
        # Today's validity (relations in force included); the stored field is validity_recorded.
        APIField("validity", serializer=CharField(source="current_validity", read_only=True)),
        APIField("validity_recorded", serializer=CharField(source="validity", read_only=True)),
        APIField("topics_list"),
        APIField("region_name"),
        APIField("summary"),
        APIField("is_summary"),
        APIField("body"),
        APIField("articles"),
        APIField("relations"),
        APIField("interpretation_ids"),
        APIField("package_ids"),
        APIField("out_of_force"),
        APIField("validity_banner_text"),
        APIField("pending_validity_changes"),
    ]
    parent_page_types = ["policies.PolicyIndexPage"]
    subpage_types = []
    base_form_class = PolicyPageForm
    schema_org_type = "Legislation"

    class Meta:
        verbose_name = "政策文件"
        verbose_name_plural = "政策文件"
        constraints = [
            models.UniqueConstraint(
                fields=["index_number"],
                condition=~Q(index_number=""),
                name="policies_policy_unique_index_number",
            )
        ]

    @property
    def date(self):
        return self.published_date or self.written_date

    def gov_article(self):
        """Article facts for the government meta tags: the 发布日期 only, never a reprint date."""
        return {
            "pub_date": self.published_date,
            "source": "、".join(a.name for a in self.shown_authorities),
            "keywords": [t.name for t in self.shown_topics],
        }

    # --- validation -------------------------------------------------------------------------

    def doc_number_conflicts(self, authorities):
        """Other policies with this document number and a shared issuer (or no issuer)."""
        if not self.doc_number:
            return PolicyPage.objects.none()
        others = PolicyPage.objects.filter(doc_number=self.doc_number).exclude(pk=self.pk)
        names = {a.pk for a in authorities}
        clashes = [
            p.pk
            for p in others.prefetch_related("issuing_authorities")
            if not names
            or not {a.pk for a in p.issuing_authorities.all()}
            or names & {a.pk for a in p.issuing_authorities.all()}
        ]
        return PolicyPage.objects.filter(pk__in=clashes)

    def text_changed_since(self, version):
        return version is None or (
            version.units != units(self.body)
            or version.title != self.title
            or version.doc_number != self.doc_number
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.doc_number:
            try:
                self.doc_number = canonical_doc_number(self.doc_number)
            except ValueError as exc:
                errors["doc_number"] = str(exc)
        if self.index_number:
            self.index_number = self.index_number.strip()
            duplicate = PolicyPage.objects.filter(index_number=self.index_number)
            if duplicate.exclude(pk=self.pk).exists():
                errors["index_number"] = f"索引号“{self.index_number}”已被其他文件使用。"
        if self.expiry_date and self.effective_date and self.expiry_date < self.effective_date:
            errors["expiry_date"] = "失效日期不能早于实施日期。"
        if self.pk and getattr(self, "_checking_publish", True):
            last = self.versions.order_by("number").last()
            if (
                last
                and self.text_changed_since(last)
                and (not self.change_note.strip() or self.change_note.strip() == last.change_note)
            ):
                errors["change_note"] = CHANGE_NOTE_REQUIRED
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.doc_number_sort = doc_number_sort_value(self.doc_number)
        return super().save(*args, **kwargs)

    # --- structure ----------------------------------------------------------------------------

    def body_outline(self):
        if not hasattr(self, "_outline"):
            self._outline = outline(self.body)
        return self._outline

    def table_of_contents(self):
        return table_of_contents(self.body_outline())

    @property
    def has_articles(self):
        return any(e.kind == "article" for e in self.body_outline())

    def articles(self):
        return [
            {"anchor": e.anchor, "label": e.label, "text": e.text}
            for e in self.body_outline()
            if e.kind == "article"
        ]

    def published_versions(self):
        return list(self.versions.all()) if self.pk else []

    # --- validity -----------------------------------------------------------------------------

    @cached_property
    def _incoming_relations(self):
        if not self.pk:
            return []
        if "relations_in" in getattr(self, "_prefetched_objects_cache", {}):
            relations = self.relations_in.all()  # listings prefetch relations_in__page
        else:
            relations = self.relations_in.select_related("page")
        return [r for r in relations if r.page.live]

    def incoming(self, relation_type, day=None):
        """Live relations of this type in force on ``day`` (default today)."""
        day = day or timezone.localdate()
        return [
            r
            for r in self._incoming_relations
            if r.relation_type == relation_type and validity_rules.relation_in_force(r, day)
        ]

    def amended_by(self):
        return self.incoming(RelationType.AMENDS)

    def repealed_by(self):
        return self.incoming(RelationType.REPEALS)

    @cached_property
    def outgoing_relations(self):
        return [r for r in self.relations_out.select_related("target") if r.target.live]

    @property
    def is_expired(self):
        return bool(self.expiry_date and self.expiry_date < timezone.localdate())

    def validity_on(self, day):
        """有效/已修订/已废止/已失效 on ``day``: own field, expiry and relations in force."""
        return validity_rules.validity_on(
            self.validity, self.expiry_date, self._incoming_relations, day
        )

    @cached_property
    def current_validity(self):
        """Today's validity; read from the library's annotation when the page came from it."""
        annotated = self.__dict__.get(validity_rules.ANNOTATION)
        return annotated or self.validity_on(timezone.localdate())

    @property
    def out_of_force(self):
        return self.current_validity in OUT_OF_FORCE

    @cached_property
    def validity_changes(self):
        """(in force, pending) amendments and repeals of this document, as of today."""
        return validity_rules.changes(self._incoming_relations, timezone.localdate())

    @property
    def pending_changes(self):
        return self.validity_changes[1]

    def validity_notice(self):
        """What every view of the document says about its force; None when nothing to say.

        ``changes`` are the repeals (or amendments) in force behind the status, ``tail`` ends
        their sentence; ``pending`` are those dated after today (the document is still in force
        until then)."""
        current, pending = self.validity_changes
        status = self.current_validity
        verb = {Validity.REPEALED: "废止", Validity.AMENDED: "修订"}.get(status)
        changes = [c for c in current if c.verb == verb]
        if status == Validity.REPEALED:
            headline, tail = "本文件已废止，仅供查阅。", "，仅供查阅。"
        elif status == Validity.EXPIRED:
            when = f"于{self.expiry_date:%Y年%-m月%-d日}" if self.expiry_date else ""
            headline, tail = f"本文件已{when}失效，仅供查阅。", ""
        elif status == Validity.AMENDED:
            headline, tail = "本文件已修订，请注意查阅修订内容。", "，请注意查阅修订内容。"
        else:
            headline, tail = "", ""
        if not headline and not pending:
            return None
        if changes:
            headline = "；".join(c.text for c in changes) + tail
        return {
            "status": status,
            "headline": headline,
            "changes": changes,
            "tail": tail,
            "pending": pending,
        }

    def validity_banner(self):
        """The plain sentence shown on every view of a document no longer (fully) in force."""
        notice = self.validity_notice()
        return notice["headline"] if notice else ""

    @property
    def validity_banner_text(self):
        return self.validity_banner()

    @property
    def pending_validity_changes(self):
        return [
            {"type": c.verb, "id": c.page.pk, "title": c.page.title, "date": c.date, "text": c.text}
            for c in self.pending_changes
        ]

    def relations(self):
        out = [
            {
                "type": r.relation_type,
                "direction": "outgoing",
                "id": r.target_id,
                "title": r.target.title,
            }
            for r in self.outgoing_relations
        ]
        for r in self.relations_in.select_related("page") if self.pk else []:
            if r.page.live:
                out.append(
                    {
                        "type": r.relation_type,
                        "direction": "incoming",
                        "id": r.page_id,
                        "title": r.page.title,
                    }
                )
        return out

    # --- packages and interpretations ---------------------------------------------------------

    def packages(self):
        """Live packages this policy belongs to, with its role and its siblings (once per
        page object: the template and the JSON-LD both ask)."""
        if not hasattr(self, "_packages"):
            self._packages = self._find_packages()
        return self._packages

    def _find_packages(self):
        result = []
        if not self.pk:
            return result
        for membership in self.package_memberships.select_related("package"):
            package = membership.package
            if not package.live:
                continue
            siblings = [
                m
                for m in package.members.select_related("policy")
                if m.policy_id != self.pk and m.policy.live
            ]
            result.append(
                {"package": package, "role": membership.get_role_display(), "siblings": siblings}
            )
        return result

    def live_interpretations(self):
        if not self.pk:
            return []
        return self.interpretations.live().public().order_by("-date")

    @property
    def interpretation_deadline(self):
        return self.get_interpretation_deadline()

    def get_interpretation_deadline(self, calendar=None):
        """Three working days (China's calendar, holidays and 调休 included) after publication."""
        start = self.published_date or (
            timezone.localtime(self.first_published_at).date() if self.first_published_at else None
        )
        return add_working_days(start, INTERPRETATION_WORKING_DAYS, calendar) if start else None

    def interpretation_overdue(self, today=None, calendar=None):
        """True when this live official text still has no live interpretation after the deadline.

        Pages that only summarise press reports (is_summary) are not official publications."""
        if self.is_summary or not self.pk:
            return False
        deadline = self.get_interpretation_deadline(calendar)
        today = today or timezone.localdate()
        return bool(
            self.live and deadline and today > deadline and not self.interpretations.live().exists()
        )

    # --- API helpers ----------------------------------------------------------------------------

    @property
    def issuing_authorities_list(self):
        return [a.name for a in self.issuing_authorities.all()]

    @cached_property
    def shown_authorities(self):
        """Issuing authorities, fetched once per page render (meta, citation, JSON-LD)."""
        return list(self.issuing_authorities.all())

    @cached_property
    def shown_topics(self):
        return list(self.topics.all())

    @property
    def topics_list(self):
        return [t.name for t in self.topics.all()]

    @property
    def region_name(self):
        return self.region.name if self.region else ""

    @property
    def interpretation_ids(self):
        return list(self.interpretations.live().values_list("pk", flat=True))

    @property
    def package_ids(self):
        return [p["package"].pk for p in self.packages()]

    @cached_property
    def canonical_url(self):
        """The full URL, computed once per page object (each article's cite block uses it)."""
        return self.full_url or ""

    def json_ld_cache_key(self, request):
        """Key under which siteidentity.seo may keep this page's JSON-LD (None: build it afresh):
        it shows relations' validity and ancestors' titles, so it keys on the generation."""
        from listings.fragments import cacheable, request_stamp

        if not cacheable(request, self):
            return None
        return f"policy-json-ld:{self.pk}:{self.live_revision_id}:{request_stamp(request)}"

    def structured_data(self, request):
        """Its schema.org Legislation properties (siteidentity.seo adds them to the JSON-LD)."""
        return legislation_data(self)

    @cached_property
    def citation(self):
        authorities = "、".join(a.name for a in self.shown_authorities)
        parts = [p for p in (authorities, f"《{self.title}》", self.doc_number) if p]
        return "，".join(parts)

    # --- routes -------------------------------------------------------------------------------

    @path("history/")
    def history(self, request):
        versions = list(self.versions.order_by("-number"))
        return self.render(
            request,
            context_overrides={"versions": versions},
            template="policies/policy_history.html",
        )

    @path("history/<int:number>/")
    def history_version(self, request, number):
        from policies.diffing import diff_articles

        version = get_object_or_404(self.versions, number=number)
        previous = version.previous
        changes = diff_articles(previous.units if previous else [], version.units)
        return self.render(
            request,
            context_overrides={
                "version": version,
                "previous": previous,
                "changes": changes,
                "changed": [c for c in changes if c.is_change],
            },
            template="policies/policy_version.html",
        )


class PolicyAttachment(Orderable):
    page = ParentalKey(PolicyPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name="文件"
    )
    title = models.CharField("显示名称", max_length=255, blank=True, help_text="留空时使用文件标题")

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "附件"
        verbose_name_plural = "附件"

    @property
    def display_title(self):
        return self.title or self.document.title


class PolicyRelation(Orderable):
    """This page (``page``) amends or repeals ``target``; the target shows it in reverse."""

    page = ParentalKey(PolicyPage, on_delete=models.CASCADE, related_name="relations_out")
    relation_type = models.CharField("关系", max_length=20, choices=RelationType.choices)
    target = models.ForeignKey(
        PolicyPage,
        on_delete=models.CASCADE,
        related_name="relations_in",
        verbose_name="被修订或废止的文件",
    )
    date = models.DateField(
        "生效日期",
        null=True,
        blank=True,
        help_text="修订或废止自哪一天起生效；留空时为本文件的实施日期，无实施日期时为发布日期。"
        "在此之前，被修订或废止的文件仍显示为有效，并提示将于该日修订或废止。",
    )

    panels = [FieldPanel("relation_type"), FieldPanel("target"), FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = "效力关系"
        verbose_name_plural = "效力关系"

    def clean(self):
        if self.page_id and self.target_id == self.page_id:
            raise ValidationError({"target": "文件不能修订或废止自身。"})

    @property
    def outgoing_text(self):
        return f"本文件{self.get_relation_type_display()}《{self.target.title}》"

    @property
    def incoming_text(self):
        return f"本文件已被《{self.page.title}》{self.get_relation_type_display()}"
