"""Factories for 公示 and 意见征集 pages; windows default to today so they are open."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from home.tests.factories import publish_revision, section
from notices import models

DRAFT = """为规范村级公益设施管理，制定本办法。
第一条 本办法适用于本村公益设施。
第二条 公益设施由村民委员会统一管理，村务监督委员会监督。
第三条 公益设施的维修费用每季度公开一次。
第四条 本办法自村民会议通过之日起施行。"""


def today():
    return timezone.localdate()


def days(n):
    return today() + datetime.timedelta(days=n)


class NoticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "公示公告"
    slug = "gongshigonggao"
    show_in_menus = True
    publish = factory.PostGeneration(publish_revision)

    class Meta:
        model = models.NoticeIndexPage
        skip_postgeneration_save = True


class NoticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"关于第{n}批低保对象的公示")
    slug = factory.Sequence(lambda n: f"notice-{n}")
    kind = "dibao"
    publisher = "圩洋村村民委员会"
    body = "<p>经本人申请、入户调查，拟将下列家庭纳入最低生活保障。</p>"
    list_text = "户主｜家庭人口｜身份证号\n张三｜3｜320902196501011234"
    window_start = factory.LazyFunction(lambda: days(-2))
    window_end = factory.LazyFunction(lambda: days(4))
    publish = factory.PostGeneration(publish_revision)

    class Meta:
        model = models.NoticePage
        skip_postgeneration_save = True


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    title = "意见征集"
    slug = "yijianzhengji"
    show_in_menus = True
    publish = factory.PostGeneration(publish_revision)

    class Meta:
        model = models.ConsultationIndexPage
        skip_postgeneration_save = True


class ConsultationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"关于公益设施管理办法第{n}稿公开征求意见的公告")
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    organ = "新洋街道办事处"
    document_title = "村级公益设施管理办法"
    draft_text = DRAFT
    explanation = "<p>为回应群众关切，起草本办法。</p>"
    window_start = factory.LazyFunction(lambda: days(-1))
    window_end = factory.LazyFunction(lambda: days(29))
    publish = factory.PostGeneration(publish_revision)

    class Meta:
        model = models.ConsultationPage
        skip_postgeneration_save = True


def notice_index():
    return section(NoticeIndexPageFactory, "gongshigonggao", "公示公告")


def consultation_index():
    return section(ConsultationIndexPageFactory, "yijianzhengji", "意见征集")
