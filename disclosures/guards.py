"""Published disclosures stay public: whatever would hide one is refused at the model level.

Every route that takes a page offline ends in one of two saves: the page saved with
``live=False`` or an ``expire_at`` (unpublish, scheduled expiry, bulk actions, the admin API,
code), or a ``PageViewRestriction`` saved on the page or an ancestor (privacy). Both are
refused here for a page that is, or is above, a disclosure with a published version. The admin
hooks in ``wagtail_hooks`` say the same thing earlier, with a message instead of an error.
Withdrawal is a publication (the page stays live with its public reason), so it is untouched.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError

from .permissions import has_published_disclosures


def _model(name):
    """A model of this app by name: the models call these helpers (on save, in permission
    checks), so the helpers look the models up in the app registry instead of importing the
    models package back."""
    return apps.get_model("disclosures", name)


WHY = "已发布的四务公开必须始终对所有人可见，任何人都不能悄悄隐藏。"
HOW = "如需撤回，请编辑该公开，勾选“撤回此公开”并填写原因后发布，撤回原因会公开显示。"
PRIVACY_REFUSED = "“{title}”含有已发布的四务公开（或位于其上级），不能设置访问限制。" + WHY + HOW
EXPIRY_REFUSED = "含有已发布四务公开的页面不能设置下线时间。" + WHY + HOW
OFFLINE_REFUSED = "“{title}”含有已发布的四务公开，不能下线。" + WHY + HOW


def privacy_refusal(page):
    """The Chinese reason a view restriction on ``page`` is refused, or "" when allowed."""
    DisclosurePage = _model("DisclosurePage")  # noqa: N806

    if page is None or page.pk is None:
        return ""
    if not isinstance(page.specific_deferred, DisclosurePage) and not has_published_disclosures(
        page
    ):
        return ""
    return PRIVACY_REFUSED.format(title=page.title)


def refuse_view_restriction(sender, instance, **kwargs):
    """pre_save of PageViewRestriction."""
    if kwargs.get("raw"):
        return
    message = privacy_refusal(instance.page)
    if message:
        raise PermissionDenied(message)


def _was_live(page):
    return type(page).objects.filter(pk=page.pk, live=True).exists()


def refuse_going_offline(sender, instance, **kwargs):
    """pre_save of every page: no expiry date, no live → not live, above a published disclosure."""
    from wagtail.models import Page

    if kwargs.get("raw") or not isinstance(instance, Page):
        return
    message = expiry_refusal(instance)
    if message:
        raise ValidationError({"expire_at": message})
    if instance.pk is None or instance.live or not _was_live(instance):
        return
    if has_published_disclosures(instance):
        raise ValidationError({"live": OFFLINE_REFUSED.format(title=instance.title)})


def expiry_refusal(page):
    """Why ``page`` may not have its expiry date, or "" (a disclosure never has one)."""
    DisclosurePage = _model("DisclosurePage")  # noqa: N806

    if not page.expire_at:
        return ""
    if isinstance(page, DisclosurePage):
        return EXPIRY_REFUSED
    if page.pk is not None and has_published_disclosures(page):
        return EXPIRY_REFUSED
    return ""


def hidden_problem(page):
    """Why publishing ``page`` now would not make it public, or ""."""
    if page.pk is not None and page.get_view_restrictions().exists():
        return "此公开或其上级页面设置了访问限制，发布后公众看不到。请先取消访问限制再发布。"
    return ""


def visibility_problems(page):
    """What keeps a disclosure with published versions from the public, in Chinese."""
    problems = []
    if not page.live:
        problems.append("页面已下线（未处于发布状态）")
    if page.expire_at:
        problems.append(f"设置了下线时间 {page.expire_at:%Y-%m-%d %H:%M}")
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        if not ancestor.live:
            problems.append(f"上级页面“{ancestor.title}”已下线")
        if ancestor.expire_at:
            problems.append(f"上级页面“{ancestor.title}”设置了下线时间")
    for restriction in page.get_view_restrictions().select_related("page"):
        where = "本页" if restriction.page_id == page.pk else f"上级页面“{restriction.page.title}”"
        problems.append(f"{where}设置了访问限制（{restriction.get_restriction_type_display()}）")
    return problems
