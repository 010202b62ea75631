from django import forms

from .policy import must_verify  # noqa: F401  (kept close to the forms that enforce it)


class CodeForm(forms.Form):
    otp_token = forms.CharField(
        label="动态验证码",
        max_length=16,
        help_text="打开手机上的身份验证器，输入显示的 6 位数字；手机丢失时可输入一个恢复码。",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": "请输入动态验证码"},
    )

    def clean_otp_token(self):
        return "".join(self.cleaned_data["otp_token"].split())
