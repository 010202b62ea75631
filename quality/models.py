"""The gate's lists (kept by site managers as snippets, each entry with its source) and the
overrides reviewers record."""

from django.conf import settings
from django.db import models

SOURCE_HELP = "出处：文件名称、文号或网址，说明这一条从何而来。"


class Correction(models.Model):
    """A 严重表述错误: a wrong form of a name or title people actually type, and the right one."""

    wrong = models.CharField("错误写法", max_length=100, unique=True)
    right = models.CharField("正确写法", max_length=100)
    category = models.CharField(
        "类别", max_length=20, help_text="如：国名、地区名称、机构名称、职务名称、领导人姓名。"
    )
    source = models.CharField("出处", max_length=300, help_text=SOURCE_HELP)

    class Meta:
        verbose_name = "严重表述错误"
        verbose_name_plural = "严重表述错误"
        ordering = ["category", "wrong"]

    def __str__(self):
        return f"{self.wrong} → {self.right}"


class ProhibitedWord(models.Model):
    word = models.CharField("禁用词", max_length=100, unique=True)
    advice = models.CharField("说明", max_length=200, blank=True, help_text="如：改称什么。")
    source = models.CharField("出处", max_length=300, help_text=SOURCE_HELP)

    class Meta:
        verbose_name = "禁用词"
        verbose_name_plural = "禁用词"
        ordering = ["word"]

    def __str__(self):
        return self.word


class Confusion(models.Model):
    """A likely typo: shown as a warning, never blocks."""

    wrong = models.CharField("易错写法", max_length=100, unique=True)
    right = models.CharField("正确写法", max_length=100)
    source = models.CharField("出处", max_length=300, help_text=SOURCE_HELP)

    class Meta:
        verbose_name = "易错字词"
        verbose_name_plural = "易错字词"
        ordering = ["wrong"]

    def __str__(self):
        return f"{self.wrong} → {self.right}"


class Override(models.Model):
    """A reviewer let one blocking finding through on one page, and said why."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="页面"
    )
    key = models.CharField("问题标识", max_length=200)
    message = models.CharField("问题", max_length=500)
    reason = models.TextField("理由")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="审核人",
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "放行记录"
        verbose_name_plural = "放行记录"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page_id}: {self.message}"
