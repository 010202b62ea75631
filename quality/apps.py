from django.apps import AppConfig


class QualityConfig(AppConfig):
    """The pre-publish quality gate: 严重表述错误, personal data and prohibited words block."""

    name = "quality"
    label = "quality"
    verbose_name = "发布前检查"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .forms import install_gate
        from .gate import LIST_MODELS, forget_lists

        install_gate()
        for model in LIST_MODELS:
            post_save.connect(forget_lists, sender=model, dispatch_uid=f"quality-{model.__name__}")
            post_delete.connect(
                forget_lists, sender=model, dispatch_uid=f"quality-d-{model.__name__}"
            )
