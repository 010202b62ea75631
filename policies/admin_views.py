"""Admin helpers: interpretation reminders and a paste-and-split preview."""

from django import forms
from django.shortcuts import render
from django.utils import timezone
from wagtail.admin.ui.components import Component

from policies.models import PolicyPage
from policies.structure import outline, split_to_stream
from policies.text import split_policy_text
from policies.text.linebreaks import join_hard_breaks
from workdays.calendar import load_calendar


def overdue_policies(today=None):
    """Live policies still without a live interpretation 3 working days after publication."""
    today = today or timezone.localdate()
    candidates = (
        PolicyPage.objects.live()
        .filter(is_summary=False)
        .exclude(interpretations__live=True)
        .order_by("-published_date")
    )
    calendar = load_calendar()
    return [p for p in candidates if p.interpretation_overdue(today, calendar)]


class OverdueInterpretationsPanel(Component):
    name = "policies_overdue_interpretations"
    order = 90
    template_name = "policies/admin/overdue_panel.html"

    def __init__(self, policies):
        self.policies = policies

    def get_context_data(self, parent_context):
        return {"policies": self.policies[:20], "total": len(self.policies)}


def editable_overdue_policies(user):
    """The overdue policies this user may open in the editor, or None when they may edit no
    policy at all (a village clerk), so the panel is not shown."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    allowed = set(editable.type(PolicyPage).values_list("pk", flat=True))
    if not allowed:
        return None
    return [p for p in overdue_policies() if p.pk in allowed]


SPLIT_PREVIEW_MAX = 200_000  # characters; a long 条例 with annexes is well under this


class SplitPreviewForm(forms.Form):
    text = forms.CharField(
        label="政策全文",
        widget=forms.Textarea(attrs={"rows": 16}),
        max_length=SPLIT_PREVIEW_MAX,
        error_messages={
            "max_length": (
                f"全文过长：预览最多 {SPLIT_PREVIEW_MAX:,} 字，当前 %(show_value)s 字。"
                "请分几段粘贴预览，或拆分为正文和附件。"
            )
        },
    )


def split_preview(request):
    """Paste a policy text and see how it would be split, without saving anything."""
    form = SplitPreviewForm(request.POST or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        text = join_hard_breaks(form.cleaned_data["text"])  # as saving does
        result = split_policy_text(text)
        stream = split_to_stream(text)
        context.update(
            {
                "result": result,
                "entries": outline(stream),
                "article_count": len(result.articles),
                "chapter_count": sum(1 for h in result.headings if h.kind == "chapter"),
            }
        )
    return render(request, "policies/admin/split_preview.html", context)
