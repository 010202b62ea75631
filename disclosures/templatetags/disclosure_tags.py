"""Filters for disclosure pages: yuan amounts and local date-times in Chinese."""

from django import template
from django.utils import timezone

from ..money import format_amount

register = template.Library()


@register.filter
def yuan(value):
    """1234.5 → 1,234.50 (no currency sign; column headers say 元)."""
    if value in (None, ""):
        return ""
    return format_amount(value)


@register.filter
def cn_datetime(value):
    """An aware datetime as 2024年4月8日 09:30 in the site's time zone."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


@register.filter
def short_hash(value):
    return f"{value[:12]}…{value[-6:]}" if value and len(value) > 20 else value
