"""The gate on every page form: on 提交审核 and 发布, blocking findings become errors beside the
fields they are in; warnings are shown as a message and do not stop anything.

``install_gate`` (called from ``QualityConfig.ready``) gives every page model a form class that
mixes ``QualityGateMixin`` into the form it already had, so page types need no change.
"""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from .attached import attachment_fields, form_document_ids
from .gate import check_fields
from .text import text_fields, value_text

GATED_ACTIONS = ("action-publish", "action-submit")
ATTACHED_HINT = "请改正附件后重新上传，或由审核员在页面顶部“发布前检查”中填写理由放行。"
OVERRIDE_HINT = "确需保留的，请先保存草稿，再由审核员在页面顶部“发布前检查”中填写理由放行。"


class QualityGateMixin:
    quality_warnings = ()

    def gated(self):
        return any(self.data.get(action) for action in GATED_ACTIONS)

    def clean(self):
        cleaned = super().clean()
        if not self.gated():
            return cleaned
        fields = {}
        for name in text_fields(self._meta.model):
            if name in cleaned:
                text = value_text(cleaned[name])
                if text:
                    fields[name] = text
        attached = attachment_fields(form_document_ids(self))
        found = check_fields({**fields, **attached}, self.instance.pk)
        warnings = []
        for name, findings in found.items():
            blocking = [f.message for f in findings if f.blocking]
            warnings += [f.message for f in findings if not f.blocking]
            if blocking and name in attached:
                # an attachment is not a field of the form: the finding names it at the top
                self.add_error(
                    None, f"发布前检查未通过：{name}中{'；'.join(blocking)}。{ATTACHED_HINT}"
                )
            elif blocking:
                self._block(name, blocking)
        self.quality_warnings = warnings
        return cleaned

    def _block(self, name, blocking):
        field = self._meta.model._meta.get_field(name)
        errors = [ValidationError(m) for m in blocking]
        if isinstance(field, StreamField):
            error = StreamBlockValidationError(non_block_errors=errors)
        else:
            error = ValidationError(errors)
        if not self.has_error(name):
            self.add_error(name, error)
        self.add_error(None, f"发布前检查未通过：{'；'.join(blocking)}。{OVERRIDE_HINT}")


def gated_form(form_class):
    if issubclass(form_class, QualityGateMixin):
        return form_class
    return type(f"Gated{form_class.__name__}", (QualityGateMixin, form_class), {})


def install_gate():
    for model in get_page_models():
        base = model.__dict__.get("base_form_class") or getattr(model, "base_form_class", None)
        model.base_form_class = gated_form(base or WagtailAdminPageForm)
