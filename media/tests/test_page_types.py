"""Where photo-feature pages may be created, and that an editor can create them."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import HomePage
from media.models import PhotoFeatureIndexPage, PhotoFeaturePage
from media.tests.factories import CreditedImageFactory, PhotoFeatureIndexPageFactory
from news.models import NewsIndexPage


class PhotoFeaturePageTypeTests(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get()
        self.login()

    def test_features_sit_below_their_listing(self):
        self.assertAllowedParentPageTypes(PhotoFeatureIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PhotoFeatureIndexPage, {PhotoFeaturePage})
        self.assertAllowedParentPageTypes(PhotoFeaturePage, {PhotoFeatureIndexPage})
        self.assertAllowedSubpageTypes(PhotoFeaturePage, set())
        self.assertCanCreateAt(HomePage, PhotoFeatureIndexPage)
        self.assertCanCreateAt(PhotoFeatureIndexPage, PhotoFeaturePage)
        self.assertCanNotCreateAt(HomePage, PhotoFeaturePage)
        self.assertCanNotCreateAt(NewsIndexPage, PhotoFeaturePage)

    def test_editor_creates_the_listing(self):
        data = nested_form_data({"title": "图片报道", "slug": "photos", "intro": "图片"})
        self.assertCanCreate(self.home, PhotoFeatureIndexPage, data)

    def test_editor_creates_a_feature_with_a_credited_photo(self):
        index = PhotoFeatureIndexPageFactory(parent=self.home)
        image = CreditedImageFactory()
        data = nested_form_data(
            {
                "title": "菠萝村的社区绿道",
                "slug": "boluo",
                "date": "2024-05-01",
                "place": "四川省简阳市",
                "text": "简阳市贾家镇菠萝村的社区绿道。",
                "photos": inline_formset([{"image": image.pk, "caption": "绿道"}]),
                "tags": "",
            }
        )
        self.assertCanCreate(index, PhotoFeaturePage, data)
        page = PhotoFeaturePage.objects.child_of(index).get(slug="boluo")
        self.assertEqual([p.image_id for p in page.photos.all()], [image.pk])
