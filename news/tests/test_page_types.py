"""Where news and case-study pages may be created, and that an editor can create them."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import CaseStudyIndexPage, CaseStudyPage, NewsArticlePage, NewsIndexPage
from news.tests.factories import CaseStudyIndexPageFactory, NewsIndexPageFactory


def article_data(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2024-05-01",
            "author": "李丹",
            "source": "四川日报",
            "body": streamfield([("paragraph", rich_text("<p>社区议事会召开。</p>"))]),
            "village_links": inline_formset([]),
            **extra,
        }
    )


class NewsPageTypeTests(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get()
        self.login()

    def test_news_pages_sit_below_their_listing(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanCreateAt(NewsIndexPage, NewsArticlePage)
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanNotCreateAt(CaseStudyIndexPage, NewsArticlePage)
        self.assertCanNotCreateAt(Page, NewsIndexPage)

    def test_case_studies_sit_below_their_listing(self):
        self.assertAllowedParentPageTypes(CaseStudyIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CaseStudyIndexPage, {CaseStudyPage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseStudyIndexPage})
        self.assertAllowedSubpageTypes(CaseStudyPage, set())
        self.assertCanCreateAt(CaseStudyIndexPage, CaseStudyPage)
        self.assertCanNotCreateAt(NewsIndexPage, CaseStudyPage)
        self.assertCanNotCreateAt(CaseStudyPage, CaseStudyPage)

    def test_editor_creates_the_listings(self):
        self.assertCanCreate(
            self.home, NewsIndexPage, nested_form_data({"title": "新闻动态", "slug": "news"})
        )
        self.assertCanCreate(
            self.home,
            CaseStudyIndexPage,
            nested_form_data({"title": "典型案例", "slug": "cases", "intro": "案例"}),
        )

    def test_editor_creates_a_news_article(self):
        index = NewsIndexPageFactory(parent=self.home)
        self.assertCanCreate(
            index, NewsArticlePage, article_data("社区议事会召开", "yishihui", tags="")
        )
        self.assertTrue(
            NewsArticlePage.objects.child_of(index).live().filter(title="社区议事会召开")
        )

    def test_editor_creates_a_case_study_with_key_figures(self):
        index = CaseStudyIndexPageFactory(parent=self.home)
        data = article_data(
            "青羊区三提三增",
            "qingyang",
            key_figures=inline_formset([{"number": "12", "unit": "个", "label": "社区"}]),
            policy_links=inline_formset([]),
            tags="",
        )
        self.assertCanCreate(index, CaseStudyPage, data)
        page = CaseStudyPage.objects.child_of(index).get(title="青羊区三提三增")
        self.assertEqual([(f.number, f.label) for f in page.key_figures.all()], [("12", "社区")])
