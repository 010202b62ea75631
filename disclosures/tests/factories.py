"""Factories for the disclosure hierarchy and finance disclosures."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories

from disclosures import models
from home.models import HomePage


class DisclosureIndexPageFactory(wagtail_factories.PageFactory):
    title = "四务公开"
    slug = "siwu"

    class Meta:
        model = models.DisclosureIndexPage


class CountyPageFactory(wagtail_factories.PageFactory):
    title = "亭湖区"
    slug = factory.Sequence(lambda n: f"county-{n}")

    class Meta:
        model = models.CountyPage


class TownshipPageFactory(wagtail_factories.PageFactory):
    title = "新洋街道"
    kind = "街道"
    slug = factory.Sequence(lambda n: f"township-{n}")

    class Meta:
        model = models.TownshipPage


class VillagePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"测试{n}村")
    slug = factory.Sequence(lambda n: f"village-{n}")
    board_location = "村党群服务中心公开栏"

    class Meta:
        model = models.VillagePage


class DisclosurePageFactory(wagtail_factories.PageFactory):
    title = "2024年第一季度财务公开"
    slug = factory.Sequence(lambda n: f"disclosure-{n}")
    live = False
    category = "finance"
    period_kind = "quarter"
    period_year = 2024
    period_number = 1
    reviewers = "张明、李华"
    review_date = datetime.date(2024, 4, 5)
    opening_balance = Decimal("10000.00")
    total_income = Decimal("1500.10")
    total_expenditure = Decimal("350.70")
    closing_balance = Decimal("11149.40")

    class Meta:
        model = models.DisclosurePage


def default_lines():
    return [
        models.FinanceLine(
            direction="income",
            date=datetime.date(2024, 1, 15),
            item="集体资产租金",
            amount=Decimal("1200.00"),
            voucher="记-001",
            counterparty="某物流公司",
        ),
        models.FinanceLine(
            direction="income",
            date=datetime.date(2024, 2, 1),
            item="上级补助",
            amount=Decimal("300.10"),
            voucher="记-002",
        ),
        models.FinanceLine(
            direction="expenditure",
            date=datetime.date(2024, 2, 3),
            item="办公用品",
            amount=Decimal("350.50"),
            voucher="记-003",
        ),
        models.FinanceLine(
            direction="expenditure",
            date=datetime.date(2024, 3, 1),
            item="银行手续费",
            amount=Decimal("0.20"),
            voucher="记-004",
        ),
    ]


def hierarchy(village_titles=("圩洋村",)):
    """Index → 亭湖区 → 新洋街道 → villages, all live, under the home page."""
    home = HomePage.objects.first()
    index = DisclosureIndexPageFactory(parent=home)
    county = CountyPageFactory(parent=index)
    township = TownshipPageFactory(parent=county)
    villages = [VillagePageFactory(parent=township, title=t) for t in village_titles]
    return index, county, township, villages


def finance_disclosure(village, publish=True, lines=None, user=None, **fields):
    """A finance disclosure with lines that add up; published through a revision."""
    page = DisclosurePageFactory(parent=village, **fields)
    page.finance_lines = default_lines() if lines is None else lines
    page.save()
    if publish:
        page.save_revision(user=user).publish(user=user)
        page.refresh_from_db()
    return page
