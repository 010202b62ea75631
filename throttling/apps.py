from django.apps import AppConfig


class ThrottlingConfig(AppConfig):
    """Who is asking and how often they may: the client address behind trusted proxies
    (django-ipware, also used by django-axes) and the per-subject limits of the public forms."""

    name = "throttling"
    label = "throttling"
    verbose_name = "访问频率限制"
