import datetime

import factory
from factory.django import DjangoModelFactory

from workdays.models import ArrangementDay, HolidayArrangement


class HolidayArrangementFactory(DjangoModelFactory):
    class Meta:
        model = HolidayArrangement
        django_get_or_create = ["year"]

    year = 2027
    notice = factory.LazyAttribute(lambda o: f"国务院办公厅关于{o.year}年部分节假日安排的通知")


class ArrangementDayFactory(DjangoModelFactory):
    class Meta:
        model = ArrangementDay

    arrangement = factory.SubFactory(HolidayArrangementFactory)
    festival = "国庆节"
    kind = ArrangementDay.HOLIDAY
    start = datetime.date(2027, 10, 1)


def arrangement(year, *days):
    """An arrangement with (festival, kind, start, end) rows."""
    made = HolidayArrangementFactory(year=year)
    for festival, kind, start, end in days:
        ArrangementDayFactory(arrangement=made, festival=festival, kind=kind, start=start, end=end)
    return made
