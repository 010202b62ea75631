from django.apps import AppConfig


class SecondFactorConfig(AppConfig):
    name = "secondfactor"
    verbose_name = "两步验证"
