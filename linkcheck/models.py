"""Every link and image found on published pages, and the last check of each address."""

import hashlib

from django.db import models


class Outcome(models.TextChoices):
    PENDING = "pending", "待检查"
    OK = "ok", "正常"
    DEAD = "dead", "无法访问"
    REFUSED = "refused", "拒绝访问（内网或本机地址）"
    SKIPPED = "skipped", "按 robots.txt 未检查"


class Link(models.Model):
    url = models.TextField("地址")
    url_hash = models.CharField(max_length=64, unique=True, editable=False)
    external = models.BooleanField("站外链接", default=True)
    image = models.BooleanField("图片", default=False)
    on_home_page = models.BooleanField("首页链接", default=False)
    outcome = models.CharField("结果", max_length=10, choices=Outcome.choices, default="pending")
    status_code = models.PositiveSmallIntegerField("状态码", null=True, blank=True)
    message = models.CharField("说明", max_length=300, blank=True)
    checked_at = models.DateTimeField("检查时间", null=True, blank=True)
    failures = models.PositiveSmallIntegerField("连续失败次数", default=0)

    class Meta:
        verbose_name = "链接"
        verbose_name_plural = "链接"
        indexes = [models.Index(fields=["on_home_page", "checked_at"])]

    def __str__(self):
        return self.url

    @staticmethod
    def hash_of(url):
        return hashlib.sha256(url.encode("utf-8")).hexdigest()


class LinkUse(models.Model):
    """A page on which the link or image appears (the page to fix)."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="uses")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="页面"
    )

    class Meta:
        verbose_name = "链接所在页面"
        verbose_name_plural = "链接所在页面"
        constraints = [models.UniqueConstraint(fields=["link", "page"], name="linkcheck_use")]

    def __str__(self):
        return f"{self.page_id}：{self.link_id}"
