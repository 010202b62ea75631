"""The site's identity as a Wagtail site setting, and the inspection limits.

``SiteIdentity`` holds what the 《政府网站发展指引》 asks every page's footer to show (主办单位,
承办单位, contact, ICP备案号, 公安机关备案号, 网站标识码, the 党政机关网站标识 and a 纠错 link).
Templates, feeds, JSON-LD and emails read the name from here, never from a literal.
``InspectionLimits`` holds how many days a section may go without an update before the
self-check (``siteidentity.inspection``) reports it, as the 检查指标 set them by default.
"""

import re
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

ICP_LOOKUP_URL = "https://beian.miit.gov.cn/"
PSB_LOOKUP_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"
SITE_CODE_PATTERN = re.compile(r"^[0-9A-Za-z]{10}$")


def validate_site_code(value):
    if value and not SITE_CODE_PATTERN.match(value):
        raise ValidationError("网站标识码应为10位数字或字母，例如 1100000088。")


def validate_report_link(value):
    if value and not value.startswith(("https://", "http://", "mailto:", "/")):
        raise ValidationError("纠错链接应以 https://、http://、mailto: 或 / 开头。")


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """网站标识: the facts of who runs this site, shown in every page's footer."""

    site_name = models.CharField(
        "网站名称", max_length=100, blank=True, help_text="留空时使用系统设置中的网站名称。"
    )
    domain = models.CharField(
        "网站域名",
        max_length=100,
        blank=True,
        help_text="如 www.example.gov.cn，用于页面元数据 SiteDomain；留空时取访问地址。",
    )
    sponsor = models.CharField("主办单位", max_length=200, blank=True)
    organizer = models.CharField("承办单位", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=50, blank=True)
    address = models.CharField("联系地址", max_length=200, blank=True)
    email = models.EmailField("联系邮箱", blank=True)
    icp_number = models.CharField(
        "ICP备案号", max_length=60, blank=True, help_text="如 京ICP备12345678号-1"
    )
    psb_number = models.CharField(
        "公安机关备案号", max_length=60, blank=True, help_text="如 京公网安备11010502030000号"
    )
    site_code = models.CharField(
        "网站标识码", max_length=10, blank=True, validators=[validate_site_code]
    )
    gov_badge = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="党政机关网站标识",
        help_text="机构编制部门核发的标识图片。",
    )
    gov_badge_url = models.URLField(
        "标识查验链接", max_length=300, blank=True, help_text="点击标识时打开的查验页面地址。"
    )
    error_report_url = models.CharField(
        "纠错链接",
        max_length=300,
        blank=True,
        validators=[validate_report_link],
        help_text="“我要纠错”指向的地址；留空时用联系邮箱。",
    )
    is_sample = models.BooleanField(
        "示例数据", default=False, help_text="勾选时页脚注明以上为示例信息（演示站用）。"
    )

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("domain")], heading="网站"),
        MultiFieldPanel(
            [
                FieldPanel("sponsor"),
                FieldPanel("organizer"),
                FieldPanel("phone"),
                FieldPanel("address"),
                FieldPanel("email"),
            ],
            heading="主办与联系",
        ),
        MultiFieldPanel(
            [
                FieldPanel("icp_number"),
                FieldPanel("psb_number"),
                FieldPanel("site_code"),
                FieldPanel("gov_badge"),
                FieldPanel("gov_badge_url"),
            ],
            heading="备案与标识",
        ),
        FieldPanel("error_report_url"),
        FieldPanel("is_sample"),
    ]

    class Meta:
        verbose_name = "网站标识"
        verbose_name_plural = "网站标识"

    def __str__(self):
        return self.name

    @classmethod
    def current(cls, request=None):
        """The identity of the request's site, else of the default site (e-mails, tasks)."""
        if request is not None:
            return cls.for_request(request)
        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site is not None else cls()

    @property
    def name(self):
        return self.site_name or settings.WAGTAIL_SITE_NAME

    @property
    def name_parts(self):
        """("公开", "城乡社区治理信息公开") from "公开 · 城乡社区治理信息公开", for the header."""
        head, _, tail = self.name.partition("·")
        return head.strip(), tail.strip()

    @property
    def publisher(self):
        """The organisation answerable for the content: the 主办单位, else the site."""
        return self.sponsor or self.name

    @property
    def icp_lookup_url(self):
        return ICP_LOOKUP_URL if self.icp_number else ""

    @property
    def psb_code(self):
        return "".join(re.findall(r"\d", self.psb_number))

    @property
    def psb_lookup_url(self):
        code = self.psb_code
        return PSB_LOOKUP_URL.format(code=code) if code else ""

    def report_url(self, page_url=""):
        """Where 我要纠错 goes: the configured link, else an email to the contact address."""
        if self.error_report_url:
            return self.error_report_url
        if self.email:
            subject = quote(f"网站纠错：{page_url}" if page_url else "网站纠错")
            return f"mailto:{self.email}?subject={subject}"
        return ""

    def missing_fields(self):
        """Labels of the footer facts the inspection requires that are still empty."""
        required = ("sponsor", "icp_number", "psb_number", "site_code", "gov_badge")
        missing = [
            f for f in required if not getattr(self, f if f != "gov_badge" else "gov_badge_id")
        ]
        if not (self.phone or self.email):
            missing.append("phone")
        return [str(self._meta.get_field(f).verbose_name) for f in missing]


@register_setting(icon="time")
class InspectionLimits(BaseSiteSetting):
    """栏目更新时限: how long a section may go without an update (检查指标 defaults)."""

    home_days = models.PositiveSmallIntegerField("首页（天）", default=14)
    news_days = models.PositiveSmallIntegerField("动态、要闻类栏目（天）", default=14)
    notice_days = models.PositiveSmallIntegerField("通知公告类栏目（天）", default=183)
    policy_days = models.PositiveSmallIntegerField("政策文件类栏目（天）", default=183)
    other_days = models.PositiveSmallIntegerField("其他栏目（天）", default=365)

    panels = [
        FieldPanel("home_days"),
        FieldPanel("news_days"),
        FieldPanel("notice_days"),
        FieldPanel("policy_days"),
        FieldPanel("other_days"),
    ]

    class Meta:
        verbose_name = "栏目更新时限"
        verbose_name_plural = "栏目更新时限"

    def days_for(self, kind):
        """Days allowed for a section whose ``gov_freshness`` is ``kind``."""
        return {
            "home": self.home_days,
            "news": self.news_days,
            "notice": self.notice_days,
            "policy": self.policy_days,
        }.get(kind, self.other_days)
