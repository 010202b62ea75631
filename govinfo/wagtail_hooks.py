"""Admin: the records as snippets (one menu), the dashboard panel, the self-check findings and
the home page's links to the pages an inspector opens first."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_forms import ServiceItemForm
from .admin_views import CataloguePanel, draft_website_report
from .findings import govinfo_findings
from .models import Body, CatalogueItem, ServiceItem, WebsiteReport


class BodyViewSet(SnippetViewSet):
    model = Body
    icon = "group"
    menu_label = "机构与负责人"
    list_display = ["name", "kind", "parent", "last_verified"]
    list_filter = ["kind"]
    search_fields = ["name"]


class CatalogueViewSet(SnippetViewSet):
    model = CatalogueItem
    icon = "list-ul"
    menu_label = "公开目录"
    list_display = ["name", "body", "area", "time_rule"]
    list_filter = ["area", "level", "body"]
    search_fields = ["name"]


class ServiceViewSet(SnippetViewSet):
    model = ServiceItem
    icon = "form"
    menu_label = "办事指南"
    list_display = ["name", "body", "last_verified"]
    search_fields = ["name"]
    edit_handler = ObjectList(ServiceItem.panels, base_form_class=ServiceItemForm)


class WebsiteReportViewSet(SnippetViewSet):
    model = WebsiteReport
    icon = "doc-full"
    menu_label = "网站工作年度报表"
    list_display = ["year", "site_name", Column("status_label", label="状态")]


class GovinfoGroup(SnippetViewSetGroup):
    items = (BodyViewSet, CatalogueViewSet, ServiceViewSet, WebsiteReportViewSet)
    menu_icon = "info-circle"
    menu_label = "政务公开基础信息"
    menu_name = "govinfo"


register_snippet(GovinfoGroup)


@hooks.register("register_admin_urls")
def register_govinfo_admin_urls():
    return [
        path(
            "govinfo/website-report/draft/",
            draft_website_report,
            name="govinfo_draft_website_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_draft_report_menu_item():
    return MenuItem(
        "生成网站工作年度报表", reverse("govinfo_draft_website_report"), icon_name="doc-full",
        order=60,
    )  # fmt: skip


@hooks.register("construct_homepage_panels")
def add_catalogue_panel(request, panels):
    if request.user.has_perm("govinfo.change_catalogueitem"):
        panels.append(CataloguePanel())


@hooks.register("gongkai_inspection_findings")
def inspection_findings(site, today):
    return list(govinfo_findings(site, today))


@hooks.register("register_home_sections")
def inspector_links(home):
    """The home page links each page an inspector opens first (one click)."""
    current = WebsiteReport.objects.filter(published=True).first()
    links = [
        ("政府信息公开指南", reverse("govinfo:guide")),
        ("政府信息公开目录", reverse("govinfo:catalogue")),
        ("机构职能", reverse("govinfo:bodies")),
        ("负责人信息", reverse("govinfo:leaders")),
        ("办事指南", reverse("govinfo:services")),
        (
            f"{current.year}年度网站工作年度报表" if current else "网站工作年度报表",
            reverse("govinfo:website_report"),
        ),
    ]
    return {"govinfo_links": links}
