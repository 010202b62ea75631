"""Factories for news articles, case studies and their listings (the taxonomy and policy
factories are in ``policies.tests.factories``)."""

import datetime

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from home.models import HomePage
from news.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPolicy,
    KeyFigure,
    NewsArticlePage,
    NewsIndexPage,
)


def home_page():
    return HomePage.objects.first()


def body(*paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "新闻动态"
    slug = "news"


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CaseStudyIndexPage

    title = "典型案例"
    slug = "cases"


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"社区治理新闻{n}")
    date = datetime.date(2021, 11, 21)
    author = "李丹"
    source = "四川日报"
    body = factory.LazyFunction(lambda: body("四川省实施城乡社区治理试点示范三年行动计划。"))


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CaseStudyPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"社区治理案例{n}")
    date = datetime.date(2018, 10, 10)
    author = "高志"
    source = "先锋"
    body = factory.LazyFunction(lambda: body("青羊区加快实施“三提三增三营造”。"))

    @factory.post_generation
    def themes(page, create, extracted, **kwargs):
        if extracted:
            page.themes = extracted
            if create:
                page.save()

    @factory.post_generation
    def key_figures(page, create, extracted, **kwargs):
        if extracted:
            page.key_figures = [KeyFigure(**figure) for figure in extracted]
            if create:
                page.save()

    @factory.post_generation
    def policies(page, create, extracted, **kwargs):
        if extracted:
            page.policy_links = [CaseStudyPolicy(policy=policy) for policy in extracted]
            if create:
                page.save()
