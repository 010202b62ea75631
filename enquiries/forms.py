"""The public forms: no account, no JavaScript, no CAPTCHA; every message in Chinese."""

import re

from django import forms

from personaldata import identity as idnumbers

from .models import Addressee, Delivery, Form
from .models.addressee import grouped_choices
from .outcomes import APPLICANT_CHOICES, PERSON

TITLE_MAX = 100
BODY_MAX = 3000
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE_RE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
NOT_SURE = "不清楚，由本网站转交"


def group_addressees(form):
    """The addressee select, grouped by kind (政府, 部门, 乡镇, 村)."""
    field = form.fields["department"]
    field.choices = grouped_choices(field.queryset, NOT_SURE)


def text_field(label, max_length, required=True, textarea=False, **attrs):
    widget = forms.Textarea(attrs={"rows": 8, **attrs}) if textarea else forms.TextInput(attrs)
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=widget,
        error_messages={
            "required": f"请填写{label}",
            "max_length": f"{label}不能超过 %(limit_value)d 个字（现有 %(show_value)d 个字）",
        },
    )


def normalise_phone(value):
    value = idnumbers.normalise(value).replace("+86", "")
    return re.sub(r"[()（）]", "", value)


class AskForm(forms.Form):
    """Fields every kind shares, with the honeypot: a field people never see or fill."""

    website = forms.CharField(
        label="网址（请勿填写）",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    asker_name = text_field("姓名", 50, autocomplete="name")
    phone = text_field("手机号码", 20, autocomplete="tel", inputmode="tel")
    email = forms.EmailField(
        label="电子邮箱（选填，每一步进展都会发邮件告知）",
        required=False,
        max_length=100,
        error_messages={"invalid": "电子邮箱格式不正确，例如 name@example.com"},
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError("提交未成功：请不要填写“网址”一栏，清空后再提交")
        return ""

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if not (MOBILE_RE.match(phone) or LANDLINE_RE.match(phone)):
            raise forms.ValidationError(
                "请填写 11 位手机号码，或带区号的固定电话（如 0515-88888888）"
            )
        return phone

    def clean_asker_name(self):
        name = " ".join(self.cleaned_data["asker_name"].split())
        if not name:
            raise forms.ValidationError("请填写姓名")
        return name


class RequestForm(AskForm):
    """政府信息公开申请: what 政府信息公开条例 Art. 29 requires."""

    asker_type = forms.ChoiceField(
        label="申请人类型", choices=APPLICANT_CHOICES, initial=PERSON, widget=forms.RadioSelect
    )
    id_type = forms.ChoiceField(
        label="证件类型",
        choices=idnumbers.PERSON_ID_CHOICES + [idnumbers.ORGANISATION_ID_CHOICES[0]],
        initial=idnumbers.RESIDENT_ID,
    )
    id_number = text_field("证件号码", 30, autocomplete="off")
    contact_person = text_field("联系人（法人或其他组织填写）", 50, required=False)
    address = text_field("通信地址", 200, required=False, autocomplete="street-address")
    postcode = forms.RegexField(
        label="邮政编码",
        regex=r"^\d{6}$",
        required=False,
        error_messages={"invalid": "邮政编码应为 6 位数字"},
    )
    department = forms.ModelChoiceField(
        label="向哪个机关申请",
        queryset=Addressee.objects.for_requests(),
        required=False,
        empty_label=NOT_SURE,
        error_messages={"invalid_choice": "所选机关不存在或已不受理申请，请重新选择"},
    )
    title = text_field("所需信息的名称", TITLE_MAX)
    body = text_field(
        "所需信息的内容描述（文件名称、文号或便于查询的其他特征）", BODY_MAX, textarea=True
    )
    preferred_form = forms.ChoiceField(
        label="获取信息的形式", choices=Form.choices, initial=Form.ELECTRONIC,
        widget=forms.RadioSelect,
    )  # fmt: skip
    delivery = forms.ChoiceField(
        label="获取信息的方式", choices=Delivery.choices, initial=Delivery.ONLINE,
        widget=forms.RadioSelect,
    )  # fmt: skip

    field_order = [
        "asker_type", "asker_name", "contact_person", "id_type", "id_number", "phone",
        "email", "address", "postcode", "department", "title", "body", "preferred_form",
        "delivery", "website",
    ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["asker_name"].label = "姓名或名称"
        self.fields["asker_name"].error_messages["required"] = "请填写姓名（组织填写名称）"
        group_addressees(self)

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("asker_type") == PERSON
        id_type, number = cleaned.get("id_type"), cleaned.get("id_number")
        if id_type and number:
            if not person and id_type == idnumbers.RESIDENT_ID:
                id_type = cleaned["id_type"] = idnumbers.CREDIT_CODE
            if person and id_type == idnumbers.CREDIT_CODE:
                self.add_error("id_type", "自然人请选择个人证件；法人或其他组织请先选择申请人类型")
            problem = idnumbers.id_problem(id_type, number)
            if problem:
                self.add_error("id_number", problem)
            else:
                cleaned["id_number"] = idnumbers.normalise(number)
        if not person and not cleaned.get("contact_person"):
            self.add_error("contact_person", "法人或其他组织请填写联系人")
        if cleaned.get("delivery") == Delivery.POST and not cleaned.get("address"):
            self.add_error("address", "选择邮寄的，请填写通信地址")
        if cleaned.get("delivery") == Delivery.EMAIL and not cleaned.get("email"):
            self.add_error("email", "选择电子邮件获取的，请填写电子邮箱")
        return cleaned


class PublicChoiceMixin(forms.Form):
    allow_public = forms.BooleanField(
        label="同意在网站上公开我的问题和答复（个人信息会被隐去）", required=False, initial=True
    )
    show_name = forms.BooleanField(label="公开时显示我的姓名（不勾选则只显示姓氏）", required=False)


class QuestionForm(AskForm, PublicChoiceMixin):
    """村务质询 on a disclosure, or on one of its items or finance lines."""

    line = forms.ChoiceField(label="质询哪一项", required=False)
    body = text_field("质询内容", BODY_MAX, textarea=True)

    field_order = ["line", "body", "asker_name", "phone", "email", "allow_public", "show_name"]

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].choices = [("", "整篇公开")] + list(lines)
        self.fields["line"].error_messages["invalid_choice"] = "所选的明细行已不存在，请重新选择"


class MessageForm(AskForm, PublicChoiceMixin):
    """咨询留言 to a department."""

    department = forms.ModelChoiceField(
        label="留言给哪个部门",
        queryset=Addressee.objects.for_messages(),
        required=False,
        empty_label=NOT_SURE,
        error_messages={"invalid_choice": "所选部门不存在或已不受理留言，请重新选择"},
    )
    title = text_field("留言标题", TITLE_MAX)
    body = text_field("留言内容", BODY_MAX, textarea=True)

    field_order = [
        "department", "title", "body", "asker_name", "phone", "email", "allow_public",
        "show_name",
    ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group_addressees(self)


class StatusForm(forms.Form):
    """Tracking number plus the last four digits of the phone number."""

    tracking_number = forms.CharField(
        label="查询码", max_length=30, error_messages={"required": "请填写查询码"}
    )
    phone_tail = forms.RegexField(
        label="手机号码后四位",
        regex=r"^[0-9０-９]{4}$",  # a phone keyboard in Chinese mode types full-width digits
        max_length=4,
        error_messages={"required": "请填写手机号码后四位", "invalid": "请填写 4 位数字"},
    )

    def clean_phone_tail(self):
        return idnumbers.normalise(self.cleaned_data["phone_tail"])

    def clean_tracking_number(self):
        return re.sub(r"[^0-9A-Z]", "", idnumbers.normalise(self.cleaned_data["tracking_number"]))
