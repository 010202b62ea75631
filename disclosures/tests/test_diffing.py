"""Human-readable differences between published versions."""

from disclosures.diffing import diff_snapshots, summarise


def snapshot(**overrides):
    base = {
        "title": "2024年第一季度财务公开",
        "board_location": "村委会公开栏",
        "items": [{"title": "说明", "body": "本季度收支情况"}],
        "attachments": [{"title": "凭证扫描件", "file_hash": "abc"}],
        "sign_off": {"reviewers": "张三、李四", "review_date": "2024-04-05", "review_opinion": ""},
        "finance": {
            "opening_balance": "100.00",
            "total_income": "50.00",
            "total_expenditure": "0.00",
            "closing_balance": "150.00",
            "lines": [
                {
                    "direction": "income",
                    "date": "2024-01-05",
                    "item": "租金",
                    "amount": "50.00",
                    "voucher": "记-1",
                    "counterparty": "",
                }
            ],
        },
        "withdrawal": None,
    }
    base.update(overrides)
    return base


def test_identical_snapshots_have_no_changes():
    assert diff_snapshots(snapshot(), snapshot()) == []


def test_changed_amount_and_line_are_described():
    new = snapshot()
    new["finance"] = dict(
        new["finance"],
        total_income="60.00",
        closing_balance="160.00",
        lines=[dict(new["finance"]["lines"][0], amount="60.00")],
    )
    texts = [summarise(c) for c in diff_snapshots(snapshot(), new)]
    assert "收入合计：50.00 元 → 60.00 元" in texts
    assert "期末余额：150.00 元 → 160.00 元" in texts
    assert "删除收支明细：收入 2024-01-05 租金 50.00 元 凭证 记-1" in texts
    assert "新增收支明细：收入 2024-01-05 租金 60.00 元 凭证 记-1" in texts
    assert len(texts) == 4


def test_sign_off_title_and_withdrawal():
    new = snapshot(
        title="2024年第一季度财务公开（更正）",
        sign_off={"reviewers": "张三、王五", "review_date": "2024-04-05", "review_opinion": ""},
        withdrawal={"withdrawal_reason": "数据录入有误", "withdrawn_on": "2024-05-01"},
    )
    texts = [summarise(c) for c in diff_snapshots(snapshot(), new)]
    assert texts == [
        "标题：2024年第一季度财务公开 → 2024年第一季度财务公开（更正）",
        "监督委员会审核人：张三、李四 → 张三、王五",
        "撤回原因：（空） → 数据录入有误",
    ]
