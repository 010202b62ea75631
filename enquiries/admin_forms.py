"""The staff form for answering: checks the Regulations' rules before anything is saved.

Every check runs before the first row is written (the form and its inline formsets are saved
together only when all are valid), so bad input gets a Chinese message and nothing half-saved.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from . import clock, rules
from .models import Moderation, Status
from .outcomes import ANSWER, GROUNDS, REQUEST_OUTCOMES


def _live_rows(formset):
    """The rows of an inline formset that will exist after saving, each validated first."""
    if formset is None:
        return []
    formset.is_valid()  # runs each row's own validation, so cleaned_data exists
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if data is None or data.get("DELETE"):
            continue
        if form.instance.pk or form.has_changed():
            rows.append(form)
    return rows


class EnquiryAdminForm(WagtailAdminModelForm):
    received_reason = forms.CharField(
        label="更改收到日期的原因",
        required=False,
        max_length=200,
        help_text="收到日期由系统记录。以邮寄或当面方式更早收到的，可改为实际收到日期，须写明原因（记入办理记录）。",
    )

    def clean(self):
        cleaned = super().clean()
        kind = self.instance.kind
        status = cleaned.get("status")
        errors = {}
        errors.update(self._date_errors(cleaned))
        if status in (Status.ANSWERED, Status.CLOSED):
            errors.update(self._reply_errors(kind, cleaned))
        if cleaned.get("moderation") == Moderation.APPROVED and kind == rules.REQUEST:
            errors["moderation"] = "政府信息公开申请不公开展示，只统计数量"
        if errors:
            raise ValidationError(errors)
        self._check_clock(kind, cleaned)
        return cleaned

    # ---- dates -----------------------------------------------------------------------------

    def _date_errors(self, cleaned):
        """The received date moves only back, with a reason; replies lie between it and today."""
        errors = {}
        today = timezone.localdate()
        received = cleaned.get("received_on")
        stored = self.instance.received_on if self.instance.pk else None
        if received and stored and received != stored:
            filed = timezone.localdate(self.instance.created_at)
            if received > filed:
                errors["received_on"] = (
                    f"收到日期不能晚于系统记录的提交日期 {filed:%Y-%m-%d}，"
                    "只能改为更早的实际收到日期"
                )
            elif not cleaned.get("received_reason", "").strip():
                errors["received_reason"] = "更改收到日期须写明原因（如：邮寄申请，邮戳日期）"
        replied = cleaned.get("replied_on")
        if replied and received and replied < received:
            errors["replied_on"] = f"答复日期不能早于收到日期 {received:%Y-%m-%d}"
        elif replied and replied > today:
            errors["replied_on"] = "答复日期不能晚于今天"
        return errors

    def _reply_errors(self, kind, cleaned):
        errors = {}
        outcome, ground = cleaned.get("outcome"), cleaned.get("ground")
        if not cleaned.get("replied_on"):
            errors["replied_on"] = "答复或终止须填写答复日期"
        if kind == rules.REQUEST:
            if outcome not in REQUEST_OUTCOMES:
                errors["outcome"] = "请选择《政府信息公开条例》规定的答复类型"
            elif outcome in GROUNDS and ground not in dict(GROUNDS[outcome]):
                errors["ground"] = "该答复类型须选择对应的理由"
            if outcome == "withhold" and not cleaned.get("legal_basis", "").strip():
                errors["legal_basis"] = "不予公开须写明法律依据和理由"
            if outcome == "already_public" and not cleaned.get("reply_link"):
                errors["reply_link"] = "已主动公开的，须告知获取该信息的网址"
        elif cleaned.get("status") == Status.ANSWERED:
            if outcome and outcome != ANSWER:
                errors["outcome"] = "质询和留言的答复类型为“答复”"
            if not cleaned.get("reply", "").strip():
                errors["reply"] = "请填写答复内容"
        if kind == rules.QUESTION and cleaned.get("status") == Status.ANSWERED:
            errors.update(self._committee_errors())
        return errors

    def _committee_errors(self):
        """A question is answered only through its village's committee (the village desk)."""
        from .village_desk import answer_is_approved

        stored = type(self.instance).objects.filter(pk=self.instance.pk).first()
        if stored is not None and stored.status == Status.ANSWERED:
            return {}
        if stored is not None and answer_is_approved(stored):
            return {}
        return {
            "status": "村务质询的答复须经村务监督委员会审核：请由本村经办人在“本村村务质询”"
            "中提交答复稿，由监督委员会成员用自己的账号批准后自动答复"
        }

    # ---- the clock: pauses and the extension -------------------------------------------------

    def _check_clock(self, kind, cleaned):
        rule = rules.rule_for(kind)
        received = cleaned.get("received_on") or self.instance.received_on
        pauses = _live_rows(self.formsets.get("pauses"))
        self._check_pauses(rule, kind, received, pauses)
        extensions = _live_rows(self.formsets.get("extensions"))
        if extensions and not rule.extension:
            raise ValidationError(f"{rules.KIND_LABELS[kind]}不能延期")
        if len(extensions) > rule.max_extensions:
            raise ValidationError(
                f"答复期限只能延长 {rule.max_extensions} 次，已有延期记录，不能再次延期"
            )
        for form in extensions:
            self._check_extension(rule, received, pauses, form)

    def _check_pauses(self, rule, kind, received, forms_):
        today = timezone.localdate()
        supplements = 0
        for form in forms_:
            data = form.cleaned_data
            pause_kind, start, end = data.get("kind"), data.get("started_on"), data.get("ended_on")
            if pause_kind == clock.SUPPLEMENT:
                supplements += 1
                if not rule.supplement_days:
                    raise ValidationError(f"{rules.KIND_LABELS[kind]}没有补正程序")
            if pause_kind == clock.THIRD_PARTY and not rule.third_party_pause:
                raise ValidationError(f"{rules.KIND_LABELS[kind]}没有征求第三方意见程序")
            if start and received and start < received:
                form.add_error("started_on", f"开始日期不能早于收到日期 {received:%Y-%m-%d}")
            if start and start > today:
                form.add_error("started_on", "开始日期不能晚于今天")
            if end and end > today:
                form.add_error("ended_on", "结束日期不能晚于今天")
            if pause_kind == clock.THIRD_PARTY and start and end and end >= start:
                used = clock.default_calendar().working_days_between(start, end)
                if used > rule.third_party_pause:
                    form.add_error(
                        "ended_on",
                        f"征求第三方意见不计入期限的时间最长 {rule.third_party_pause} 个工作日，"
                        f"所填期间共 {used} 个工作日",
                    )
        if supplements > 1:
            raise ValidationError("补正只能一次性告知：已有补正记录，不能再次要求补正")
        if any(f.errors for f in forms_):
            raise ValidationError("计时暂停的日期有误，请按提示修改")

    def _check_extension(self, rule, received, pauses, form):
        data = form.cleaned_data
        days = data.get("days") or 0
        if days > rule.extension:
            form.add_error("days", f"延长的期限最长 {rule.extension} 个工作日")
        decided, notice = data.get("decided_on"), data.get("notice_sent_on")
        today = timezone.localdate()
        if decided and received and decided < received:
            form.add_error("decided_on", f"批准日期不能早于收到日期 {received:%Y-%m-%d}")
        if decided and decided > today:
            form.add_error("decided_on", "批准日期不能晚于今天")
        if notice and decided and notice < decided:
            form.add_error("notice_sent_on", "书面告知日期不能早于批准日期")
        if notice and notice > today:
            form.add_error("notice_sent_on", "书面告知日期不能晚于今天")
        stops = [
            clock.Pause(
                p.cleaned_data["kind"], p.cleaned_data["started_on"], p.cleaned_data["ended_on"]
            )
            for p in pauses
            if p.cleaned_data.get("kind") and p.cleaned_data.get("started_on")
        ]
        original = clock.due_date(rule, received, stops) if received else None
        if decided and original and decided > original and not form.instance.pk:
            form.add_error(
                "decided_on",
                f"延期须在原答复期限 {original:%Y-%m-%d} 届满前决定并告知申请人",
            )
        if form.errors:
            raise ValidationError("延期答复的内容有误，请按提示修改")

    def save(self, commit=True):
        user = self.for_user
        self.instance._actor = user.get_username() if user is not None else ""
        self.instance._received_reason = self.cleaned_data.get("received_reason", "").strip()
        return super().save(commit=commit)
