"""Managed classifications shared by policies, news, enquiries and alerts.

The tables keep the names they had in policies (``db_table``), with every row."""

import re

from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class RegionLevel(models.TextChoices):
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "区县"
    TOWN = "town", "街道乡镇"
    VILLAGE = "village", "社区村"


_LEVEL_SUFFIXES = [
    (RegionLevel.PROVINCE, ("台湾地区", "臺灣地區", "台灣地區", "特别行政区", "特別行政區")),
    (RegionLevel.CITY, ("地区", "地區")),
    (RegionLevel.VILLAGE, ("村", "社区", "居委会")),
    (RegionLevel.TOWN, ("街道", "镇", "乡", "鎮", "鄉")),
    (RegionLevel.COUNTY, ("区", "县", "區", "縣", "旗")),
    (RegionLevel.CITY, ("市", "州", "盟")),
    (RegionLevel.PROVINCE, ("省", "自治区", "自治區")),
]


def guess_region_level(name):
    """The administrative level a Chinese place name most likely has, from its suffix."""
    for level, suffixes in _LEVEL_SUFFIXES:
        if name.endswith(suffixes):
            return level
    return RegionLevel.CITY


class Topic(index.Indexed, models.Model):
    """主题分类: a topic shared by policies and case studies."""

    name = models.CharField("名称", max_length=100, unique=True)
    slug = models.SlugField("网址名称", max_length=100, unique=True, allow_unicode=True)
    description = models.TextField("说明", blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        db_table = "policies_topic"
        verbose_name = "主题分类"
        verbose_name_plural = "主题分类"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True) or "topic"
        super().save(*args, **kwargs)


class Region(models.Model):
    """行政区划: a place with its administrative level."""

    name = models.CharField("名称", max_length=100, unique=True)
    level = models.CharField("层级", max_length=20, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, verbose_name="上级区划"
    )

    panels = [FieldPanel("name"), FieldPanel("level"), FieldPanel("parent")]

    class Meta:
        db_table = "policies_region"
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def for_name(cls, name, level=None):
        name = re.sub(r"\s+", "", name or "")
        if not name:
            return None
        region, _ = cls.objects.get_or_create(
            name=name, defaults={"level": level or guess_region_level(name)}
        )
        return region


class IssuingAuthority(models.Model):
    """发文机关: an issuing body with its level and region."""

    name = models.CharField("名称", max_length=200, unique=True)
    level = models.CharField(
        "层级", max_length=20, choices=RegionLevel.choices, default=RegionLevel.CITY
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="所属区划"
    )

    panels = [FieldPanel("name"), FieldPanel("level"), FieldPanel("region")]

    class Meta:
        db_table = "policies_issuingauthority"
        verbose_name = "发文机关"
        verbose_name_plural = "发文机关"
        ordering = ["name"]

    def __str__(self):
        return self.name
