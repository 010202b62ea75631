"""What readers see on news articles and case studies."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from home.tests.factories import home_page
from media.tests.factories import CreditedImageFactory
from news.tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)
from policies.tests.factories import (
    PolicyIndexPageFactory,
    PolicyPageFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases():
    return CaseStudyIndexPageFactory(parent=home_page())


def test_case_study_shows_region_level_figures_themes_and_linked_policies(client, cases):
    policies = PolicyIndexPageFactory(parent=home_page())
    policy = PolicyPageFactory(parent=policies, title="青羊区社区工作人才发展规划（2017-2020年）")
    theme = TopicFactory(name="人才队伍")
    page = CaseStudyPageFactory(
        parent=cases,
        title="青羊区加快实施“三提三增三营造”",
        region=RegionFactory(name="四川省成都市青羊区", level="county"),
        themes=[theme],
        key_figures=[{"number": "240", "unit": "个", "label": "新建党群服务中心"}],
        policies=[policy],
    )
    html = client.get(page.url).content.decode()
    assert "四川省成都市青羊区（区县）" in html
    assert '<span class="figure-number">240<span class="figure-unit">个</span></span>' in html
    assert "新建党群服务中心" in html
    assert f'href="{policy.url}"' in html and policy.title in html
    assert "实践主题" in html and "人才队伍" in html
    assert "2018年10月10日" in html and "高志" in html and "先锋" in html


def test_unpublished_policy_is_not_linked(client, cases):
    policy = PolicyPageFactory(parent=PolicyIndexPageFactory(parent=home_page()))
    page = CaseStudyPageFactory(parent=cases, policies=[policy])
    policy.unpublish()
    html = client.get(page.url).content.decode()
    assert policy.title not in html


def test_related_case_studies_share_a_theme_first(client, cases):
    theme = TopicFactory(name="社区营造")
    page = CaseStudyPageFactory(parent=cases, title="案例甲", themes=[theme])
    sharing = CaseStudyPageFactory(parent=cases, title="案例乙", themes=[theme])
    later = page.date.replace(year=2024)
    unrelated = CaseStudyPageFactory(parent=cases, title="案例丙", date=later)
    related = page.related_pages()
    assert related[0] == sharing and unrelated in related and page not in related
    html = client.get(page.url).content.decode()
    assert "相关典型案例" in html and sharing.title in html


def test_news_body_blocks_render_with_credit_quote_heading_and_document(client):
    news = NewsIndexPageFactory(parent=home_page())
    image = CreditedImageFactory(credit="钟良", caption="96岁了", alt_text="一位老人在社区")
    document = Document.objects.create(
        title="行动计划全文", file=ContentFile(b"%PDF-1.4 test", name="plan.pdf")
    )
    page = NewsArticlePageFactory(
        parent=news,
        lead_image=image,
        body=[
            ("heading", {"text": "坚持问题导向", "level": "h2"}),
            ("quote", {"text": "真正成为社区主人。", "attribution": "汪雷"}),
            ("image", {"image": image, "caption": ""}),
            ("document", {"document": document, "title": ""}),
        ],
    )
    page.tags.add("试点示范")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<h2>坚持问题导向</h2>" in html
    assert "<blockquote><p>真正成为社区主人。</p></blockquote>" in html and "——汪雷" in html
    assert f'<a class="credit" href="/photographers/{image.pk}/">钟良 摄</a>' in html
    assert 'alt="一位老人在社区"' in html and "96岁了" in html
    assert "行动计划全文" in html and "（PDF" in html
    assert "试点示范" in html


def test_article_picture_offers_modern_formats_with_srcset(client):
    from media.templatetags.media_tags import picture_formats

    news = NewsIndexPageFactory(parent=home_page())
    page = NewsArticlePageFactory(parent=news, lead_image=CreditedImageFactory())
    html = client.get(page.url).content.decode()
    assert "<picture>" in html and 'sizes="' in html and "srcset=" in html
    assert '<source type="image/webp"' in html or 'type="image/webp"' in html
    if "avif" in picture_formats():
        assert 'type="image/avif"' in html


def test_editors_forms_render_in_the_wagtail_admin(admin_client, cases):
    from django.urls import reverse

    page = CaseStudyPageFactory(parent=cases, key_figures=[{"number": "1", "label": "示例"}])
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    html = edit.content.decode()
    for label in ("关键数据", "相关政策", "实践主题", "题图", "来源与署名"):
        assert label in html
    add = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["news", "casestudypage", cases.pk])
    )
    assert add.status_code == 200
    image_form = admin_client.get(reverse("wagtailimages:add")).content.decode()
    assert "替代文字" in image_form and "摄影" in image_form and "拍摄地点" in image_form
