"""Whose findings: a village clerk sees the inspection findings about the pages they can edit,
not the whole site's; site managers (and superusers) see every finding, site-wide ones too."""

from wagtail.permission_policies.pages import PagePermissionPolicy

SITE_MANAGER_PERMISSION = "siteidentity.change_siteidentity"


def sees_everything(user):
    return user.is_active and (user.is_superuser or user.has_perm(SITE_MANAGER_PERMISSION))


def findings_for(user, findings):
    """The findings ``user`` may act on, in the given order."""
    if sees_everything(user):
        return list(findings)
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    ids = set(editable.values_list("pk", flat=True))
    return [f for f in findings if f.page is not None and f.page.pk in ids]
