"""The admin form of the photo feature page."""

from wagtail.admin.forms import WagtailAdminPageForm


class PhotoFeatureForm(WagtailAdminPageForm):
    """A photo feature: every photo must name its own photographer (摄影者)."""

    MISSING_CREDIT = (
        "这张图片没有摄影者署名。请先在图片库中为它填写“摄影”，每张图片都要有自己的署名。"
    )

    def is_valid(self):
        """The photos' formset is cleaned after the page form, so check the credits here."""
        valid = super().is_valid()
        formset = self.formsets.get("photos")
        for form in formset.forms if formset is not None else []:
            data = getattr(form, "cleaned_data", None) or {}
            image = data.get("image")
            if not data.get("DELETE") and image is not None and not (image.credit or "").strip():
                form.add_error("image", self.MISSING_CREDIT)
                valid = False
        return valid
