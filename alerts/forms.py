"""The subscribe form: an address, what to subscribe to, and a field only robots fill in."""

from django import forms
from django.core.validators import EmailValidator

from .models import Subscription
from .targets import QUERY_MAX, TargetError, resolve

EMAIL_MAX = 254


class SubscribeForm(forms.Form):
    email = forms.CharField(
        label="电子邮箱",
        max_length=EMAIL_MAX,
        error_messages={
            "required": "请填写电子邮箱。",
            "max_length": f"电子邮箱过长，最多 {EMAIL_MAX} 个字符。",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    kind = forms.ChoiceField(
        label="订阅类型",
        choices=Subscription.KIND_CHOICES,
        error_messages={"required": "请选择订阅类型。", "invalid_choice": "订阅类型无效。"},
        widget=forms.HiddenInput,
    )
    target = forms.CharField(
        label="订阅内容",
        max_length=QUERY_MAX,
        error_messages={
            "required": "请填写订阅内容。",
            "max_length": f"订阅内容过长，最多 {QUERY_MAX} 个字。",
        },
    )
    # Honeypot: hidden from people by CSS and labelled for screen readers; robots fill it in.
    website = forms.CharField(label="请勿填写此项", required=False, max_length=QUERY_MAX * 2)

    def clean_email(self):
        address = self.cleaned_data["email"].strip()
        try:
            EmailValidator()(address)
        except forms.ValidationError as exc:
            raise forms.ValidationError("电子邮箱格式不正确，例如 zhangsan@example.com。") from exc
        return address.lower()

    def clean(self):
        data = super().clean()
        if "kind" in data and "target" in data:
            try:
                data["resolved"] = resolve(data["kind"], data["target"])
            except TargetError as exc:
                self.add_error("target", str(exc))
        return data

    @property
    def is_robot(self):
        return bool(self.data.get("website"))
