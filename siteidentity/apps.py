from django.apps import AppConfig


class SiteIdentityConfig(AppConfig):
    """Who runs the site (主办/承办, 备案, 网站标识码) and the inspection self-check."""

    name = "siteidentity"
    label = "siteidentity"
    verbose_name = "网站标识与自查"
    default_auto_field = "django.db.models.BigAutoField"
