"""Where 公示 and 意见征集 pages may be created."""

from wagtail.test.utils import WagtailPageTestCase

from disclosures.models import CountyPage, TownshipPage, VillagePage
from home.models import HomePage
from notices.models import ConsultationIndexPage, ConsultationPage, NoticeIndexPage, NoticePage


class NoticePageTypeTests(WagtailPageTestCase):
    def test_notices_sit_under_their_list_a_township_or_a_village(self):
        self.assertAllowedParentPageTypes(NoticePage, {NoticeIndexPage, TownshipPage, VillagePage})
        self.assertAllowedParentPageTypes(NoticeIndexPage, {HomePage})
        self.assertCanNotCreateAt(CountyPage, NoticePage)
        self.assertAllowedSubpageTypes(NoticePage, set())

    def test_consultations_sit_under_their_list(self):
        self.assertAllowedParentPageTypes(ConsultationPage, {ConsultationIndexPage})
        self.assertAllowedParentPageTypes(ConsultationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConsultationPage, set())
