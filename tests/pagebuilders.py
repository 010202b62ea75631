"""Small builders for published pages of every type, shared by the cross-app tests."""

import datetime
import itertools

from wagtail.images.tests.utils import get_test_image_file

from home.models import HomePage
from media.models import CreditedImage, PhotoFeatureIndexPage, PhotoFeaturePage, PhotoFeaturePhoto
from news.models import CaseStudyIndexPage, CaseStudyPage, NewsArticlePage, NewsIndexPage
from policies.models import (
    PolicyIndexPage,
    PolicyInterpretationPage,
    PolicyPackageMember,
    PolicyPackagePage,
    PolicyPage,
)
from taxonomy.models import IssuingAuthority, Topic

_seq = itertools.count(1)
DAY = datetime.date(2024, 5, 1)


def home():
    return HomePage.objects.get()


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def index(model, slug, title=None, parent=None):
    existing = model.objects.filter(slug=slug).first()
    if existing:
        return existing
    return publish(parent or home(), model(title=title or slug, slug=slug, show_in_menus=True))


def news_article(title=None, parent=None, **fields):
    n = next(_seq)
    parent = parent or index(NewsIndexPage, "news", "新闻")
    page = NewsArticlePage(
        title=title or f"新闻{n}",
        slug=f"news-{n}",
        date=fields.pop("date", DAY),
        body=fields.pop("body", [("paragraph", "<p>正文</p>")]),
        **fields,
    )
    return publish(parent, page)


def case_study(title=None, **fields):
    n = next(_seq)
    parent = index(CaseStudyIndexPage, "cases", "典型案例")
    fields.setdefault("date", DAY)
    page = CaseStudyPage(title=title or f"案例{n}", slug=f"case-{n}", **fields)
    return publish(parent, page)


def policy(title=None, topics=(), authorities=(), **fields):
    n = next(_seq)
    parent = index(PolicyIndexPage, "policies", "政策文件")
    fields.setdefault("published_date", DAY)
    page = PolicyPage(title=title or f"政策{n}", slug=f"policy-{n}", **fields)
    page.topics = list(topics)
    page.issuing_authorities = list(authorities)
    return publish(parent, page)


def topic():
    n = next(_seq)
    return Topic.objects.create(name=f"主题{n}", slug=f"topic-{n}")


def authority():
    return IssuingAuthority.objects.create(name=f"发文机关{next(_seq)}")


def interpretation(of, title=None):
    n = next(_seq)
    parent = index(PolicyIndexPage, "policies", "政策文件")
    page = PolicyInterpretationPage(
        title=title or f"解读{n}", slug=f"interpretation-{n}", date=DAY, interprets=of
    )
    return publish(parent, page)


def package(members=()):
    n = next(_seq)
    parent = index(PolicyIndexPage, "policies", "政策文件")
    page = PolicyPackagePage(title=f"政策体系{n}", slug=f"package-{n}")
    page.members = [PolicyPackageMember(policy=p, role="supporting") for p in members]
    return publish(parent, page)


def image(caption="", alt="图片"):
    n = next(_seq)
    return CreditedImage.objects.create(
        title=f"图片{n}",
        file=get_test_image_file(f"photo-{n}.png", size=(64, 48)),
        alt_text=alt,
        caption=caption,
        credit="摄影者",
    )


def photo_feature(photos=1, title=None, caption=""):
    n = next(_seq)
    parent = index(PhotoFeatureIndexPage, "photos", "图片报道")
    page = PhotoFeaturePage(title=title or f"图片报道{n}", slug=f"photo-{n}", date=DAY)
    page.photos = [PhotoFeaturePhoto(image=image(), caption=caption) for _ in range(photos)]
    return publish(parent, page)
