"""Test data for govinfo: bodies, rosters, catalogue items, services, website reports."""

import datetime

import factory

from govinfo.models import Body, CatalogueItem, Leader, ServiceItem, WebsiteReport


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"测试县第{n}局")
    kind = "department"
    duties = "负责测试工作\n负责公开工作"
    address = "测试路1号"
    phone = "0571-12345678"
    office_hours = "周一至周五 8:30—17:30"


def county(name="测试县人民政府", **fields):
    return BodyFactory(name=name, kind="county", **fields)


class LeaderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leader

    body = factory.SubFactory(BodyFactory)
    name = factory.Sequence(lambda n: f"测试{n}号")
    position = "局长"
    resume = "测试简历"
    responsibilities = "主持全面工作"


class CatalogueItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CatalogueItem

    code = factory.Sequence(lambda n: f"T-{n:02d}")
    level = "county"
    area = "社会救助"
    name = factory.Sequence(lambda n: f"测试公开事项{n}")
    content = "公开内容"
    basis = "《政府信息公开条例》"
    time_rule = "形成或变更之日起20个工作日内"
    responsible = "县民政局"
    channel = "社会救助"
    body = factory.SubFactory(BodyFactory)
    tracking_since = datetime.date(2020, 1, 1)


class ServiceItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceItem

    name = factory.Sequence(lambda n: f"测试办事事项{n}")
    body = factory.SubFactory(BodyFactory)
    basis = "《测试条例》第一条"
    conditions = "本县户籍居民"
    materials = "申请表\n身份证"
    place = "为民服务中心"
    hours = "工作日"
    phone = "0571-12345678"
    process = "申请\n审核\n发放"
    time_limit = "15个工作日"
    fees = "不收费"
    life_events = ["老年人"]


class WebsiteReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WebsiteReport

    year = 2025
    site_name = "测试网站"
    site_address = "http://testserver/"
    organiser = "测试县人民政府办公室"
    information = "政务动态信息更新量：12条"
    published = True
    published_on = datetime.date(2026, 1, 20)
