"""The home page: one, at the top of the tree, above every section."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from disclosures.models import DisclosureIndexPage
from enquiries.models import AnnualReportPage
from home.models import HomePage
from media.models import PhotoFeatureIndexPage
from news.models import CaseStudyIndexPage, NewsIndexPage
from notices.models import ConsultationIndexPage, NoticeIndexPage
from policies.models import PolicyIndexPage
from specials.models import CollectionIndexPage, CollectionPage

SECTIONS = {
    NewsIndexPage,
    CaseStudyIndexPage,
    PolicyIndexPage,
    PhotoFeatureIndexPage,
    DisclosureIndexPage,
    CollectionIndexPage,
    CollectionPage,
    AnnualReportPage,
    NoticeIndexPage,
    ConsultationIndexPage,
}


class HomePageTypeTests(WagtailPageTestCase):
    def test_home_sits_at_the_root_above_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, SECTIONS | {Page})
        for section in SECTIONS:
            self.assertCanCreateAt(HomePage, section)
        self.assertCanNotCreateAt(NewsIndexPage, HomePage)

    def test_there_is_only_one_home(self):
        root = Page.objects.get(depth=1)
        self.assertEqual(HomePage.objects.count(), 1)
        self.assertFalse(HomePage.can_create_at(root))
