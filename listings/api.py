"""Wagtail API v2 viewsets that answer bad query strings with 400 and a Chinese message.

Wagtail's API refuses some bad input with an English 400 and lets the rest through to the
database, where ``offset=99999999999999999999``, ``published_date=2020-13-45`` or
``search_operator=xx`` become server errors. These viewsets check every parameter first, with
the site's one parser (``listings.params``), and translate Wagtail's own refusals.
"""

import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.http import Http404
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .converters import MAX_ID
from .params import ParameterError, parse_int, shown

MAX_OFFSET = 100_000
ID_PARAMETERS = {
    "child_of": "上级页面 ID",
    "ancestor_of": "下级页面 ID",
    "descendant_of": "页面 ID",
}
ID_PARAMETERS |= {"translation_of": "页面 ID"}
TRANSLATIONS = [
    (r"query parameter is not an operation or a recognised field: (.*)", "无法识别的查询参数：{0}"),
    (r"offset must be a positive integer", "offset 应为 0 或正整数。"),
    (r"limit must be a positive integer", "limit 应为正整数。"),
    (r"limit cannot be higher than (\d+)", "limit 不能大于 {0}。"),
    (r"cannot order by '(.*)' \(unknown field\)", "不能按“{0}”排序：没有这个字段。"),
    (r"random ordering with offset is not supported", "随机排序时不能使用 offset。"),
    (r"type doesn't exist", "没有这种内容类型。"),
    (r"(parent|ancestor|descendant|translation_of) page doesn't exist", "所指的页面不存在。"),
    (r"(\w+) must be a positive integer", "{0} 应为正整数。"),
    (r"search is disabled", "本接口未开放搜索。"),
    (r"cannot filter by '(.*)' while searching.*", "搜索时不能按“{0}”筛选。"),
    (r"cannot order by '(.*)' while searching.*", "搜索时不能按“{0}”排序。"),
    (r"fields error: (.*)", "fields 参数有误：{0}"),
]


def chinese(message):
    """Wagtail's English refusal in Chinese; an unknown one keeps its text after a Chinese lead."""
    for pattern, template in TRANSLATIONS:
        match = re.fullmatch(pattern, message)
        if match:
            return template.format(*match.groups())
    return f"请求参数无效：{message}"


def _field_problem(field, name, value):
    """Why ``value`` cannot filter by model ``field``, or ""."""
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    try:
        python = field.to_python(value)
    except (ValidationError, ValueError, TypeError):
        return f"参数 {name} 的值“{shown(value)}”无效：{_expected(field)}。"
    if isinstance(field, (models.IntegerField, models.AutoField)) and python is not None:
        low, high = connection.ops.integer_field_range(field.get_internal_type())
        low, high = max(low or -MAX_ID, -MAX_ID), min(high or MAX_ID, MAX_ID)
        if not (value.isascii() and low <= python <= high):
            return f"参数 {name} 的值“{shown(value)}”无效：应为 {low} 到 {high} 之间的整数。"
    return ""


def _expected(field):
    if isinstance(field, models.DateTimeField):
        return "应为 YYYY-MM-DDTHH:MM 格式的时间"
    if isinstance(field, models.DateField):
        return "应为 YYYY-MM-DD 格式的真实日期"
    if isinstance(field, (models.IntegerField, models.AutoField)):
        return "应为整数"
    if isinstance(field, models.DecimalField):
        return "应为数字"
    if isinstance(field, models.BooleanField):
        return "应为 true 或 false"
    return "格式不对"


class ChineseErrorsMixin:
    """Check the query string before Wagtail reads it; every refusal is a Chinese 400."""

    def check_query_parameters(self, queryset):
        params = self.request.GET
        try:
            parse_int(
                params.get("offset"), name="offset", label="offset", minimum=0, maximum=MAX_OFFSET
            )
            parse_int(params.get("limit"), name="limit", label="limit", minimum=1, maximum=MAX_ID)
            for name, label in ID_PARAMETERS.items():
                if name in params:
                    parse_int(params[name], name=name, label=label, minimum=1, maximum=MAX_ID)
        except ParameterError as error:
            raise BadRequestError(error.message) from error
        if params.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator 只能是 and 或 or。")
        super().check_query_parameters(queryset)
        for name, value in params.items():
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if getattr(field, "concrete", False):
                problem = _field_problem(field, name, value)
                if problem:
                    raise BadRequestError(problem)

    def detail_view(self, request, pk):
        if not 1 <= int(pk) <= MAX_ID:
            raise Http404("没有这个编号的内容")
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            message = str(exc)
            if not re.search(r"[\u4e00-\u9fff]", message):
                message = chinese(message)
            return Response({"message": message}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, Http404):
            return Response({"message": "没有找到该内容。"}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)


class SafePagesAPIViewSet(ChineseErrorsMixin, PagesAPIViewSet):
    pass


class SafeImagesAPIViewSet(ChineseErrorsMixin, ImagesAPIViewSet):
    pass


class SafeDocumentsAPIViewSet(ChineseErrorsMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        """Apps leave out files that are not public yet (hook ``gongkai_public_documents``,
        e.g. a draft disclosure's uploads)."""
        from wagtail import hooks

        queryset = super().get_queryset()
        for narrow in hooks.get_hooks("gongkai_public_documents"):
            queryset = narrow(queryset)
        return queryset
