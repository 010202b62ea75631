"""The statutory days off fixed by law, for years without a published 放假安排.

Source: 全国年节及纪念日放假办法 (国务院令, as amended 2024), Art. 2: 元旦 1 January; 春节
4 days (农历除夕 to 正月初三); 清明节 1 day (the 清明 solar term); 劳动节 1–2 May; 端午节
1 day (农历五月初五); 中秋节 1 day (农历八月十五); 国庆节 1–3 October. The lunar dates and the
solar term are computed by ``lunar_python``. The yearly arrangement adds bridging days off and
make-up working days (调休); those are unknown until the State Council publishes them.
"""

import datetime
from functools import lru_cache

from lunar_python import Lunar, Solar

__all__ = ["FESTIVALS", "statutory_days_off"]

FESTIVALS = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]


def _solar(lunar):
    solar = lunar.getSolar()
    return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _run(first, days):
    return [first + datetime.timedelta(days=n) for n in range(days)]


@lru_cache(maxsize=64)
def statutory_days_off(year):
    """{date: festival} of the year's statutory days off (the 春节 run may start in January)."""
    new_year = _solar(Lunar.fromYmd(year, 1, 1))
    qingming = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"]
    runs = [
        ("元旦", _run(datetime.date(year, 1, 1), 1)),
        ("春节", _run(new_year - datetime.timedelta(days=1), 4)),
        ("清明节", _run(datetime.date(year, 4, qingming.getDay()), 1)),
        ("劳动节", _run(datetime.date(year, 5, 1), 2)),
        ("端午节", _run(_solar(Lunar.fromYmd(year, 5, 5)), 1)),
        ("中秋节", _run(_solar(Lunar.fromYmd(year, 8, 15)), 1)),
        ("国庆节", _run(datetime.date(year, 10, 1), 3)),
    ]
    return {day: name for name, days in runs for day in days}
