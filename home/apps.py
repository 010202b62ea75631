from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    verbose_name = "首页"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from listings.fragments import bump

        # A picked policy saved on its own (not with the home page) changes the home fragment.
        from .models import HomeFeaturedPolicy

        post_save.connect(bump, sender=HomeFeaturedPolicy, dispatch_uid="home_featured_saved")
        post_delete.connect(bump, sender=HomeFeaturedPolicy, dispatch_uid="home_featured_gone")
