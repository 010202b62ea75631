"""Content shared by the collection tests: policies, interpretations, case studies, news."""

import datetime

import pytest

from home.tests.factories import home_page
from news.tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)
from policies.tests.factories import (
    RegionFactory,
    make_interpretation,
    make_package,
    make_policy,
)
from taxonomy.models import IssuingAuthority, Region, Topic


class Corpus:
    def topic(self, name):
        return Topic.objects.get(name=name)

    def authority(self, name):
        return IssuingAuthority.objects.get(name=name)

    def region(self, name):
        return Region.objects.get(name=name)


@pytest.fixture
def corpus(db):
    return build_corpus()


def build_corpus():
    """Four policies, one interpretation, a package, two case studies and a news article."""
    c = Corpus()
    sichuan = RegionFactory(name="四川省", level="province")
    chengdu = RegionFactory(name="四川省成都市", level="city")
    hubei = RegionFactory(name="湖北省咸宁市", level="city")
    c.relief = make_policy(
        "四川省最低生活保障办法",
        authorities=["四川省民政厅"],
        topics=["社会救助"],
        region=sichuan,
        published_date=datetime.date(2021, 5, 1),
    )
    c.relief_old = make_policy(
        "四川省临时救助暂行办法",
        authorities=["四川省民政厅"],
        topics=["社会救助"],
        region=sichuan,
        validity="已废止",
        published_date=datetime.date(2015, 3, 1),
    )
    c.chengdu = make_policy(
        "成都市城乡社区发展治理30条",
        authorities=["中共成都市委"],
        topics=["社区发展治理"],
        region=chengdu,
        published_date=datetime.date(2017, 9, 2),
    )
    c.xianning = make_policy(
        "咸宁市社区建设投入机制指导意见",
        authorities=["咸宁市委"],
        topics=["社区发展治理"],
        region=hubei,
        published_date=datetime.date(2020, 12, 1),
    )
    c.interpretation = make_interpretation(c.relief, title="解读：四川省最低生活保障办法")
    c.interpretation.date = datetime.date(2021, 5, 10)
    c.interpretation.save_revision().publish()
    c.package = make_package("成都市“1+N”政策体系", [(c.chengdu, "core")])
    cases = CaseStudyIndexPageFactory(parent=home_page())
    c.case_chengdu = CaseStudyPageFactory(
        parent=cases,
        title="成都社区营造案例",
        region=chengdu,
        date=datetime.date(2019, 6, 1),
        themes=[c.topic("社区发展治理")],
    )
    c.case_hubei = CaseStudyPageFactory(
        parent=cases,
        title="咸宁“六联六带”案例",
        region=hubei,
        date=datetime.date(2020, 12, 2),
        themes=[c.topic("社区发展治理")],
    )
    news = NewsIndexPageFactory(parent=home_page())
    c.news = NewsArticlePageFactory(
        parent=news, title="四川社区治理试点示范一年", date=datetime.date(2022, 1, 5)
    )
    c.news.tags.add("试点示范")
    c.news.save_revision().publish()
    return c
