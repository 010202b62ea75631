"""The annual report (政府信息公开工作年度报告) page: directly below home, with no children."""

from wagtail.test.utils import WagtailPageTestCase

from enquiries.models import AnnualReportPage
from home.models import HomePage
from news.models import NewsIndexPage
from policies.models import PolicyIndexPage


class AnnualReportPageTypeTests(WagtailPageTestCase):
    def test_reports_sit_below_home_only(self):
        self.assertAllowedParentPageTypes(AnnualReportPage, {HomePage})
        self.assertAllowedSubpageTypes(AnnualReportPage, set())
        self.assertCanCreateAt(HomePage, AnnualReportPage)
        self.assertCanNotCreateAt(NewsIndexPage, AnnualReportPage)
        self.assertCanNotCreateAt(PolicyIndexPage, AnnualReportPage)
        self.assertCanNotCreateAt(AnnualReportPage, AnnualReportPage)
