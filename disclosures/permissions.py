"""Published disclosures cannot be deleted, unpublished or moved, whoever asks."""

from django.apps import apps
from wagtail.models import PagePermissionTester


def _model(name):
    """A model of this app by name: the models call these helpers (on save, in permission
    checks), so the helpers look the models up in the app registry instead of importing the
    models package back."""
    return apps.get_model("disclosures", name)


def has_published_disclosures(page, inclusive=True):
    """True if the page or any descendant is a disclosure with a published version."""
    DisclosureVersion = _model("DisclosureVersion")  # noqa: N806
    pages = page.get_descendants(inclusive=inclusive)
    return DisclosureVersion.objects.filter(page__in=pages.values("pk")).exists()


class DisclosurePermissionTester(PagePermissionTester):
    """Wagtail's tester, minus delete/unpublish/move once a version has been published."""

    def _protected(self):
        return self.page.pk is not None and has_published_disclosures(self.page)

    def can_delete(self, ignore_bulk=False):
        return not self._protected() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return not self._protected() and super().can_unpublish()

    def can_move(self):
        return not self._protected() and super().can_move()
