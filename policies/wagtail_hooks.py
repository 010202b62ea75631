"""Admin integration: interpretation reminders, split preview."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from policies.admin_views import (
    OverdueInterpretationsPanel,
    editable_overdue_policies,
    split_preview,
)
from policies.models import PolicyPage

HOME_COUNT = 6


@hooks.register("construct_homepage_panels")
def add_overdue_interpretations_panel(request, panels):
    """Only to people who may edit policies, listing only those they may open."""
    policies = editable_overdue_policies(request.user)
    if policies is not None:
        panels.append(OverdueInterpretationsPanel(policies))


@hooks.register("register_admin_urls")
def register_split_preview_url():
    return [path("policies/split-preview/", split_preview, name="policies_split_preview")]


@hooks.register("register_admin_menu_item")
def register_split_preview_menu_item():
    return MenuItem(
        "政策全文拆分预览", reverse("policies_split_preview"), icon_name="list-ol", order=310
    )


@hooks.register("gongkai_inspection_findings")
def overdue_interpretation_findings(site, today):
    """The inspection self-check (siteidentity) lists policies still without an interpretation."""
    from policies.admin_views import overdue_policies

    for policy in overdue_policies(today):
        if not policy.path.startswith(site.root_page.path):
            continue
        yield {
            "severity": "warning",
            "kind": "解读逾期",
            "message": f"发布已超过{policy.interpretation_deadline:%Y年%-m月%-d日}的解读期限，"
            "仍没有政策解读（三同步）。",
            "page": policy,
        }


@hooks.register("register_home_sections")
def featured_policies(home):
    """The policies the editor picked on the home page, else the newest ones."""
    items = list(home.featured_policies.all())
    found = Page.objects.filter(pk__in=[item.page_id for item in items]).live().specific()
    pages = {page.pk: page for page in found}  # two queries however many were picked
    featured = [pages[item.page_id] for item in items if item.page_id in pages]
    if not featured:
        newest = PolicyPage.objects.live().public().defer_streamfields().defer("paste_text")
        newest = newest.order_by("-published_date", "-pk")
        featured = list(newest[:HOME_COUNT])
    return {"featured_policies": featured}


@hooks.register("register_normative_documents")
def normative_policies(year):
    """[制发, 废止, 现行有效] of the live policies in the year, for the annual report of
    government information (enquiries)."""
    from .normative import count_normative

    return count_normative(PolicyPage.objects.live(), year)


@hooks.register("register_section_feeds")
def section_feeds():
    """The feed policies/urls.py serves, linked from every page after the news feed."""
    return [
        {"name": "policies", "title": "最新政策", "url": "policies:feed", "site_wide": 2,
         "pages": ("policypage", "policyindexpage")},
    ]  # fmt: skip


@hooks.register("register_collection_sources")
def collection_sources():
    """Policies and interpretations, for 专题 collections (the specials app)."""
    from policies.models import PolicyInterpretationPage

    return [
        {"key": "policy", "label": "政策文件", "model": PolicyPage, "order": 10,
         "date_fields": ("published_date", "written_date"), "topics": "topics",
         "authorities": "issuing_authorities", "region": "region__name", "validity": "pk",
         "package": "package_memberships__package_id",
         "listing_relations": ("issuing_authorities",)},
        {"key": "interpretation", "label": "政策解读", "model": PolicyInterpretationPage,
         "order": 20, "date_fields": ("date",), "topics": "interprets__topics",
         "authorities": "interprets__issuing_authorities", "region": "interprets__region__name",
         "validity": "interprets", "package": "interprets__package_memberships__package_id",
         "listing_relations": ("interprets",)},
    ]  # fmt: skip
