"""Personal numbers in disclosure text: found when saved, masked when published.

What counts as personal data, and how it is masked, is ``personaldata``'s (one rule for every
output of the site); this module knows which fields of a disclosure page a villager reads, tells
the clerk where a number is and how it will be shown, and masks the page on publication.
"""

from personaldata.detect import BANK, EMAIL, ID_NUMBER, MOBILE, find
from personaldata.masking import mask, masked_value

__all__ = ["BANK", "EMAIL", "ID_NUMBER", "MOBILE", "find", "mask", "mask_page", "scan_page"]


# ---- a disclosure page's text fields --------------------------------------------------------

PAGE_FIELDS = {
    "title": "标题",
    "summary": "公开说明",
    "board_location": "公开栏位置",
    "review_opinion": "审核意见",
    "change_reason": "更正原因",
    "withdrawal_reason": "撤回原因",
}
CHILD_FIELDS = {
    "items": ("公开事项", {"title": "事项", "body": "内容"}),
    "finance_lines": (
        "收支明细",
        {"item": "摘要", "counterparty": "往来单位", "voucher": "凭证号"},
    ),
    "attachments": ("原件扫描件", {"title": "说明"}),
}


def _places(page):
    """(where, object, field name) of every text a villager would read."""
    for name, label in PAGE_FIELDS.items():
        yield label, page, name
    for relation, (label, fields) in CHILD_FIELDS.items():
        for number, child in enumerate(getattr(page, relation).all(), start=1):
            for name, field_label in fields.items():
                yield f"{label}第 {number} 行“{field_label}”", child, name


def scan_page(page):
    """Warnings for the clerk: where each personal number is and how it will be shown."""
    warnings = []
    for where, obj, name in _places(page):
        for finding in find(getattr(obj, name, "") or ""):
            warnings.append(f"{where}中有{finding.label}，发布时将显示为 {masked_value(finding)}")
    return warnings


def mask_page(page):
    """Mask every personal number on ``page`` in place; True if anything changed."""
    changed = False
    for _where, obj, name in _places(page):
        value = getattr(obj, name, "") or ""
        masked = mask(value)
        if masked != value:
            setattr(obj, name, masked)
            changed = True
    return changed
