"""What every page of the disclosure tree shares: the protection of published disclosures
below it, and the demo-data label."""

from django.core.exceptions import ValidationError
from django.db import models

DEMO_HELP = "填写后在页面显著位置提示，例如“示例数据”。示例数据不得当作真实数据展示。"


def demo_label_field():
    return models.CharField("示例数据标注", max_length=100, blank=True, help_text=DEMO_HELP)


class ProtectedTreeMixin:
    """Pages that hold published disclosures cannot be deleted, unpublished, moved, made
    private or given an expiry date."""

    def permissions_for_user(self, user):
        from ..permissions import DisclosurePermissionTester

        return DisclosurePermissionTester(user, self)

    @property
    def private_page_options(self):
        """No privacy choice (the admin shows why) once a published disclosure is below."""
        from ..guards import privacy_refusal

        return [] if privacy_refusal(self) else ["password", "groups", "login"]

    def clean(self):
        from ..guards import expiry_refusal

        super().clean()
        message = expiry_refusal(self)
        if message:
            raise ValidationError({"expire_at": message})
