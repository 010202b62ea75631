"""What changed between two published versions of a disclosure, in Chinese for the public."""

from collections import Counter
from decimal import Decimal

from .finance import DIRECTION_LABELS, SUMMARY_FIELDS
from .money import format_amount

FIELD_LABELS = {
    "title": "标题",
    "summary": "说明",
    "board_location": "公开栏位置",
    "posted_on": "张贴日期",
    "period_label": "公开期间",
    "category_label": "公开类别",
    "matter_date": "事项日期",
    "reviewers": "监督委员会审核人",
    "review_date": "审核日期",
    "review_opinion": "审核意见",
    "opening_balance": "期初余额",
    "total_income": "收入合计",
    "total_expenditure": "支出合计",
    "closing_balance": "期末余额",
    "withdrawal_reason": "撤回原因",
}
AMOUNT_FIELDS = set(SUMMARY_FIELDS)


def _show(key, value):
    if value in (None, ""):
        return "（空）"
    if key in AMOUNT_FIELDS:
        return f"{format_amount(Decimal(value))} 元"
    return str(value)


def describe_line(line):
    parts = [
        DIRECTION_LABELS.get(line.get("direction"), ""),
        line.get("date") or "",
        line.get("item", ""),
        f"{format_amount(Decimal(line['amount']))} 元",
    ]
    if line.get("voucher"):
        parts.append(f"凭证 {line['voucher']}")
    if line.get("counterparty"):
        parts.append(line["counterparty"])
    return " ".join(p for p in parts if p)


def describe_item(item):
    return f"{item.get('title', '')}：{item.get('body', '')}".strip("：")


def describe_attachment(item):
    """The title and the start of the file's hash, so a new file under the same title shows."""
    digest = item.get("file_hash") or ""
    return f"{item.get('title', '')}（文件 {digest[:12]}）" if digest else item.get("title", "")


def _list_changes(label, old, new, describe):
    old_text = Counter(describe(x) for x in old or [])
    new_text = Counter(describe(x) for x in new or [])
    changes = []
    for text in (old_text - new_text).elements():
        changes.append({"field": label, "kind": "removed", "old": text, "new": ""})
    for text in (new_text - old_text).elements():
        changes.append({"field": label, "kind": "added", "old": "", "new": text})
    return changes


def diff_snapshots(old, new):
    """A list of {field, kind, old, new} dicts: changed fields, added and removed list entries."""
    changes = []
    for key, label in FIELD_LABELS.items():
        before, after = _flat(old).get(key), _flat(new).get(key)
        if before != after:
            changes.append(
                {
                    "field": label,
                    "kind": "changed",
                    "old": _show(key, before),
                    "new": _show(key, after),
                }
            )
    changes += _list_changes("公开事项", old.get("items"), new.get("items"), describe_item)
    changes += _list_changes(
        "附件", old.get("attachments"), new.get("attachments"), describe_attachment
    )
    old_lines = (old.get("finance") or {}).get("lines")
    new_lines = (new.get("finance") or {}).get("lines")
    changes += _list_changes("收支明细", old_lines, new_lines, describe_line)
    return changes


def _flat(snapshot):
    flat = dict(snapshot)
    flat.update(snapshot.get("sign_off") or {})
    finance = snapshot.get("finance") or {}
    flat.update({k: v for k, v in finance.items() if k != "lines"})
    flat.update(snapshot.get("withdrawal") or {})
    return flat


def summarise(change):
    """One sentence for a change, e.g. “收入合计：1,500.00 元 → 1,500.10 元”."""
    if change["kind"] == "added":
        return f"新增{change['field']}：{change['new']}"
    if change["kind"] == "removed":
        return f"删除{change['field']}：{change['old']}"
    return f"{change['field']}：{change['old']} → {change['new']}"
