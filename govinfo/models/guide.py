"""The editable text of the 政府信息公开指南 (the rest is generated)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

INTRO = (
    "为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。"
    "需要获得本机关政府信息公开服务的公民、法人或者其他组织，建议阅读本指南。"
)
PROACTIVE = (
    "主动公开的政府信息，通过本网站“政府信息公开目录”按领域和机构发布，"
    "并通过政务服务中心查阅点、村（社区）公开栏等渠道公开。"
)
SUPERVISION = (
    "公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，"
    "可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，"
    "也可以依法申请行政复议或者提起行政诉讼。"
)


@register_setting(icon="help")
class GuideText(BaseSiteSetting):
    intro = models.TextField("前言", default=INTRO)
    proactive = models.TextField("主动公开说明", default=PROACTIVE)
    request_notes = models.TextField("依申请公开补充说明", blank=True)
    supervision = models.TextField("监督和救济", default=SUPERVISION)

    panels = [
        FieldPanel("intro"),
        FieldPanel("proactive"),
        FieldPanel("request_notes"),
        FieldPanel("supervision"),
    ]

    class Meta:
        verbose_name = "政府信息公开指南"
        verbose_name_plural = "政府信息公开指南"
