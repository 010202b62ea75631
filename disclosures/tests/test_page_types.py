"""The disclosure tree: index → county → township → village → disclosure, and nothing else."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from disclosures.models import (
    CountyPage,
    DisclosureIndexPage,
    DisclosurePage,
    TownshipPage,
    VillagePage,
)
from disclosures.tests.factories import (
    CountyPageFactory,
    DisclosureIndexPageFactory,
    TownshipPageFactory,
    VillagePageFactory,
)
from home.models import HomePage
from news.models import NewsIndexPage
from notices.models import NoticePage

TREE = [HomePage, DisclosureIndexPage, CountyPage, TownshipPage, VillagePage, DisclosurePage]


class DisclosurePageTypeTests(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get()
        self.login()

    def test_each_level_sits_only_below_the_one_above(self):
        for parent, child in zip(TREE, TREE[1:], strict=False):
            self.assertAllowedParentPageTypes(child, {parent})
            self.assertCanCreateAt(parent, child)
        for parent, child in zip(TREE[1:-1], TREE[2:], strict=False):
            notices = {NoticePage} if parent in (TownshipPage, VillagePage) else set()
            self.assertAllowedSubpageTypes(
                parent, {child} | notices
            )  # 公示 of the township/village
        self.assertAllowedSubpageTypes(DisclosurePage, set())
        self.assertCanNotCreateAt(HomePage, VillagePage)
        self.assertCanNotCreateAt(CountyPage, VillagePage)
        self.assertCanNotCreateAt(TownshipPage, DisclosurePage)
        self.assertCanNotCreateAt(NewsIndexPage, DisclosurePage)

    def test_editor_builds_the_tree_down_to_a_village(self):
        self.assertCanCreate(
            self.home, DisclosureIndexPage, nested_form_data({"title": "四务公开", "slug": "siwu"})
        )
        index = DisclosureIndexPage.objects.get()
        self.assertCanCreate(index, CountyPage, nested_form_data({"title": "亭湖区", "slug": "t"}))
        county = CountyPage.objects.get()
        township = nested_form_data({"title": "新洋街道", "slug": "x", "kind": "街道"})
        self.assertCanCreate(county, TownshipPage, township)
        village = nested_form_data(
            {
                "title": "圩洋村",
                "slug": "weiyang",
                "kind": "村",
                "finance_interval": "quarter",
                "tracking_since": "2024-01-01",
                "board_location": "村党群服务中心公开栏",
            }
        )
        self.assertCanCreate(TownshipPage.objects.get(), VillagePage, village)
        self.assertEqual(
            VillagePage.objects.get().get_parent().specific, TownshipPage.objects.get()
        )

    def test_editor_publishes_a_village_affairs_disclosure(self):
        index = DisclosureIndexPageFactory(parent=self.home)
        village = VillagePageFactory(
            parent=TownshipPageFactory(parent=CountyPageFactory(parent=index))
        )
        data = nested_form_data(
            {
                "title": "2024年第一季度村务公开",
                "slug": "2024q1",
                "category": "village",
                "period_kind": "quarter",
                "period_year": "2024",
                "period_number": "1",
                "summary": "本季度村务事项。",
                "items": inline_formset([{"title": "道路修缮", "body": "村东道路修缮完工。"}]),
                "attachments": inline_formset([]),
                "finance_lines": inline_formset([]),
            }
        )
        # Saved as a draft: publishing needs the village committee's approval (workflow).
        self.assertCanCreate(village, DisclosurePage, data, publish=False)
        page = DisclosurePage.objects.child_of(village).get(slug="2024q1")
        self.assertFalse(page.live)
        self.assertEqual([i.title for i in page.items.all()], ["道路修缮"])
