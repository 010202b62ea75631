"""政府信息公开指南, built from the bodies, the request rules the forms use, and editable text.

The limits come from ``enquiries.rules`` (the same rule the request form and the letters state),
the ways to receive information from the request form's own choices, the addresses and office
hours from the bodies that handle requests. Fees: 国务院办公厅《政府信息公开信息处理费管理办法》
(国办函〔2020〕109号), per applicant and calendar month, one method per request.
"""

from dataclasses import dataclass

from django.urls import reverse

from enquiries import rules
from enquiries.forms import RequestForm

from .models import Body

FEE_BY_COUNT = [
    ("每月 10 件以内（含）", "免费"),
    ("11–30 件（含）的部分", "每件 100 元"),
    ("30 件以上的部分", "每增加 10 件，每件收费标准提高 100 元"),
]
FEE_BY_PAGES = [
    ("30 页以内（含）", "免费"),
    ("31–100 页（含）的部分", "每页 10 元"),
    ("101–200 页（含）的部分", "每页 20 元"),
    ("200 页以上的部分", "每页 40 元"),
]
FEE_SOURCE = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


@dataclass(frozen=True)
class Limits:
    answer: int
    extension: int
    third_party: int
    supplement: int
    text: str


def request_limits():
    rule = rules.rule_for(rules.REQUEST)
    return Limits(
        answer=rule.limit,
        extension=rule.extension,
        third_party=rule.third_party_pause,
        supplement=rule.supplement_days,
        text=rule.describe(),
    )


def _choice_labels(form, name):
    return [str(label) for value, label in form.fields[name].choices if value]


def guide_context():
    form = RequestForm()
    return {
        "limits": request_limits(),
        "forms": _choice_labels(form, "preferred_form"),
        "deliveries": _choice_labels(form, "delivery"),
        "request_url": reverse("enquiries:ask_request"),
        "status_url": reverse("enquiries:status"),
        "offices": list(Body.objects.filter(handles_requests=True)),
        "fee_by_count": FEE_BY_COUNT,
        "fee_by_pages": FEE_BY_PAGES,
        "fee_source": FEE_SOURCE,
    }
