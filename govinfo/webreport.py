"""Draft the 政府网站工作年度报表 (国办函〔2018〕12号) for a year from the site's own data.

Figures the site can count (pages published in the year by kind, special collections, service
guides, messages and their answers) are filled in; what only staff know (security checks,
new-media accounts) is marked 待填写 for them to complete in the admin before publishing.
"""

from django.apps import apps
from wagtail.models import Page

from siteidentity.addresses import base_url
from siteidentity.models import SiteIdentity

from .models import Body, CatalogueItem, ServiceItem, WebsiteReport

TO_FILL = "待填写"


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _published(label, year):
    model = _model(label)
    if model is None:
        return 0
    return Page.objects.type(model).filter(first_published_at__year=year).count()


def _lines(pairs):
    return "\n".join(f"{item}：{value}" for item, value in pairs)


def _interaction(year):
    enquiry = _model("enquiries.Enquiry")
    if enquiry is None:
        return [("留言办理", TO_FILL)]
    messages = enquiry.objects.filter(kind="message", received_on__year=year)
    answered = messages.filter(replied_on__isnull=False)
    spans = [(r - q).days for q, r in answered.values_list("received_on", "replied_on")]
    average = f"{sum(spans) / len(spans):.1f}天" if spans else "—"
    requests = enquiry.objects.filter(kind="request", received_on__year=year).count()
    return [
        ("是否使用统一平台", "是（本网站互动交流栏目）"),
        ("收到留言数量", f"{messages.count()}条"),
        ("办结留言数量", f"{answered.count()}条"),
        ("平均办理时间", average),
        ("公开答复数量", f"{answered.filter(allow_public=True).count()}条"),
        ("收到政府信息公开申请", f"{requests}件"),
    ]


def draft_sections(year):
    specials = _model("specials.CollectionPage")
    special_count = Page.objects.type(specials).live().count() if specials else 0
    new_specials = _published("specials.CollectionPage", year) if specials else 0
    return {
        "information": _lines(
            [
                ("概况类信息更新量", f"{Body.objects.filter(last_verified__year=year).count()}条"),
                ("政务动态信息更新量", f"{_published('news.NewsArticlePage', year)}条"),
                ("政策文件发布量", f"{_published('policies.PolicyPage', year)}条"),
                ("村务公开信息发布量", f"{_published('disclosures.DisclosurePage', year)}条"),
                ("信息公开目录事项数", f"{CatalogueItem.objects.count()}项"),
            ]
        ),
        "columns": _lines(
            [("专栏专题维护数量", f"{special_count}个"), ("新开设数量", f"{new_specials}个")]
        ),
        "interpretation": _lines(
            [
                ("解读信息发布总数", f"{_published('policies.PolicyInterpretationPage', year)}条"),
                ("回应公众关注热点或重大舆情数量", TO_FILL),
            ]
        ),
        "services": _lines(
            [
                ("是否发布服务事项目录", "是"),
                ("办事指南事项数量", f"{ServiceItem.objects.count()}项"),
                (
                    "办事指南要素完整的事项数量",
                    f"{sum(not s.missing_fields() for s in ServiceItem.objects.all())}项",
                ),
            ]
        ),
        "interaction": _lines(_interaction(year)),
        "security": _lines(
            [
                ("安全检测评估次数", TO_FILL),
                ("发现问题数量", TO_FILL),
                ("是否建立安全监测预警机制", TO_FILL),
                ("网络日志留存", "不少于6个月（网络安全法第二十一条）"),
            ]
        ),
        "mobile": _lines([("是否有移动新媒体", TO_FILL), ("微信公众号/小程序", TO_FILL)]),
        "innovation": _lines(
            [
                ("搜索即服务", "站内全文搜索，支持错别字纠正和繁体检索"),
                ("多语言版本", "简体、繁体"),
                (
                    "适老化与无障碍",
                    "长者模式（字号不小于18px、操作区不小于60px），无需脚本即可使用",
                ),
                ("开放数据", "只读开放接口"),
            ]
        ),
    }


def draft_report(year, site):
    """Create or refresh the unpublished report of ``year``; a published one is left alone."""
    identity = SiteIdentity.for_site(site)
    report = WebsiteReport.objects.filter(year=year).first()
    if report is not None and report.published:
        return report, False
    report = report or WebsiteReport(year=year)
    report.site_name = identity.name or site.site_name or "本网站"
    # the address the site is served on (the Site row may not be pointed at it yet)
    report.site_address = identity.domain or base_url()
    report.organiser = identity.sponsor or report.site_name
    report.site_code = identity.site_code or ""
    report.icp = identity.icp_number or ""
    for name, text in draft_sections(year).items():
        setattr(report, name, text)
    report.save()
    return report, True
