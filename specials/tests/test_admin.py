"""An editor builds a collection in the admin from criteria alone; bad criteria get a clear
Chinese message and never break the public page."""

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import HomePage
from specials.models import CollectionIndexPage, CollectionPage

from .conftest import build_corpus
from .factories import home_page, make_collection


def collection_form(pins=(), **fields):
    data = {
        "title": "社会救助政策汇编",
        "slug": "shehui-jiuzhu",
        "intro": "现行有效的社会救助政策",
        "tags": "",
        "date_from": "",
        "date_to": "",
        "search_query": "",
        "sort": "newest",
        "page_size": "20",
        "staleness_days": "180",
        "pins": inline_formset([{"page": p.pk} for p in pins]),
        "comments": inline_formset([]),
    }
    multi = {k: fields.pop(k) for k in list(fields) if isinstance(fields[k], list)}
    data.update(fields)
    flat = nested_form_data(data)
    flat.update(multi)  # multiple-choice values stay lists, not indexed keys
    return flat


class CollectionAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.corpus = build_corpus()
        self.user = self.login()
        self.home = home_page()

    def add(self, parent=None, **fields):
        parent = parent or self.home
        url = reverse("wagtailadmin_pages:add", args=("specials", "collectionpage", parent.pk))
        data = collection_form(**fields)
        data["action-publish"] = "action-publish"
        return self.client.post(url, data)

    def test_page_type_tree_rules(self):
        self.assertAllowedParentPageTypes(CollectionPage, {HomePage, CollectionIndexPage})
        self.assertAllowedSubpageTypes(CollectionPage, set())
        self.assertAllowedSubpageTypes(CollectionIndexPage, {CollectionPage})
        self.assertCanCreateAt(HomePage, CollectionPage)
        self.assertCanCreateAt(CollectionIndexPage, CollectionPage)

    def test_editor_builds_a_collection_that_shows_in_menu_and_on_home(self):
        topic = self.corpus.topic("社会救助")
        data = collection_form(
            pins=[self.corpus.case_hubei],
            content_types=["policy", "interpretation"],
            topic_ids=[str(topic.pk)],
            validity=["有效"],
            show_on_home="on",
            show_in_menus="on",
        )
        self.assertCanCreate(self.home, CollectionPage, data)
        page = CollectionPage.objects.get(slug="shehui-jiuzhu")
        assert page.live and page.topic_ids == [topic.pk]
        assert page.content_types == ["policy", "interpretation"]
        self.client.logout()
        html = self.client.get(page.url).content.decode()
        assert "解读：四川省最低生活保障办法" in html and "四川省最低生活保障办法" in html
        assert "四川省临时救助暂行办法" not in html  # 已废止
        home = self.client.get("/").content.decode()
        nav = home.split('aria-label="主导航"')[1].split("</nav>")[0]
        assert f'href="{page.url}"' in nav and "社会救助政策汇编" in nav
        section = home.split('id="home-special-')[1].split("</section>")[0]
        assert "咸宁“六联六带”案例" in section  # the pinned page comes first
        assert section.index("咸宁“六联六带”案例") < section.index("解读：四川省最低生活保障办法")

    def test_impossible_date_range_is_refused_with_a_chinese_message(self):
        response = self.add(date_from="2022-01-01", date_to="2021-01-01")
        assert response.status_code == 200
        html = response.content.decode()
        assert "结束日期（2021年1月1日）早于开始日期（2022年1月1日）" in html
        assert not CollectionPage.objects.exists()

    def test_page_size_out_of_bounds_is_refused(self):
        for size in ("0", "500"):
            response = self.add(page_size=size)
            assert f"每页条数应在5到100之间，当前为{size}。" in response.content.decode()
        assert not CollectionPage.objects.exists()

    def test_criterion_no_chosen_type_carries_is_refused(self):
        response = self.add(
            content_types=["photo_feature"], topic_ids=[str(self.corpus.topic("社会救助").pk)]
        )
        assert "所选内容类型（图片报道）没有“主题分类”" in response.content.decode()
        assert not CollectionPage.objects.exists()

    def test_relevance_sort_needs_a_search_query(self):
        response = self.add(sort="relevance")
        assert "按检索相关度排序需要填写检索词" in response.content.decode()

    def test_deleted_topic_never_breaks_or_widens_the_public_page(self):
        topic = self.corpus.topic("社会救助")
        page = make_collection(title="救助专题", content_types=["policy"], topic_ids=[topic.pk])
        assert page.item_count == 2
        topic_pk = topic.pk
        topic.delete()
        page = CollectionPage.objects.get(pk=page.pk)
        self.client.logout()
        response = self.client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "本专题暂无内容" in html
        assert "咸宁市社区建设投入机制指导意见" not in html  # not every policy
        self.client.force_login(self.user)
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert f"原条件中编号为 {topic_pk} 的主题分类已被删除" in edit.content.decode()

    def test_deleted_authority_on_api_and_feed_is_not_an_error(self):
        authority = self.corpus.authority("四川省民政厅")
        page = make_collection(authority_ids=[authority.pk])
        authority.delete()
        self.client.logout()
        assert self.client.get(f"/api/v2/specials/{page.pk}/").status_code == 200
        assert self.client.get(f"/feeds/specials/{page.pk}.rss").status_code == 200
        assert self.client.get(f"/api/v2/specials/{page.pk}/items/").json()["count"] == 0

    def test_preview_tells_the_editor_which_criterion_emptied_the_collection(self):
        page = make_collection(title="空专题")
        data = collection_form(
            title="空专题",
            slug=page.slug,
            content_types=["policy"],
            topic_ids=[str(self.corpus.topic("社会救助").pk)],
            date_from="2022-01-01",
        )
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        assert self.client.post(url, data).json()["is_valid"]
        html = self.client.get(url).content.decode()
        assert "编辑预览：收录条件的效果" in html
        assert "内容类型：4 条" in html
        assert "主题分类：2 条" in html
        assert "日期范围：0 条 <strong>← 这一条件排除了剩下的全部内容</strong>" in html
        self.client.logout()
        assert "编辑预览" not in self.client.get(page.url).content.decode()
