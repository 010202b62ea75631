from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Pieces every content app shares: source attribution, the rich-text allow-list, the
    site chrome template tags (`site_chrome`) and the attribution and teaser-list includes."""

    name = "editorial"
    label = "editorial"
    verbose_name = "编辑组件"

    def ready(self):
        from .csvcells import protect_wagtail_exports

        protect_wagtail_exports()
