"""Factories for news articles, case studies and their listings (the taxonomy and policy
factories are in ``policies.tests.factories``)."""

import datetime

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from home.tests.factories import DAY, ascii_slug, publish_revision, section
from news.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPolicy,
    KeyFigure,
    NewsArticlePage,
    NewsIndexPage,
)


def body(*paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage
        skip_postgeneration_save = True

    publish = factory.PostGeneration(publish_revision)

    title = "新闻动态"
    slug = "news"


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CaseStudyIndexPage
        skip_postgeneration_save = True

    publish = factory.PostGeneration(publish_revision)

    title = "典型案例"
    slug = "cases"


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"社区治理新闻{n}")
    date = datetime.date(2021, 11, 21)
    author = "李丹"
    source = "四川日报"
    body = factory.LazyFunction(lambda: body("四川省实施城乡社区治理试点示范三年行动计划。"))
    publish = factory.PostGeneration(publish_revision)


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

    publish = factory.PostGeneration(publish_revision)  # after the relations above


def news_article(title=None, parent=None, **fields):
    """A published news article (no byline) in the news listing, dated ``DAY``."""
    fields.setdefault("date", DAY)
    fields.setdefault("body", [("paragraph", "<p>正文</p>")])
    fields.setdefault("slug", ascii_slug("news"))
    fields.update(author=fields.get("author", ""), source=fields.get("source", ""))
    parent = parent or section(NewsIndexPageFactory, "news", "新闻")
    if title:
        fields["title"] = title
    return NewsArticlePageFactory(parent=parent, publish=True, **fields)


def case_study(title=None, **fields):
    """A published case study (no byline, no body) in the case-study listing."""
    fields.setdefault("date", DAY)
    fields.setdefault("body", [])
    fields.setdefault("slug", ascii_slug("case"))
    fields.update(author=fields.get("author", ""), source=fields.get("source", ""))
    if title:
        fields["title"] = title
    parent = section(CaseStudyIndexPageFactory, "cases", "典型案例")
    return CaseStudyPageFactory(parent=parent, publish=True, **fields)
