"""Admin form of the policy page: paste-and-split, document numbers, change notes."""

from wagtail.admin.forms import WagtailAdminPageForm

from policies.structure import split_to_stream
from policies.text.linebreaks import join_hard_breaks
from taxonomy.doc_numbers import canonical_doc_number


def stream_from_text(stream_field, text):
    """A StreamValue for ``stream_field`` built from pasted or imported plain text, its
    fixed-width line breaks joined first (policies.text.linebreaks)."""
    pairs = split_to_stream(join_hard_breaks(text))
    data = [{"type": kind, "value": value} for kind, value in pairs]
    return stream_field.stream_block.to_python(data)


PUBLISH_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-workflow-action",
    "action-restart-workflow",
)


class PolicyPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model checks the change note only when the editor publishes or submits the page
        # for approval (an approver publishes it as it is); drafts may wait.
        self.instance._checking_publish = any(self.data.get(key) for key in PUBLISH_ACTIONS)

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("doc_number")
        if number:
            try:
                cleaned["doc_number"] = canonical_doc_number(number)
            except ValueError as exc:
                self.add_error("doc_number", str(exc))
        pasted = (cleaned.get("paste_text") or "").strip()
        if pasted:
            field = self.instance._meta.get_field("body")
            cleaned["body"] = stream_from_text(field, pasted)
            cleaned["paste_text"] = ""
        if cleaned.get("doc_number") and "doc_number" not in self.errors:
            self.instance.doc_number = cleaned["doc_number"]
            clashes = self.instance.doc_number_conflicts(cleaned.get("issuing_authorities") or [])
            if clashes.exists():
                other = clashes.first()
                self.add_error(
                    "doc_number",
                    f"同一发文机关已有发文字号为“{cleaned['doc_number']}”的文件：《{other.title}》。",
                )
        return cleaned
