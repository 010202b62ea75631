import datetime

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from policies.models import PolicyIndexPage, PolicyPage, PolicyVersion

from .factories import ARTICLE_TEXT, IssuingAuthorityFactory, library, make_policy

PASTED = """关于推进社区治理的办法
第一章　总则
第一条　为了推进社区治理，制定本办法。
第二条　本办法适用于全市。
第二章　附则
第三条　本办法自发布之日起施行。
"""


def policy_form(**fields):
    data = {
        "title": "测试办法",
        "slug": "ceshi-banfa",
        "doc_number": "",
        "index_number": "",
        "doc_type": "办法",
        "validity": "有效",
        "summary": "",
        "editor_note": "",
        "paste_text": "",
        "change_note": "",
        "body": streamfield([]),
        "attachments": inline_formset([]),
        "relations_out": inline_formset([]),
        "comments": inline_formset([]),
    }
    multi = {k: fields.pop(k) for k in list(fields) if isinstance(fields[k], list)}
    data.update(fields)
    flat = nested_form_data(data)
    flat.update(multi)  # multiple-choice values stay lists, not indexed keys
    return flat


class PolicyAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.index = library()

    def add(self, publish=True, **fields):
        url = reverse("wagtailadmin_pages:add", args=("policies", "policypage", self.index.pk))
        data = policy_form(**fields)
        if publish:
            data["action-publish"] = "action-publish"
        return self.client.post(url, data)

    def edit(self, page, publish=True, **fields):
        data = policy_form(slug=page.slug, **fields)
        if publish:
            data["action-publish"] = "action-publish"
        return self.client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)

    def test_can_create_under_library_only(self):
        self.assertCanCreateAt(PolicyIndexPage, PolicyPage)
        self.assertCanNotCreateAt(Page, PolicyPage)

    def test_pasted_text_becomes_chapters_and_articles(self):
        response = self.add(paste_text=PASTED, doc_number="成委发[2017]27号")
        self.assertEqual(response.status_code, 302)
        page = PolicyPage.objects.get(slug="ceshi-banfa")
        kinds = [child.block_type for child in page.body]
        self.assertEqual(kinds, ["text", "chapter", "article", "article", "chapter", "article"])
        self.assertEqual(page.paste_text, "")
        self.assertEqual(page.doc_number, "成委发〔2017〕27号")
        content = self.client.get(page.url).content.decode()
        self.assertIn('id="article-3"', content)
        self.assertIn("关于推进社区治理的办法", content)

    def test_preview_shows_the_split_before_saving(self):
        url = reverse(
            "wagtailadmin_pages:preview_on_add", args=("policies", "policypage", self.index.pk)
        )
        response = self.client.post(url, policy_form(paste_text=PASTED))
        self.assertEqual(response.json()["is_valid"], True)
        preview = self.client.get(url).content.decode()
        self.assertIn('id="article-2"', preview)
        self.assertIn("第二章 附则", preview)
        self.assertFalse(PolicyPage.objects.filter(slug="ceshi-banfa").exists())

    def test_pasted_fixed_width_text_is_joined_into_paragraphs(self):
        joined = (
            "本办法所称社区，是指经依法划定、设立社区发展协会、推动社区发展工作的组织与活动区域；"
            "社区居民，是指在本社区设有户籍并居住于此的居民，不含暂住人口及其他临时居住的人员。"
            "社区居民依法参与社区事务，监督社区发展协会的工作。"
        )
        lines = [joined[i : i + 30] for i in range(0, len(joined), 30)]  # wrapped at 60 columns
        wrapped = "第一条\n" + "\n".join(lines) + "\n第二条　本办法自发布之日起施行。"
        preview = self.client.post(reverse("policies_split_preview"), {"text": wrapped})
        self.assertIn(f"<pre>{joined}</pre>", preview.content.decode())
        self.assertEqual(self.add(paste_text=wrapped).status_code, 302)
        page = PolicyPage.objects.get(slug="ceshi-banfa")
        content = self.client.get(page.url).content.decode()
        self.assertIn(f'<p class="policy-para">{joined}</p>', content)
        self.assertIn('id="article-2"', content)

    def test_split_preview_admin_view(self):
        url = reverse("policies_split_preview")
        self.assertEqual(self.client.get(url).status_code, 200)
        content = self.client.post(url, {"text": PASTED}).content.decode()
        self.assertIn("2 章，3 条", content)
        self.assertIn("#article-3", content)
        content = self.client.post(url, {"text": "没有条文的一段话。"}).content.decode()
        self.assertIn("未识别到章节或条文", content)

    def test_invalid_document_number_is_rejected_in_chinese(self):
        response = self.add(doc_number="第27号文件")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "不是有效的发文字号")
        self.assertFalse(PolicyPage.objects.filter(slug="ceshi-banfa").exists())

    def test_document_number_unique_per_issuer(self):
        city = IssuingAuthorityFactory(name="中共成都市委")
        other = IssuingAuthorityFactory(name="简阳市人民政府")
        make_policy("已有文件", doc_number="成委发〔2017〕27号", authorities=["中共成都市委"])
        response = self.add(doc_number="成委发（2017）27号", issuing_authorities=[city.pk])
        self.assertContains(response, "同一发文机关已有发文字号")
        response = self.add(doc_number="成委发（2017）27号", issuing_authorities=[other.pk])
        self.assertEqual(response.status_code, 302)

    def test_index_number_unique(self):
        make_policy("已有文件", index_number="000014349/2019-00007")
        response = self.add(index_number="000014349/2019-00007")
        self.assertContains(response, "索引号“000014349/2019-00007”已被其他文件使用")

    def test_republishing_requires_a_change_note_and_records_a_diff(self):
        page = make_policy("社区治理办法", text=ARTICLE_TEXT)
        changed = ARTICLE_TEXT.replace(
            "本办法适用于本市行政区域内的城乡社区。", "本办法适用于本市城乡社区和村。"
        )
        response = self.edit(page, title=page.title, paste_text=changed)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "必须填写修改说明")
        self.assertEqual(PolicyVersion.objects.filter(page=page).count(), 1)
        # Saving a draft needs no note; publishing with one makes version 2.
        self.assertEqual(
            self.edit(page, publish=False, title=page.title, paste_text=changed).status_code, 302
        )
        response = self.edit(
            page, title=page.title, paste_text=changed, change_note="扩大适用范围至村"
        )
        self.assertEqual(response.status_code, 302)
        version = PolicyVersion.objects.get(page=page, number=2)
        self.assertEqual(version.change_note, "扩大适用范围至村")
        history = self.client.get(page.url + "history/").content.decode()
        self.assertIn("扩大适用范围至村", history)
        diff = self.client.get(page.url + "history/2/").content.decode()
        self.assertIn("第二条", diff)
        self.assertIn("<ins>", diff)
        self.assertIn("<del>", diff)
        self.assertNotIn("第十二条", diff)  # unchanged articles are not listed

    def test_same_note_again_is_not_accepted(self):
        page = make_policy("社区治理办法", text=ARTICLE_TEXT)
        first = ARTICLE_TEXT.replace("制定本办法", "特制定本办法")
        self.edit(page, title=page.title, paste_text=first, change_note="文字修改")
        second = first.replace("施行", "实施")
        response = self.edit(page, title=page.title, paste_text=second, change_note="文字修改")
        self.assertContains(response, "必须填写修改说明")

    def test_model_refuses_silent_change_of_published_text(self):
        page = make_policy("社区治理办法", text=ARTICLE_TEXT)
        page.title = "社区治理办法（修改）"
        with self.assertRaises(Exception) as ctx:
            page.save_revision().publish()
        self.assertIn("change_note", str(ctx.exception))

    def test_overdue_interpretation_warning(self):
        page = make_policy("无解读的文件", published_date=datetime.date(2020, 1, 6))
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        self.assertContains(edit, "尚无已发布的政策解读")
        home = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(home, "待发布的政策解读")
        self.assertContains(home, "《无解读的文件》")

    def test_no_warning_for_summary_pages_or_interpreted_policies(self):
        summary = make_policy("报道摘要", published_date=datetime.date(2020, 1, 6), is_summary=True)
        self.assertFalse(summary.interpretation_overdue())
        from .factories import make_interpretation

        policy = make_policy("已解读", published_date=datetime.date(2020, 1, 6))
        make_interpretation(policy)
        self.assertFalse(policy.interpretation_overdue())
        home = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertNotIn("《已解读》", home)
        self.assertNotIn("《报道摘要》", home)

    def test_no_warning_within_three_working_days(self):
        # Friday 2020-01-03 + 3 working days = Wednesday 2020-01-08.
        page = make_policy("新文件", published_date=datetime.date(2020, 1, 3))
        self.assertFalse(page.interpretation_overdue(today=datetime.date(2020, 1, 8)))
        self.assertTrue(page.interpretation_overdue(today=datetime.date(2020, 1, 9)))

    def test_interpretation_deadline_skips_national_day(self):
        # Published Wednesday 30 September 2026: 1–7 October are off, Saturday 10 October is a
        # 调休 working day, so the three working days are 8, 9 and 10 October.
        page = make_policy("节前发布的文件", published_date=datetime.date(2026, 9, 30))
        self.assertEqual(page.interpretation_deadline, datetime.date(2026, 10, 10))
        self.assertFalse(page.interpretation_overdue(today=datetime.date(2026, 10, 5)))
        self.assertFalse(page.interpretation_overdue(today=datetime.date(2026, 10, 10)))
        self.assertTrue(page.interpretation_overdue(today=datetime.date(2026, 10, 11)))
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        self.assertContains(edit, "期限：2026年10月10日")
