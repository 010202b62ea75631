"""The inspection self-check finds what the 检查指标 would fail, and nothing once it is fixed."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Site

from govinfo.tests.factories import WebsiteReportFactory
from home.tests.factories import section
from media.tests.factories import credited_image
from news.tests.factories import CaseStudyIndexPageFactory, case_study, news_article
from policies.tests.factories import (
    PolicyInterpretationPageFactory,
    interpretation_page,
    policy_page,
)
from siteidentity.inspection import run_inspection

from .factories import identity

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days_ago(n):
    return TODAY - datetime.timedelta(days=n)


def problems():
    """A small site with the kinds of problem the demo has."""
    identity(gov_badge=credited_image())
    stale = news_article(
        title="旧新闻",
        date=days_ago(30),
        body=[("paragraph", '<p>见<a linktype="page" id="999999">已删除的通知</a></p>')],
    )
    undated = policy_page(title="无日期的文件", published_date=None)
    fresh = policy_page(title="新文件", published_date=days_ago(1))
    interpretation = interpretation_page(fresh, title="新文件解读")
    cases = section(CaseStudyIndexPageFactory, "cases", "典型案例")
    return {"stale": stale, "undated": undated, "cases": cases, "interpretation": interpretation}


def by_kind(findings):
    kinds = {}
    for f in findings:
        kinds.setdefault(f.kind, []).append(f)
    return kinds


def site():
    return Site.objects.get(is_default_site=True)


def test_finds_stale_empty_undated_and_broken(client):
    pages = problems()
    found = by_kind(run_inspection(site(), TODAY))
    stale = {f.page.pk: f.message for f in found["栏目不更新"]}
    assert stale == {
        pages["stale"].get_parent().pk: stale[pages["stale"].get_parent().pk],
    }
    assert "已 30 天未更新（时限 14 天）" in stale[pages["stale"].get_parent().pk]
    assert [f.page.pk for f in found["空白栏目"]] == [pages["cases"].pk]
    assert [f.page.pk for f in found["缺少发布日期"]] == [pages["undated"].pk]
    assert [f.page.pk for f in found["无效链接"]] == [pages["stale"].pk]
    assert all(f.severity == "serious" for f in found["栏目不更新"] + found["空白栏目"])
    assert "网站标识" not in found


def test_limits_are_settings():
    pages = problems()
    from siteidentity.models import InspectionLimits

    limits = InspectionLimits.for_site(site())
    limits.news_days = 60
    limits.save()
    found = by_kind(run_inspection(site(), TODAY))
    assert pages["stale"].get_parent().pk not in [f.page.pk for f in found.get("栏目不更新", [])]


def test_after_fixing_the_problems_nothing_is_found():
    pages = problems()
    stale = pages["stale"]
    stale.date = TODAY
    stale.body = [("paragraph", "<p>已更正。</p>")]
    stale.save_revision().publish()
    undated = pages["undated"]
    undated.published_date = days_ago(2)
    undated.change_note = "补充发布日期"
    undated.save_revision().publish()
    PolicyInterpretationPageFactory(
        parent=undated.get_parent(),
        title="无日期文件解读",
        slug="jiedu-2",
        date=TODAY,
        interprets=undated,
        publish=True,
    )
    case_study(title="新案例", date=days_ago(3))
    WebsiteReportFactory(year=TODAY.year - 1)  # last year's 网站工作年度报表 is on the site
    assert run_inspection(site(), TODAY) == []


def test_other_apps_report_through_the_hook():
    problems()

    def unanswered(site, today):
        return [
            {
                "severity": "serious",
                "kind": "留言未回复",
                "message": "有留言超过3个月未回复。",
                "url": "/hudong/1/",
            }
        ]

    with hooks.register_temporarily("gongkai_inspection_findings", unanswered):
        found = by_kind(run_inspection(site(), TODAY))
    assert found["留言未回复"][0].location == "/hudong/1/"
    assert found["留言未回复"][0].severity_label == "严重"


def test_missing_identity_is_a_finding():
    identity(icp_number="", site_code="")
    found = by_kind(run_inspection(site(), TODAY))
    assert (
        "ICP备案号" in found["网站标识"][0].message and "网站标识码" in found["网站标识"][0].message
    )


def test_report_panel_and_exports(client):
    pages = problems()
    user = get_user_model().objects.create_superuser("检查员", "check@example.org", "x-9Pw-long")
    client.force_login(user)
    html = client.get("/admin/reports/inspection/").content.decode()
    assert "网站自查" in html and "已 30 天未更新" in html
    assert f'href="/admin/pages/{pages["undated"].pk}/edit/"' in html
    csv = b"".join(client.get("/admin/reports/inspection/?export=csv").streaming_content)
    assert "问题类型".encode() in csv and "空白栏目".encode() in csv
    xlsx = client.get("/admin/reports/inspection/?export=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    dashboard = client.get("/admin/").content.decode()
    assert "网站自查：检查指标会发现的问题" in dashboard and "严重" in dashboard


def test_command_prints_and_emails(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    problems()
    out = StringIO()
    call_command("siteidentity_inspect", "--email", "editor@example.org", stdout=out)
    text = out.getvalue()
    assert "[严重] 栏目不更新" in text and "[一般] 缺少发布日期：《无日期的文件》" in text
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["editor@example.org"]
    assert mail.outbox[0].subject.startswith("【网站自查】测试市 · 社区治理公开")
