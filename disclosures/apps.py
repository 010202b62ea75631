from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "disclosures"
    label = "disclosures"
    verbose_name = "村务四务公开"
