"""Admin guards: published disclosures are never deleted, unpublished, moved away or given an
expiry date (the model-level refusals are in ``guards``)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from .permissions import has_published_disclosures

REFUSAL = (
    "“{title}”含有已发布的四务公开，不能{action}。"
    "如需撤回，请编辑该公开，勾选“撤回此公开”并填写原因后发布。"
)


def _refuse(request, page, action):
    messages.error(request, REFUSAL.format(title=page.get_admin_display_title(), action=action))
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_delete_page")
def refuse_delete(request, page):
    if has_published_disclosures(page):
        return _refuse(request, page, "删除")
    return None


@hooks.register("before_unpublish_page")
def refuse_unpublish(request, page):
    if has_published_disclosures(page):
        return _refuse(request, page, "取消发布")
    return None


@hooks.register("before_move_page")
def refuse_move(request, page, destination):
    if has_published_disclosures(page):
        return _refuse(request, page, "移动")
    return None


@hooks.register("before_edit_page")
def refuse_expiry_above_disclosures(request, page):
    """Pages outside the disclosures tree (the home page) get the same refusal as a message."""
    from .guards import EXPIRY_REFUSED
    from .models.protected import ProtectedTreeMixin

    if request.method != "POST" or isinstance(page.specific_deferred, ProtectedTreeMixin):
        return None  # disclosure pages show the refusal on the expiry field itself
    if request.POST.get("expire_at") and has_published_disclosures(page):
        messages.error(request, EXPIRY_REFUSED)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk(request, action_type, objects, action_class_instance):
    if action_type == "publish":
        return _refuse_unready(request, objects)
    if action_type not in ("delete", "unpublish", "move"):
        return None
    for obj in objects:
        if hasattr(obj, "get_descendants") and has_published_disclosures(obj):
            label = {"delete": "删除", "unpublish": "取消发布", "move": "移动"}[action_type]
            return _refuse(request, obj, label)
    return None


def _refuse_unready(request, objects):
    """Bulk publishing skips the edit form, so run the disclosure checks here."""
    from .models import DisclosurePage

    for obj in objects:
        page = obj.specific if hasattr(obj, "specific") else obj
        if not isinstance(page, DisclosurePage):
            continue
        revision = page.get_latest_revision()
        candidate = revision.as_object() if revision else page
        problems = candidate.publish_problems()
        if problems:
            messages.error(request, f"“{page.title}”不能发布：{'；'.join(problems)}")
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("register_admin_urls")
def register_disclosure_admin_urls():
    from .admin_views import import_finance_csv

    return [
        path(
            "disclosures/<int:page_id>/import-finance-csv/",
            import_finance_csv,
            name="disclosures_import_finance_csv",
        )
    ]


@hooks.register("register_page_header_buttons")
def finance_csv_button(page, user, view_name, next_url=None):
    from .models import DisclosurePage

    if page.specific_class is not DisclosurePage or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        "从 Excel 或 CSV 导入收支明细",
        url=reverse("disclosures_import_finance_csv", args=[page.pk]),
        icon_name="doc-full",
        priority=80,
    )


@hooks.register("gongkai_inspection_findings")
def overdue_disclosure_findings(site, today):
    """The inspection self-check (siteidentity) lists villages whose disclosures are late."""
    from .models import VillagePage

    villages = VillagePage.objects.live().descendant_of(site.root_page)
    for village in villages:
        for status in village.category_status(today):
            if status.overdue.overdue:
                yield {
                    "severity": "warning",
                    "kind": "村务公开逾期",
                    "message": f"{status.label}公开{status.overdue.message}。",
                    "page": village,
                }


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_personal_numbers(request, page):
    """Tell the clerk where an ID, phone or bank number is; publishing masks it."""
    from .models import DisclosurePage
    from .privacy import scan_page

    if page.specific_class is not DisclosurePage:
        return
    draft = page.specific.get_latest_revision_as_object()
    for warning in scan_page(draft):
        messages.warning(request, f"个人信息提示：{warning}。")


@hooks.register("construct_homepage_panels")
def village_duties_panel(request, panels):
    """Clerks and committee members see their own villages' duties first."""
    from .clerk_panel import VillageDutiesPanel, villages_of

    villages = villages_of(request.user)
    if villages:
        panels.append(VillageDutiesPanel(villages))


@hooks.register("before_edit_page")
def explain_why_no_approve(request, page):
    """A member looking at a version they drafted or edited is told why they cannot approve."""
    from .accountability import approval_refusal, is_committee_member

    if request.method != "GET" or not page.workflow_in_progress:
        return None
    if is_committee_member(request.user, page):
        refusal = approval_refusal(page, request.user)
        if refusal and refusal.startswith("这一版由您"):
            messages.warning(request, refusal)
    return None


@hooks.register("before_serve_document")
def refuse_draft_download(document, request):
    """A file uploaded for a draft disclosure is not public until the disclosure is."""
    from .originals import refuse_draft_download as refuse

    refuse(document, request)


@hooks.register("gongkai_public_documents")
def leave_out_draft_files(queryset):
    from .originals import public_documents

    return public_documents(queryset)


@hooks.register("register_collection_sources")
def collection_sources():
    """Disclosures, for 专题 collections (the specials app): they carry none of the facts."""
    from .models import DisclosurePage

    return [
        {"key": "disclosure", "label": "四务公开", "model": DisclosurePage, "order": 60,
         "date_fields": ("matter_date", "period_end")},
    ]  # fmt: skip
