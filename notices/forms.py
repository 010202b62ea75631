"""The public forms: an objection to a 公示, a comment on a draft, a status look-up."""

import re

from django import forms

from .rules import CONSULTATION

HTML_RE = re.compile(r"<\s*[a-zA-Z/!?]|&#?\w+;")
PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
MAX_CHARS = CONSULTATION.comment_max_chars


def _plain_text(value, label):
    value = (value or "").strip()
    if not value:
        raise forms.ValidationError(f"请填写{label}。")
    if len(value) > MAX_CHARS:
        raise forms.ValidationError(f"{label}不能超过 {MAX_CHARS} 字（现有 {len(value)} 字）。")
    if HTML_RE.search(value):
        raise forms.ValidationError(f"{label}不能包含网页代码（HTML 标签），请只填写文字。")
    return value


class _Sender(forms.Form):
    name = forms.CharField(label="姓名", max_length=40, required=False)
    anonymous = forms.BooleanField(label="匿名提交（不公开也不记录姓名）", required=False)
    phone = forms.CharField(
        label="联系电话（不公开，用于查询答复）",
        max_length=20,
        error_messages={"required": "请填写联系电话。", "max_length": "电话号码太长。"},
    )

    def clean_phone(self):
        phone = re.sub(r"\s", "", self.cleaned_data.get("phone", ""))
        if not PHONE_RE.match(phone):
            raise forms.ValidationError("请填写正确的手机号码或座机号码（如 13912345678）。")
        return phone

    def clean_name(self):
        name = (self.cleaned_data.get("name") or "").strip()
        if HTML_RE.search(name):
            raise forms.ValidationError("姓名不能包含网页代码。")
        return name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("anonymous"):
            cleaned["name"] = ""
        elif not cleaned.get("name") and "name" not in self.errors:
            self.add_error("name", "请填写姓名，或选择匿名提交。")
        return cleaned


class ObjectionForm(_Sender):
    content = forms.CharField(
        label="异议内容", widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_CHARS})
    )

    def __init__(self, *args, notice, **kwargs):
        super().__init__(*args, **kwargs)
        self.notice = notice
        if not notice.rule.anonymous_allowed:
            del self.fields["anonymous"]
            self.fields["name"].required = True
            self.fields["name"].error_messages["required"] = "本类公示须实名提出异议，请填写姓名。"

    def clean_content(self):
        return _plain_text(self.cleaned_data.get("content"), "异议内容")


class CommentForm(_Sender):
    article_no = forms.TypedChoiceField(label="针对条款", coerce=int, choices=[])
    content = forms.CharField(
        label="意见或建议", widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_CHARS})
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article_no"].choices = consultation.article_choices()
        self.fields["article_no"].error_messages["invalid_choice"] = (
            "请选择草案中的一条或草案整体。"
        )
        self.fields["phone"].required = False
        self.fields["phone"].label = "联系电话（选填，不公开）"

    def clean_phone(self):
        if not (self.cleaned_data.get("phone") or "").strip():
            return ""
        return super().clean_phone()

    def clean_content(self):
        return _plain_text(self.cleaned_data.get("content"), "意见内容")


class LookupForm(forms.Form):
    number = forms.CharField(label="受理编号", max_length=20)
    phone_tail = forms.CharField(label="联系电话后四位", min_length=4, max_length=4)

    def clean_phone_tail(self):
        tail = self.cleaned_data.get("phone_tail", "")
        if not re.fullmatch(r"[0-9]{4}", tail):
            raise forms.ValidationError("请填写联系电话的后四位数字。")
        return tail
