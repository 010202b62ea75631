"""Admin: the lists as snippets (site managers keep them), 发布前检查 on every page's header,
warnings after a submit or publish, open blocking findings in 网站自查."""

from django.contrib import messages
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import GATED_ACTIONS
from .gate import all_overrides, current_lists, page_findings
from .models import Confusion, Correction, ProhibitedWord
from .views import page_check


class CorrectionViewSet(SnippetViewSet):
    model = Correction
    icon = "warning"
    list_display = ["wrong", "right", "category", "source"]
    search_fields = ["wrong", "right"]


class ProhibitedWordViewSet(SnippetViewSet):
    model = ProhibitedWord
    icon = "warning"
    list_display = ["word", "advice", "source"]
    search_fields = ["word"]


class ConfusionViewSet(SnippetViewSet):
    model = Confusion
    icon = "edit"
    list_display = ["wrong", "right", "source"]
    search_fields = ["wrong", "right"]


class QualityListsGroup(SnippetViewSetGroup):
    menu_label = "发布前检查词表"
    menu_icon = "warning"
    menu_order = 250
    items = (CorrectionViewSet, ProhibitedWordViewSet, ConfusionViewSet)


register_snippet(QualityListsGroup)


@hooks.register("register_admin_urls")
def urls():
    return [path("quality/pages/<int:page_id>/", page_check, name="quality_page_check")]


@hooks.register("register_page_header_buttons")
def check_button(page, user, view_name, next_url=None):
    if page.is_root() or not page.permissions_for_user(user).can_edit():
        return []
    url = reverse("quality_page_check", args=[page.pk])
    return [Button("发布前检查", url, icon_name="warning", priority=68)]


def _warn(request, page):
    if not any(request.POST.get(action) for action in GATED_ACTIONS):
        return
    draft = page.get_latest_revision_as_object()
    for finding in page_findings(draft):
        if not finding.blocking:
            messages.warning(request, finding.message)


hooks.register("after_edit_page", _warn)
hooks.register("after_create_page", _warn)


@hooks.register("gongkai_inspection_findings")
def open_findings(site, today):
    """Live pages whose published text has blocking findings no reviewer let through."""
    lists, overrides = current_lists(), all_overrides()
    pages = Page.objects.live().descendant_of(site.root_page, inclusive=True).specific()
    for page in pages.iterator(chunk_size=200):
        for finding in page_findings(page, lists, overrides.get(page.pk, set())):
            if finding.blocking:
                yield {
                    "severity": "serious",
                    "kind": f"发布前检查：{finding.kind}",
                    "message": finding.message,
                    "page": page,
                }
