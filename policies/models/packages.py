"""Policy packages such as 简阳"1+6+N": one core document with supporting and implementing ones."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index


class PackageRole(models.TextChoices):
    CORE = "core", "核心文件"
    SUPPORTING = "supporting", "配套文件"
    IMPLEMENTING = "implementing", "实施文件"


class PolicyPackagePage(Page):
    """政策体系: a named group of policy documents, each with its role."""

    summary = models.TextField("简介", blank=True)
    editor_note = models.CharField("编者说明", max_length=500, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("editor_note"),
        InlinePanel("members", label="成员文件"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    api_fields = [APIField("summary"), APIField("member_list")]
    schema_org_type = "CollectionPage"
    parent_page_types = ["policies.PolicyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "政策体系"
        verbose_name_plural = "政策体系"

    def live_members(self):
        members = self.members.select_related("policy").prefetch_related(
            "policy__relations_in__page"
        )
        return [m for m in members if m.policy.live]

    def members_by_role(self):
        """(role label, members) for every role, empty roles included, so "1+6+N" reads right."""
        members = self.live_members()
        return [
            (label, [m for m in members if m.role == role]) for role, label in PackageRole.choices
        ]

    @property
    def member_list(self):
        return [
            {
                "id": m.policy_id,
                "title": m.policy.title,
                "role": m.role,
                "role_label": m.get_role_display(),
                "doc_number": m.policy.doc_number,
                "is_summary": m.policy.is_summary,
            }
            for m in self.live_members()
        ]


class PolicyPackageMember(Orderable):
    package = ParentalKey(PolicyPackagePage, on_delete=models.CASCADE, related_name="members")
    policy = models.ForeignKey(
        "policies.PolicyPage",
        on_delete=models.CASCADE,
        related_name="package_memberships",
        verbose_name="政策文件",
    )
    role = models.CharField("作用", max_length=20, choices=PackageRole.choices)

    panels = [FieldPanel("policy"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "成员文件"
