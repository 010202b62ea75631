from django.apps import AppConfig


class ListingsConfig(AppConfig):
    name = "listings"
    label = "listings"
    verbose_name = "列表参数"

    def ready(self):
        from django.urls import register_converter

        from . import fragments
        from .converters import IdConverter, YearConverter

        register_converter(IdConverter, "id")
        register_converter(YearConverter, "year")
        fragments.connect()
