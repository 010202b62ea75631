from django.apps import AppConfig


class LinkcheckConfig(AppConfig):
    """Checks the links and images of published pages in the background, politely."""

    name = "linkcheck"
    label = "linkcheck"
    verbose_name = "链接检查"
    default_auto_field = "django.db.models.BigAutoField"
