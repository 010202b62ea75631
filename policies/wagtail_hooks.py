"""Admin integration: taxonomy snippets, interpretation reminders, split preview."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from policies.admin_views import OverdueInterpretationsPanel, split_preview
from policies.models import IssuingAuthority, Region, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "主题分类"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = "行政区划"
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name"]


class IssuingAuthorityViewSet(SnippetViewSet):
    model = IssuingAuthority
    icon = "group"
    menu_label = "发文机关"
    list_display = ["name", "level", "region"]
    list_filter = ["level"]
    search_fields = ["name"]


class PolicyTaxonomyGroup(SnippetViewSetGroup):
    menu_label = "政策分类"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (IssuingAuthorityViewSet, TopicViewSet, RegionViewSet)


register_snippet(PolicyTaxonomyGroup)


@hooks.register("construct_homepage_panels")
def add_overdue_interpretations_panel(request, panels):
    panels.append(OverdueInterpretationsPanel())


@hooks.register("register_admin_urls")
def register_split_preview_url():
    return [path("policies/split-preview/", split_preview, name="policies_split_preview")]


@hooks.register("register_admin_menu_item")
def register_split_preview_menu_item():
    return MenuItem(
        "政策全文拆分预览", reverse("policies_split_preview"), icon_name="list-ol", order=310
    )
