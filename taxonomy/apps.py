from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    """Topics, regions and issuing authorities shared by policies, news, enquiries and alerts."""

    name = "taxonomy"
    label = "taxonomy"
    verbose_name = "分类"
