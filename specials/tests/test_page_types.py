"""Where special collections may be created, and that an editor can create one."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import HomePage
from news.models import NewsIndexPage
from specials.models import CollectionIndexPage, CollectionPage


class CollectionPageTypeTests(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get()
        self.login()

    def test_collections_sit_below_home_or_their_listing(self):
        self.assertAllowedParentPageTypes(CollectionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CollectionIndexPage, {CollectionPage})
        self.assertAllowedParentPageTypes(CollectionPage, {HomePage, CollectionIndexPage})
        self.assertAllowedSubpageTypes(CollectionPage, set())
        self.assertCanCreateAt(HomePage, CollectionPage)
        self.assertCanCreateAt(CollectionIndexPage, CollectionPage)
        self.assertCanNotCreateAt(NewsIndexPage, CollectionPage)
        self.assertCanNotCreateAt(CollectionPage, CollectionPage)

    def test_editor_creates_a_listing_and_a_collection(self):
        data = nested_form_data({"title": "专题专栏", "slug": "zhuanti", "intro": "专题"})
        self.assertCanCreate(self.home, CollectionIndexPage, data)
        index = CollectionIndexPage.objects.get()
        collection = nested_form_data(
            {
                "title": "社区减负专题",
                "slug": "jianfu",
                "intro": "减负的政策与报道。",
                "tags": "减负",
                "sort": "newest",
                "page_size": "20",
                "staleness_days": "90",
                "pins": inline_formset([]),
            }
        )
        self.assertCanCreate(index, CollectionPage, collection)
        self.assertTrue(CollectionPage.objects.child_of(index).filter(slug="jianfu").exists())
