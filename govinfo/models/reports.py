"""政府网站工作年度报表 (国办函〔2018〕12号): generated from the site's data, edited, published."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .bodies import DEMO_HELP

# The eight parts of the prescribed form, in its order: (field, heading).
SECTIONS = [
    ("information", "信息发布"),
    ("columns", "专栏专题"),
    ("interpretation", "解读回应"),
    ("services", "办事服务"),
    ("interaction", "互动交流"),
    ("security", "安全防护"),
    ("mobile", "移动新媒体"),
    ("innovation", "创新发展"),
]
LINES_HELP = "每行一项，写成“项目：数值”，例如“概况类信息更新量：12条”。"


class WebsiteReport(models.Model):
    year = models.PositiveIntegerField(
        "年度", unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2999)]
    )
    site_name = models.CharField("网站名称", max_length=100)
    site_address = models.CharField("首页网址", max_length=200)
    organiser = models.CharField("主办单位", max_length=100)
    site_code = models.CharField("网站标识码", max_length=30, blank=True)
    icp = models.CharField("ICP备案号", max_length=50, blank=True)
    information = models.TextField("信息发布", blank=True, help_text=LINES_HELP)
    columns = models.TextField("专栏专题", blank=True, help_text=LINES_HELP)
    interpretation = models.TextField("解读回应", blank=True, help_text=LINES_HELP)
    services = models.TextField("办事服务", blank=True, help_text=LINES_HELP)
    interaction = models.TextField("互动交流", blank=True, help_text=LINES_HELP)
    security = models.TextField("安全防护", blank=True, help_text=LINES_HELP)
    mobile = models.TextField("移动新媒体", blank=True, help_text=LINES_HELP)
    innovation = models.TextField("创新发展", blank=True, help_text=LINES_HELP)
    published = models.BooleanField("已发布", default=False, help_text="勾选后在网站上公开。")
    published_on = models.DateField("发布日期", null=True, blank=True)
    demo_label = models.CharField("示例标注", max_length=20, blank=True, help_text=DEMO_HELP)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("site_name"), FieldPanel("organiser")]),
        FieldRowPanel([FieldPanel("site_address"), FieldPanel("site_code"), FieldPanel("icp")]),
        MultiFieldPanel([FieldPanel(name) for name, _ in SECTIONS], heading="报表内容"),
        FieldRowPanel([FieldPanel("published"), FieldPanel("published_on")]),
        FieldPanel("demo_label"),
    ]

    class Meta:
        verbose_name = "网站工作年度报表"
        verbose_name_plural = "网站工作年度报表"
        ordering = ["-year"]

    def __str__(self):
        return f"{self.site_name}{self.year}年度政府网站工作年度报表"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.published and not self.published_on:
            raise ValidationError({"published_on": "发布时请填写发布日期"})

    @property
    def status_label(self):
        return f"已发布（{self.published_on:%Y-%m-%d}）" if self.published else "草稿"

    def sections(self):
        """[(heading, [(item, value), …]), …] in the prescribed order."""
        out = []
        for name, heading in SECTIONS:
            rows = []
            for line in (getattr(self, name) or "").splitlines():
                if not line.strip():
                    continue
                item, sep, value = line.replace(":", "：").partition("：")
                rows.append((item.strip(), value.strip() if sep else ""))
            out.append((heading, rows))
        return out
