"""Factories for the policy library: its pages and the shared taxonomy (Topic, Region,
IssuingAuthority), used by every app's tests."""

import datetime
import itertools

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.tests.factories import DAY, ascii_slug, publish_revision, section
from policies.forms import stream_from_text
from policies.models import (
    PolicyIndexPage,
    PolicyInterpretationPage,
    PolicyPackageMember,
    PolicyPackagePage,
    PolicyPage,
    PolicyRelation,
)
from taxonomy.models import IssuingAuthority, Region, Topic

_slugs = itertools.count(1)

ARTICLE_TEXT = """成都市城乡社区发展治理促进办法
第一章　总则
第一条　为了推进城乡社区发展治理，制定本办法。
第二条　本办法适用于本市行政区域内的城乡社区。
第二章　治理主体
第三条　社区党组织应当履行下列职责：
（一）宣传和贯彻执行党的路线方针政策；
（二）讨论决定本社区建设中的重要问题。
第十二条　本办法自2018年1月1日起施行。
"""


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"主题{n}")


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"示例{n}区")
    level = "county"


class IssuingAuthorityFactory(DjangoModelFactory):
    class Meta:
        model = IssuingAuthority
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"发文机关{n}")


class PolicyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PolicyIndexPage
        skip_postgeneration_save = True

    publish = factory.PostGeneration(publish_revision)

    title = "政策文件库"
    slug = "policies"


class PolicyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PolicyPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"关于城乡社区发展治理的意见{n}")
    published_date = datetime.date(2017, 9, 1)
    summary = "城乡社区发展治理的总体要求。"

    @factory.post_generation
    def topics(page, create, extracted, **kwargs):
        if extracted:
            page.topics = list(extracted)
            if create:
                page.save()

    @factory.post_generation
    def issuing_authorities(page, create, extracted, **kwargs):
        if extracted:
            page.issuing_authorities = list(extracted)
            if create:
                page.save()

    publish = factory.PostGeneration(publish_revision)  # after the relations above


class PolicyInterpretationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PolicyInterpretationPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"政策解读{n}")
    slug = factory.Sequence(lambda n: f"interpretation-{n}")
    date = datetime.date(2018, 1, 2)
    publish = factory.PostGeneration(publish_revision)


class PolicyPackagePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PolicyPackagePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"政策体系{n}")
    slug = factory.Sequence(lambda n: f"package-doc-{n}")

    @factory.post_generation
    def members(page, create, extracted, **kwargs):
        """members=[(policy, role), …]"""
        if extracted:
            page.members = [PolicyPackageMember(policy=p, role=r) for p, r in extracted]
            if create:
                page.save()

    publish = factory.PostGeneration(publish_revision)  # after the members above


def library():
    """The policy library the policies tests build in (created the first time)."""
    return section(PolicyIndexPageFactory, "policies", "政策文件库")


def make_policy(title, text=ARTICLE_TEXT, authorities=(), topics=(), live=True, **fields):
    """A policy page below the library, published once (version 1) unless live=False."""
    fields.setdefault("published_date", datetime.date(2018, 1, 1))
    fields.setdefault("summary", "")
    page = PolicyPageFactory(
        parent=library(),
        title=title,
        slug=f"policy-{next(_slugs)}",
        body=stream_from_text(PolicyPage._meta.get_field("body"), text),
        live=False,
        **fields,
    )
    page.issuing_authorities = [IssuingAuthorityFactory(name=n) for n in authorities]
    page.topics = [TopicFactory(name=n) for n in topics]
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def relate(source, relation_type, target, **extra):
    source.relations_out = [
        *source.relations_out.all(),
        PolicyRelation(relation_type=relation_type, target=target, **extra),
    ]
    source.save_revision().publish()
    return source


def make_interpretation(policy, title="政策解读", live=True):
    page = PolicyInterpretationPageFactory(
        parent=library(),
        title=title,
        slug=f"interp-{next(_slugs)}",
        interprets=policy,
        date=datetime.date(2018, 1, 2),
        live=False,
    )
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def make_package(title, members):
    """members: list of (policy, role)."""
    page = PolicyPackagePageFactory(
        parent=library(), title=title, slug=f"package-{next(_slugs)}", live=False
    )
    page.members = [PolicyPackageMember(policy=p, role=r) for p, r in members]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def policy_library():
    """The published policy library below home (slug ``policies``)."""
    return section(PolicyIndexPageFactory, "policies", "政策文件")


def policy_page(title=None, topics=(), authorities=(), **fields):
    """A published policy (no summary) in the library, published on ``DAY``."""
    fields.setdefault("published_date", DAY)
    fields.setdefault("summary", "")
    fields.setdefault("slug", ascii_slug("policy"))
    if title:
        fields["title"] = title
    return PolicyPageFactory(
        parent=policy_library(),
        topics=list(topics),
        issuing_authorities=list(authorities),
        publish=True,
        **fields,
    )


def interpretation_page(of, title=None):
    """A published interpretation of the policy ``of``, dated ``DAY``."""
    fields = {"title": title} if title else {}
    fields["slug"] = ascii_slug("interpretation")
    return PolicyInterpretationPageFactory(
        parent=policy_library(), interprets=of, date=DAY, publish=True, **fields
    )


def package_page(members=()):
    """A published policy package with ``members`` as supporting documents."""
    return PolicyPackagePageFactory(
        parent=policy_library(),
        slug=ascii_slug("package"),
        members=[(p, "supporting") for p in members],
        publish=True,
    )
