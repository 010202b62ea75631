"""The window of each common kind of 公示, and of a public consultation, as data.

Sources:
- 社会救助 (低保、特困等) 公示: 7 days (民政部《最低生活保障审核确认办法》2021, Art. 21).
- 村民会议: called with at least 10 days' notice (村民委员会组织法 Art. 21).
- 村规民约、宅基地、项目与招投标结果等村务: 村民委员会组织法 Art. 30 with provincial rules
  (7 days is the common practice; a villager's objection is answered within 10 days and reviewed
  by the 村务监督委员会, Art. 32).
- 意见征集: 重大行政决策程序暂行条例 (2019) Art. 15, at least 30 days unless a reason is stated;
  Art. 32 publishes how comments were taken up.
"""

from dataclasses import dataclass

WORKING = "working"
CALENDAR = "calendar"

WINDOW = "window"  # the notice runs for at least min_days
AHEAD = "ahead"  # the notice is posted at least min_days before an event (the window's end)


@dataclass(frozen=True)
class NoticeRule:
    kind: str
    label: str
    min_days: int
    unit: str = CALENDAR
    basis: str = ""
    anonymous_allowed: bool = True
    mode: str = WINDOW
    answer_days: int = 10  # an objection is answered within this many calendar days

    @property
    def unit_label(self):
        return "个工作日" if self.unit == WORKING else "天"

    def describe(self):
        if self.mode == AHEAD:
            return f"应至少提前 {self.min_days} {self.unit_label}公告（{self.basis}）"
        return f"公示期不少于 {self.min_days} {self.unit_label}（{self.basis}）"


RULES = [
    NoticeRule(
        "dibao", "最低生活保障（低保）名单", 7, basis="《最低生活保障审核确认办法》第二十一条"
    ),
    NoticeRule("tekun", "特困人员供养名单", 7, basis="《特困人员认定办法》"),
    NoticeRule("subsidy", "惠农补贴发放名单", 7, basis="《村民委员会组织法》第三十条"),
    NoticeRule("zhaijidi", "宅基地申请", 7, basis="《农村宅基地管理办法》与本省规定"),
    NoticeRule(
        "tender", "项目招投标结果", 3, unit=WORKING, basis="《招标投标法实施条例》第五十四条"
    ),
    NoticeRule("guiyue", "村规民约修订", 7, basis="《村民委员会组织法》第二十七条"),
    NoticeRule(
        "meeting",
        "村民会议通知",
        10,
        basis="《村民委员会组织法》第二十一条",
        mode=AHEAD,
    ),
    NoticeRule(
        "cadre",
        "干部任前公示",
        5,
        unit=WORKING,
        basis="《党政领导干部选拔任用工作条例》第四十条",
        anonymous_allowed=False,
    ),
    NoticeRule("other", "其他公示", 5, unit=WORKING, basis="本级公开目录"),
]
BY_KIND = {rule.kind: rule for rule in RULES}
KIND_CHOICES = [(rule.kind, rule.label) for rule in RULES]


def rule_for(kind):
    return BY_KIND.get(kind, BY_KIND["other"])


@dataclass(frozen=True)
class ConsultationRule:
    min_days: int = 30
    unit: str = CALENDAR
    basis: str = "《重大行政决策程序暂行条例》第十五条"
    comment_max_chars: int = 2000
    mode: str = WINDOW
    label: str = "意见征集"

    @property
    def unit_label(self):
        return "天"

    def describe(self):
        return f"征求意见期不少于 {self.min_days} 天（{self.basis}），缩短的须说明理由"


CONSULTATION = ConsultationRule()
