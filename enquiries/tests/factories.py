"""Factories for enquiries of every kind, and a valid resident ID number for forms."""

import datetime

import factory

from enquiries import rules
from enquiries.models import Addressee, AddresseeKind, Enquiry
from personaldata.detect import check_digit


def resident_id(first17="32090219800101123"):
    return first17 + check_digit(first17)


class AddresseeFactory(factory.django.DjangoModelFactory):
    """A body that receives requests and messages (受理机关)."""

    name = factory.Sequence(lambda n: f"测试区第{n}局")
    kind = AddresseeKind.DEPARTMENT

    class Meta:
        model = Addressee
        django_get_or_create = ("name",)


class EnquiryFactory(factory.django.DjangoModelFactory):
    kind = rules.REQUEST
    title = "城乡社区发展治理专项资金分配方案"
    body = "申请获取2026年专项资金分配方案。"
    asker_name = "张三丰"
    phone = "13812345678"
    received_on = datetime.date(2026, 3, 2)

    class Meta:
        model = Enquiry


def question_on(disclosure, **fields):
    village = disclosure.get_parent().specific
    return EnquiryFactory(
        kind=rules.QUESTION,
        disclosure=disclosure,
        village=village,
        subject_label=f"{village.title} · {disclosure.title}",
        title=f"对“{disclosure.title}”的质询",
        **fields,
    )
