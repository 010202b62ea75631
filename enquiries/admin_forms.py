"""The staff form for answering: checks the Regulations' rules before anything is saved."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from . import clock, rules
from .models import Moderation, Status
from .outcomes import ANSWER, GROUNDS, REQUEST_OUTCOMES


class EnquiryAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        kind = self.instance.kind
        status = cleaned.get("status")
        errors = {}
        if status in (Status.ANSWERED, Status.CLOSED):
            errors.update(self._reply_errors(kind, cleaned))
        if cleaned.get("moderation") == Moderation.APPROVED and kind == rules.REQUEST:
            errors["moderation"] = "政府信息公开申请不公开展示，只统计数量"
        if errors:
            raise ValidationError(errors)
        self._check_clock(kind)
        return cleaned

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

    def _check_clock(self, kind):
        rule = rules.rule_for(kind)
        extensions = self.formsets.get("extensions")
        if extensions is not None:
            kept = [f for f in extensions.forms if f.has_changed() or f.instance.pk]
            kept = [f for f in kept if not f.cleaned_data.get("DELETE")]
            if kept and not rule.extension:
                raise ValidationError(f"{rules.KIND_LABELS[kind]}不能延期")
            if len(kept) > rule.max_extensions:
                raise ValidationError(f"答复期限只能延长 {rule.max_extensions} 次")
        pauses = self.formsets.get("pauses")
        if pauses is not None:
            for form in pauses.forms:
                data = getattr(form, "cleaned_data", {}) or {}
                if data.get("DELETE") or not data.get("kind"):
                    continue
                if data["kind"] == clock.SUPPLEMENT and not rule.supplement_days:
                    raise ValidationError(f"{rules.KIND_LABELS[kind]}没有补正程序")
                if data["kind"] == clock.THIRD_PARTY and not rule.third_party_pause:
                    raise ValidationError(f"{rules.KIND_LABELS[kind]}没有征求第三方意见程序")

    def save(self, commit=True):
        user = self.for_user
        self.instance._actor = user.get_username() if user is not None else ""
        return super().save(commit=commit)
