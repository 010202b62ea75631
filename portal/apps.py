from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The public way in: the 信息公开与互动 hub, the HTML site map, the open-data page and the
    网站纠错 form with its 3-working-day clock."""

    name = "portal"
    label = "portal"
    verbose_name = "网站入口与纠错"
    default_auto_field = "django.db.models.BigAutoField"
