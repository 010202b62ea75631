"""Where policy-library pages may be created, and that an editor can create them."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import HomePage
from news.models import NewsIndexPage
from policies.models import (
    PolicyIndexPage,
    PolicyInterpretationPage,
    PolicyPackagePage,
    PolicyPage,
)
from policies.tests.factories import PolicyIndexPageFactory, PolicyPageFactory

LIBRARY_PAGES = {PolicyPage, PolicyInterpretationPage, PolicyPackagePage}


class PolicyPageTypeTests(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get()
        self.login()

    def test_documents_sit_below_the_library(self):
        self.assertAllowedParentPageTypes(PolicyIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PolicyIndexPage, LIBRARY_PAGES)
        for model in LIBRARY_PAGES:
            self.assertAllowedParentPageTypes(model, {PolicyIndexPage})
            self.assertAllowedSubpageTypes(model, set())
            self.assertCanCreateAt(PolicyIndexPage, model)
            self.assertCanNotCreateAt(HomePage, model)
            self.assertCanNotCreateAt(NewsIndexPage, model)
        self.assertCanCreateAt(HomePage, PolicyIndexPage)
        self.assertCanNotCreateAt(PolicyPage, PolicyPage)

    def test_editor_creates_the_library(self):
        data = nested_form_data({"title": "政策文件库", "slug": "policies", "intro": "文件"})
        self.assertCanCreate(self.home, PolicyIndexPage, data)

    def test_editor_creates_a_policy_with_its_number_made_canonical(self):
        library = PolicyIndexPageFactory(parent=self.home)
        data = nested_form_data(
            {
                "title": "成都市城乡社区发展治理促进办法",
                "slug": "cujin-banfa",
                "doc_number": "成委发[2017]27号",
                "doc_type": "办法",
                "validity": "有效",
                "published_date": "2018-01-01",
                "summary": "促进城乡社区发展治理。",
                "body": streamfield([]),
                "attachments": inline_formset([]),
                "relations_out": inline_formset([]),
            }
        )
        self.assertCanCreate(library, PolicyPage, data)
        page = PolicyPage.objects.child_of(library).get(slug="cujin-banfa")
        self.assertEqual(page.doc_number, "成委发〔2017〕27号")

    def test_editor_creates_an_interpretation_and_a_package(self):
        library = PolicyIndexPageFactory(parent=self.home)
        policy = PolicyPageFactory(parent=library)
        interpretation = nested_form_data(
            {
                "title": "一图读懂促进办法",
                "slug": "yitu",
                "interprets": policy.pk,
                "date": "2018-01-02",
                "body": streamfield([]),
            }
        )
        self.assertCanCreate(library, PolicyInterpretationPage, interpretation)
        package = nested_form_data(
            {
                "title": "城乡社区发展治理政策体系",
                "slug": "tixi",
                "summary": "核心文件与配套文件。",
                "members": inline_formset([{"policy": policy.pk, "role": "core"}]),
            }
        )
        self.assertCanCreate(library, PolicyPackagePage, package)
        created = PolicyPackagePage.objects.get(slug="tixi")
        self.assertEqual([m.policy_id for m in created.members.all()], [policy.pk])
