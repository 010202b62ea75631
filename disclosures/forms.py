"""The admin form of a disclosure: publish-time checks with errors on the wrong line or total."""

from wagtail.admin.forms import WagtailAdminPageForm

from . import schedule
from .finance import CLOSING, SUMMARY_FIELDS, TOTAL_EXPENDITURE, TOTAL_INCOME, Line, check_table
from .guards import hidden_problem

PUBLISH_ACTIONS = ("action-publish", "action-submit", "action-workflow-action")
LINE_FIELDS = {"direction": "direction", "amount": "amount", "item": "item", "date": "date"}
TOTAL_FIELDS = {TOTAL_INCOME, TOTAL_EXPENDITURE, CLOSING}


class DisclosurePageForm(WagtailAdminPageForm):
    """Drafts may be incomplete; publishing or submitting for review runs every check."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.versions.exists():
            # A correction needs a fresh reason; the previous one is already on record.
            self.initial["change_reason"] = ""
            self.fields["change_reason"].help_text = "本公开已发布，修改后再次发布必须填写更正原因"

    @property
    def publishing(self):
        return any(self.data.get(action) for action in PUBLISH_ACTIONS)

    def committee_signs(self):
        """Submitting to the village's committee, or acting in its review: the workflow
        records the sign-off, nothing is typed."""
        from .accountability import accountability_of

        village = self.instance.get_parent() if self.instance.pk else self.parent_page
        if accountability_of(village) is None:
            return False
        return bool(self.data.get("action-submit") or self.data.get("action-workflow-action"))

    def direct_publish_problem(self):
        """Publishing without the committee's review: refused but for superusers with a
        sign-off recorded earlier (import, the workflow's last publication)."""
        from .accountability import accountability_of

        village = self.instance.get_parent() if self.instance.pk else self.parent_page
        record = accountability_of(village)
        user = self.for_user
        if record is not None and not (user and user.is_superuser):
            return "请点“提交审核”：须经本村村务监督委员会成员用自己的账号批准后才能发布"
        if not (self.instance.reviewers or "").strip() or not self.instance.review_date:
            return "发布前须经村务监督委员会审核：请点“提交审核”"
        return None

    def clean(self):
        cleaned = super().clean()
        if not self.publishing:
            return cleaned
        if not self.committee_signs():
            problem = self.direct_publish_problem()
            if problem:
                self.add_error(None, problem)
        published = self.instance.pk and self.instance.versions.exists()
        withdrawing = cleaned.get("withdrawn") and not self.instance.withdrawn
        if published and not withdrawing and not (cleaned.get("change_reason") or "").strip():
            self.add_error("change_reason", "该公开已发布过，再次发布须填写更正原因（将公开显示）")
        if cleaned.get("category") == schedule.FINANCE:
            self._check_finance(cleaned)
        hidden = hidden_problem(self.instance)
        if hidden:
            self.add_error(None, hidden)
        return cleaned

    def _line_forms(self):
        formset = self.formsets["finance_lines"]
        if not formset.is_valid():
            return None
        forms = [
            f
            for f in formset.forms
            if f.cleaned_data
            and not formset._should_delete_form(f)
            and (f.instance.pk or f.has_changed())
        ]
        return sorted(forms, key=lambda f: f.cleaned_data.get("ORDER") or 0)

    def _check_finance(self, cleaned):
        missing = False
        for name in SUMMARY_FIELDS:
            if cleaned.get(name) is None:
                self.add_error(name, "财务公开发布前须填写此项")
                missing = True
        forms = self._line_forms()
        if forms is None or missing:
            return
        lines = [
            Line(
                f.cleaned_data["direction"],
                f.cleaned_data["amount"],
                f.cleaned_data["item"],
                f.cleaned_data["date"],
                f.cleaned_data.get("voucher", ""),
                f.cleaned_data.get("counterparty", ""),
            )
            for f in forms
        ]
        period = self._period(cleaned)
        problems = check_table(
            cleaned["opening_balance"],
            lines,
            stated_income=cleaned["total_income"],
            stated_expenditure=cleaned["total_expenditure"],
            stated_closing=cleaned["closing_balance"],
            period_start=period[0],
            period_end=period[1],
        )
        for problem in problems:
            if problem.line is not None:
                forms[problem.line].add_error(LINE_FIELDS.get(problem.column), problem.message)
            elif problem.field in TOTAL_FIELDS:
                self.add_error(problem.field, problem.message)
        if problems:
            self.add_error(
                None, "财务收支表未通过核对，不能发布：" + "；".join(p.message for p in problems)
            )

    @staticmethod
    def _period(cleaned):
        kind = cleaned.get("period_kind")
        if kind == schedule.MATTER or not cleaned.get("period_year"):
            return None, None
        number = 0 if kind == schedule.YEAR else cleaned.get("period_number") or 0
        try:
            return schedule.period_bounds(kind, cleaned["period_year"], number)
        except schedule.PeriodError:
            return None, None
