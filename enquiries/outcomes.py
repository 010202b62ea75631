"""Outcome types of a reply (政府信息公开条例 Art. 36) and the rows of the annual report."""

DISCLOSE = "disclose"
ALREADY_PUBLIC = "already_public"
PARTIAL = "partial"
WITHHOLD = "withhold"
UNABLE = "unable"
NOT_HANDLED = "not_handled"
OTHER = "other"
ANSWER = "answer"  # a villager question or a message: answered in words

OUTCOME_CHOICES = [
    (DISCLOSE, "予以公开"),
    (ALREADY_PUBLIC, "已主动公开（告知获取方式）"),
    (PARTIAL, "部分公开"),
    (WITHHOLD, "不予公开"),
    (UNABLE, "无法提供"),
    (NOT_HANDLED, "不予处理"),
    (OTHER, "其他处理"),
    (ANSWER, "答复（质询、留言）"),
]
OUTCOME_LABELS = dict(OUTCOME_CHOICES)

# Sub-reasons as the State Council's report format names them; code → label.
GROUNDS = {
    WITHHOLD: [
        ("state_secret", "属于国家秘密"),
        ("law_forbids", "其他法律行政法规禁止公开"),
        ("security", "危及“三安全一稳定”"),
        ("third_party", "保护第三方合法权益"),
        ("internal", "属于三类内部事务信息"),
        ("process", "属于四类过程性信息"),
        ("enforcement", "属于行政执法案卷"),
        ("inquiry", "属于行政查询事项"),
    ],
    UNABLE: [
        ("not_held", "本机关不掌握相关政府信息"),
        ("needs_making", "没有现成信息需要另行制作"),
        ("still_unclear", "补正后申请内容仍不明确"),
    ],
    NOT_HANDLED: [
        ("petition", "信访举报投诉类申请"),
        ("repeat", "重复申请"),
        ("publication", "要求提供公开出版物"),
        ("mass", "无正当理由大量反复申请"),
        ("confirm", "要求行政机关确认或重新出具已获取信息"),
    ],
    OTHER: [
        ("no_supplement", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("no_fee", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other", "其他"),
    ],
}
GROUND_CHOICES = [(code, label) for rows in GROUNDS.values() for code, label in rows]
GROUND_LABELS = dict(GROUND_CHOICES)
REQUEST_OUTCOMES = [c for c, _ in OUTCOME_CHOICES if c != ANSWER]

# Applicant columns of the report: 自然人, then 法人或其他组织 by type.
PERSON = "person"
APPLICANT_CHOICES = [
    (PERSON, "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("public_interest", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other_org", "其他组织"),
]
APPLICANT_LABELS = dict(APPLICANT_CHOICES)
