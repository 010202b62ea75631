"""Page forms that keep a 公示's window lawful and its published record honest."""

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

from . import rules, window

NOTICE_WATCHED = ["title", "kind", "publisher", "legal_basis", "body", "list_text", "window_end"]
DRAFT_WATCHED = ["document_title", "draft_text", "explanation"]


def _published(form):
    """The published row of the page being edited, or None for a page never published."""
    instance = form.instance
    if not instance.pk or not instance.first_published_at:
        return None
    return type(instance).objects.filter(pk=instance.pk).first()


def _publishing(form):
    return "action-publish" in form.data


class NoticePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("window_start"), cleaned.get("window_end")
        rule = rules.rule_for(cleaned.get("kind"))
        if start and end:
            for message in window.window_errors(rule, start, end):
                self.add_error("window_end", message)
        published = _published(self)
        if published is None:
            if start and _publishing(self) and start < timezone.localdate():
                self.add_error("window_start", "公示开始日期不能早于发布当天（不得倒签）。")
        else:
            self._guard_published(published, cleaned, start, end)
        today = timezone.localdate()
        if cleaned.get("result") and start and end and today <= end:
            self.add_error("result", "公示期满后才能登记公示结果。")
        return cleaned

    def _guard_published(self, published, cleaned, start, end):
        if start and start != published.window_start:
            self.add_error(
                "window_start",
                "已发布的公示不能修改开始日期（不得倒签）；如需重新公示，请新建一条公示。",
            )
        if end and end < published.window_end:
            self.add_error("window_end", "已发布的公示不能缩短公示期，只能延长。")
        if cleaned.get("kind") and cleaned["kind"] != published.kind:
            self.add_error("kind", "已发布的公示不能更改类别。")
        changed = any(
            field in cleaned and cleaned[field] != getattr(published, field)
            for field in NOTICE_WATCHED
        )
        last = published.corrections.order_by("-number").first()
        note = (cleaned.get("correction_note") or "").strip()
        if changed and (not note or (last and note == last.note)):
            self.add_error(
                "correction_note", "已发布的公示修改后须填写本次更正说明，更正记录将公开显示。"
            )


class ConsultationPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("window_start"), cleaned.get("window_end")
        if start and end:
            reason = cleaned.get("short_reason", "")
            for message in window.window_errors(rules.CONSULTATION, start, end, reason=reason):
                self.add_error("window_end", message.replace("公示期", "征求意见期"))
        published = _published(self)
        if published is not None:
            if start and start != published.window_start:
                self.add_error("window_start", "已发布的意见征集不能修改开始日期。")
            if end and end < published.window_end:
                self.add_error("window_end", "已发布的意见征集不能缩短征求意见期，只能延长。")
            has_comments = published.comments.exists()
            changed = any(
                f in cleaned and cleaned[f] != getattr(published, f) for f in DRAFT_WATCHED
            )
            if has_comments and changed:
                self.add_error(
                    "draft_text",
                    "本稿已收到公众意见，不能直接修改。请新建一稿（修订稿），并在“上一稿”中选择本稿。",
                )
        return cleaned
