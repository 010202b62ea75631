from django.apps import AppConfig


class ImportingConfig(AppConfig):
    """The content importer shared by every app: `import_content`, its records and registry."""

    name = "importing"
    label = "importing"
    verbose_name = "内容导入"
