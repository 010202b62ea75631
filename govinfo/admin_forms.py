"""Admin forms: life events as tick boxes."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .models.services import LIFE_EVENT_CHOICES


class ServiceItemForm(WagtailAdminModelForm):
    life_events = forms.MultipleChoiceField(
        label="人生事件",
        choices=LIFE_EVENT_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="读者可按这些人群和事件找到本事项。",
        error_messages={"invalid_choice": "“%(value)s”不是可选的人生事件"},
    )
