"""The clock rules of each kind of enquiry, as data.

Sources: 政府信息公开条例 (2019) Art. 30, 32, 33; 村民委员会组织法 Art. 30 with provincial rules
(a villager's question on a disclosure answered within 10 days, reviewed by the
村务监督委员会; counted here, in the public text and in the admin alike, as 10 working days
on China's calendar); the inspection rules for government sites (messages must not wait months).
"""

from dataclasses import dataclass

REQUEST = "request"
QUESTION = "question"
MESSAGE = "message"

KIND_CHOICES = [
    (REQUEST, "政府信息公开申请"),
    (QUESTION, "村务质询"),
    (MESSAGE, "咨询留言"),
]
KIND_LABELS = dict(KIND_CHOICES)

WORKING = "working"
CALENDAR = "calendar"


@dataclass(frozen=True)
class ClockRule:
    """How long one kind of enquiry may take, and what may stop or extend its clock."""

    kind: str
    limit: int  # days to answer, counted from the day after receipt
    unit: str = WORKING  # WORKING days on China's calendar, or CALENDAR days
    extension: int = 0  # days one extension adds (0: no extension)
    max_extensions: int = 0
    third_party_pause: int = 0  # longest pause for a third party's opinion (working days)
    supplement_days: int = 0  # the applicant's time to complete; the clock restarts after
    committee_review: bool = False  # the village's supervision committee reviews the reply
    public: bool = False  # question and reply may be shown to the public once moderated
    due_soon: int = 3  # working days before the due date that count as "due soon"
    answered_by: str = ""

    @property
    def unit_label(self):
        return "个工作日" if self.unit == WORKING else "日"

    def describe(self):
        """One sentence for forms and letters, in Chinese."""
        text = f"{self.answered_by}自收到之日起 {self.limit} {self.unit_label}内答复"
        if self.extension:
            text += f"；情况复杂的，可延长一次，不超过 {self.extension} 个工作日，并书面告知"
        if self.third_party_pause:
            text += f"；征求第三方意见的时间（最长 {self.third_party_pause} 个工作日）不计算在内"
        if self.supplement_days:
            text += "；申请内容不明确的，将一次性告知补正，期限自收到补正后的申请起重新计算"
        return text + "。"


RULES = {
    REQUEST: ClockRule(
        kind=REQUEST,
        limit=20,
        extension=20,
        max_extensions=1,
        third_party_pause=15,
        supplement_days=7,
        answered_by="受理机关",
    ),
    QUESTION: ClockRule(
        kind=QUESTION,
        limit=10,
        committee_review=True,
        public=True,
        due_soon=2,
        answered_by="村民委员会（经村务监督委员会审核）",
    ),
    MESSAGE: ClockRule(kind=MESSAGE, limit=5, public=True, due_soon=1, answered_by="承办部门"),
}


def rule_for(kind):
    return RULES[kind]
