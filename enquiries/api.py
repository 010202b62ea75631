"""Wagtail API v2 endpoint /api/v2/answers/: the public questions and messages with their replies.

Only what ``Enquiry.objects.public()`` holds (villager questions and public messages that the
asker allowed, staff answered and approved), and only the masked copies that /hudong/ shows: the
asker's name masked unless they agreed, ID numbers, phones, e-mail and house numbers masked in
the text. Requests are never listed; the listing's ``meta.requests`` gives only their counts.

Filters: ``kind`` (question or message), ``village`` and ``department`` (ids), ``q`` (words in the
masked text); ``limit`` and ``offset`` as on every endpoint. A bad value is a Chinese 400.
"""

import re

from django.db.models import Q
from django.urls import path, reverse
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from wagtail.api import APIField
from wagtail.api.utils import get_full_url
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from listings.api import MAX_OFFSET, ChineseErrorsMixin
from listings.converters import MAX_ID
from listings.params import ParameterError, clean_text, parse_int, shown

from . import rules
from .models import Enquiry
from .views.public import request_counts

PUBLIC_KINDS = {rules.QUESTION: "村务质询", rules.MESSAGE: "咨询留言"}
FILTERS = ["kind", "village", "department"]
ID_FILTERS = {"village": "村（社区）编号 village", "department": "部门编号 department"}
QUERY_MAX = 50
WORDS_MAX = 5


class HtmlUrlField(serializers.Field):
    """The item's page under /hudong/wenda/, on the site's public address."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, item):
        path = reverse("enquiries:qa_detail", args=[item.pk])
        return get_full_url(self.context["request"], path)


def _page_link(page):
    if page is None or not page.live:
        return None
    return {"id": page.pk, "title": page.title, "html_url": page.full_url}


class PageLinkField(serializers.Field):
    """A village or disclosure: id, title and its page's address (null once unpublished)."""

    def to_representation(self, page):
        return _page_link(page)


class DepartmentField(serializers.Field):
    def to_representation(self, department):
        return {"id": department.pk, "name": str(department)}


def _text(source):
    return serializers.CharField(source=source, read_only=True)


ANSWER_FIELDS = [
    APIField("kind"),
    APIField("kind_label", serializer=_text("get_kind_display")),
    APIField("title", serializer=_text("public_title")),
    APIField("asker", serializer=_text("public_name")),
    APIField("question", serializer=_text("public_body")),
    APIField("received_on"),
    APIField("reply", serializer=_text("public_reply")),
    APIField("replied_on"),
    APIField("answered_by"),
    APIField("reviewers"),
    APIField("reviewed_on"),
    APIField("subject", serializer=_text("subject_label")),
    APIField("village", serializer=PageLinkField()),
    APIField("disclosure", serializer=PageLinkField()),
    APIField("department", serializer=DepartmentField()),
    APIField("demo_label"),
]


HTML_URL = APIField("html_url", serializer=HtmlUrlField(read_only=True))


class ChosenFilter(BaseFilterBackend):
    """``kind``, ``village`` and ``department``, checked by the view; a blank value means all."""

    def filter_queryset(self, request, queryset, view):
        kind = request.GET.get("kind", "").strip()
        if kind:
            queryset = queryset.filter(kind=kind)
        for name in ID_FILTERS:
            number = _id_parameter(request, name)
            if number is not None:
                queryset = queryset.filter(**{f"{name}_id": number})
        return queryset


def _id_parameter(request, name):
    """The id in parameter ``name`` (ASCII digits only), None when blank; else a Chinese 400."""
    try:
        return parse_int(
            request.GET.get(name), name=name, label=ID_FILTERS[name], minimum=1, maximum=MAX_ID
        )
    except ParameterError as error:
        raise BadRequestError(error.message) from error


class WordsFilter(BaseFilterBackend):
    """``q``: every word (at most five) in the masked title, question or reply."""

    def filter_queryset(self, request, queryset, view):
        query = clean_text(request.GET.get("q"), limit=QUERY_MAX)
        for word in query.split()[:WORDS_MAX]:
            queryset = queryset.filter(
                Q(public_title__icontains=word)
                | Q(public_body__icontains=word)
                | Q(public_reply__icontains=word)
            )
        return queryset


class PublicAnswersAPIViewSet(ChineseErrorsMixin, BaseAPIViewSet):
    name = "answers"
    model = Enquiry
    filter_backends = [ChosenFilter, WordsFilter]
    renderer_classes = [JSONRenderer]  # JSON only, no browsable HTML API
    known_query_parameters = frozenset(["limit", "offset", "fields", "q", "format", "_"])

    def get_queryset(self):
        items = Enquiry.objects.public().select_related("village", "disclosure", "department")
        return items.order_by("-replied_on", "-pk")

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(["id", *ANSWER_FIELDS])

    @classmethod
    def get_meta_fields(cls, model):
        return [*cls._convert_api_fields(["type", "detail_url"]), HTML_URL]

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        """Every field can be shown; only ``kind``, ``village`` and ``department`` filter."""
        if db_fields_only:
            return list(FILTERS)
        return super().get_available_fields(model)

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.get_available_fields(model)

    def check_query_parameters(self, queryset):
        """The site's one parser for every number; blank filters mean all; nothing unknown."""
        params = self.request.GET
        kind = params.get("kind", "").strip()
        if kind and kind not in PUBLIC_KINDS:
            raise BadRequestError(
                f"类型“{shown(kind)}”无效：只能是 question（村务质询）或 message（咨询留言）。"
                "政府信息公开申请的内容不公开，只公开件数（见 meta.requests）。"
            )
        for name in ID_FILTERS:
            _id_parameter(self.request, name)
        try:
            parse_int(
                params.get("offset"), name="offset", label="offset", minimum=0, maximum=MAX_OFFSET
            )
            parse_int(params.get("limit"), name="limit", label="limit", minimum=1, maximum=MAX_ID)
        except ParameterError as error:
            raise BadRequestError(error.message) from error
        BaseAPIViewSet.check_query_parameters(self, queryset)  # unknown parameters

    def listing_view(self, request):
        response = super().listing_view(request)
        response.data["meta"]["requests"] = request_counts()
        return response

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            match = re.fullmatch(r"unknown fields: (.*)", str(exc))
            if match:
                exc = BadRequestError(f"fields 参数有误：没有这些字段：{match[1]}")
        return super().handle_exception(exc)

    @classmethod
    def get_urlpatterns(cls):
        """The listing and one item; no ``find/`` (it would take an unchecked id)."""
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),  # JSON 404s
        ]


def register_endpoints(router):
    router.register_endpoint("answers", PublicAnswersAPIViewSet)
