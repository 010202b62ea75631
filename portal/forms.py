"""The public 纠错 form: no account, no JavaScript; every message in Chinese."""

import re
from urllib.parse import urlsplit

from django import forms

from .models import ErrorKind

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # keeps line breaks


class CorrectionForm(forms.Form):
    page_url = forms.CharField(
        label="出错的网页（网址或栏目名称）",
        max_length=500,
        error_messages={
            "required": "请填写出错的网页，例如网址或栏目名称",
            "max_length": "网页地址不能超过 %(limit_value)d 个字符",
        },
    )
    kind = forms.ChoiceField(
        label="问题类型",
        choices=ErrorKind.choices,
        initial=ErrorKind.TYPO,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择问题类型", "invalid_choice": "请从列出的问题类型中选择"},
    )
    description = forms.CharField(
        label="问题描述（哪里错了，应该是什么）",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "请描述发现的问题",
            "max_length": "问题描述不能超过 %(limit_value)d 个字（现有 %(show_value)d 个字）",
        },
    )
    contact_name = forms.CharField(label="您的称呼（选填）", max_length=50, required=False)
    contact = forms.CharField(
        label="手机或电子邮箱（选填，需要回复时填写）",
        max_length=100,
        required=False,
        error_messages={"max_length": "联系方式不能超过 %(limit_value)d 个字符"},
    )
    website = forms.CharField(
        label="网址（请勿填写）",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError("提交未成功：请不要填写“网址”一栏，清空后再提交")
        return ""

    def clean_page_url(self):
        value = CONTROL.sub("", self.cleaned_data["page_url"]).strip()
        if not value:
            raise forms.ValidationError("请填写出错的网页，例如网址或栏目名称")
        parts = urlsplit(value)
        if parts.scheme and parts.scheme not in ("http", "https"):
            raise forms.ValidationError("请填写本网站的网页地址（以 http 或 / 开头）或栏目名称")
        return value

    def clean_description(self):
        value = CONTROL_IN_TEXT.sub(" ", self.cleaned_data["description"]).strip()
        if len(value) < 2:
            raise forms.ValidationError("请描述发现的问题")
        return value
