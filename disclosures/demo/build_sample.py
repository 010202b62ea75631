"""Write sample.jsonl: demo disclosures for 圩洋村 and two invented villages (示例数据).

Every figure here is invented for demonstration; totals are computed so the tables add up.
Run: .venv/bin/python disclosures/demo/build_sample.py
"""

import csv
import json
from decimal import Decimal
from pathlib import Path

from disclosures.money import parse_amount

HERE = Path(__file__).parent
DEMO = "示例数据"
COUNTY = "盐城市亭湖区"
XUYANG = {
    "township": "新洋街道",
    "village": "圩洋村",
    "finance_interval": "quarter",
    "village_board_location": "圩洋村党群服务中心门前公开栏",
}
QINGHE = {
    "township": "示例镇",
    "village": "青禾村",
    "finance_interval": "month",
    "village_board_location": "青禾村村委会公开栏",
}
WANGHU = {
    "township": "示例镇",
    "village": "望湖社区",
    "finance_interval": "quarter",
    "village_board_location": "望湖社区服务站公开栏",
}
SIGN = {"reviewers": ["王某某", "陈某某", "刘某某"], "opinion": "已逐笔核对凭证，同意公开。"}


def table(opening, lines):
    opening = parse_amount(opening)
    income = sum((parse_amount(a) for d, _, _, a, *_ in lines if d == "收入"), Decimal("0"))
    spent = sum((parse_amount(a) for d, _, _, a, *_ in lines if d == "支出"), Decimal("0"))
    return {
        "opening_balance": f"{opening:.2f}",
        "lines": [
            {
                "direction": d,
                "date": day,
                "item": item,
                "amount": amount,
                "voucher": voucher,
                "counterparty": party,
            }
            for d, day, item, amount, voucher, party in lines
        ],
        "total_income": f"{income:.2f}",
        "total_expenditure": f"{spent:.2f}",
        "closing_balance": f"{opening + income - spent:.2f}",
    }


def record(rid, where, title, date, category, period, review_date, **extra):
    data = {
        "id": rid,
        "type": "disclosure",
        "title": title,
        "date": date,
        "county": COUNTY,
        **where,
        "category": category,
        "period": period,
        "sign_off": {**SIGN, "review_date": review_date},
        "demo_label": DEMO,
    }
    data.update(extra)
    return data


XUYANG_Q2 = [
    ("收入", "2026-04-10", "集体资产（酒店楼层）租金", "86,000.00", "记-0201", "示例酒店管理公司"),
    ("收入", "2026-05-06", "市场摊位管理费", "12,450.00", "记-0207", "市场经营户"),
    (
        "收入",
        "2026-06-18",
        "上级转移支付（村级运转经费）",
        "30,000.00",
        "记-0215",
        "新洋街道财政所",
    ),
    ("支出", "2026-04-22", "党群服务中心水电费", "3,216.40", "记-0204", "供电、供水公司"),
    ("支出", "2026-05-15", "安全生产宣传材料印制", "1,860.00", "记-0209", "示例印务店"),
    ("支出", "2026-06-03", "“春风行动”困难户慰问", "8,000.00", "记-0212", "困难户（名单另附）"),
    ("支出", "2026-06-25", "村干部误工补贴", "24,300.00", "记-0217", "村干部（名单另附）"),
]
XUYANG_Q3 = [
    ("收入", "2026-07-10", "集体资产（酒店楼层）租金", "86,000.00", "记-0301", "示例酒店管理公司"),
    ("收入", "2026-08-05", "物流仓储地块租金", "45,500.00", "记-0306", "示例物流公司"),
    ("收入", "2026-09-12", "市场摊位管理费", "11,980.00", "记-0311", "市场经营户"),
    ("支出", "2026-07-20", "党群服务中心水电费", "3,488.20", "记-0303", "供电、供水公司"),
    ("支出", "2026-08-14", "农庄路段环境整治保洁", "2,860.00", "记-0315", "示例保洁服务社"),
    ("支出", "2026-08-28", "村民代表大会会务", "1,240.50", "记-0318", "示例文印店"),
    ("支出", "2026-09-26", "村干部误工补贴", "24,300.00", "记-0322", "村干部（名单另附）"),
]
XUYANG_Q3_FIXED = [
    line if line[4] != "记-0315" else (*line[:3], "2,680.00", *line[4:]) for line in XUYANG_Q3
]
# 圩洋村 publishes quarterly; one monthly statement (October) shows the charts keep the quarters.
XUYANG_OCTOBER = [
    ("收入", "2026-10-12", "集体厂房租金", "18,000.00", "记-401", "示例物流公司"),
    ("支出", "2026-10-20", "秋季沟渠清淤", "6,350.00", "记-402", "示例水利队"),
]
QINGHE_MONTHS = {
    9: [
        ("收入", "2026-09-05", "村集体鱼塘承包费", "18,000.00", "记-0901", "承包户"),
        ("支出", "2026-09-18", "灌溉渠清淤", "4,200.00", "记-0903", "示例农机合作社"),
    ],
    10: [
        ("收入", "2026-10-08", "秸秆综合利用补助", "6,500.00", "记-1001", "示例镇农业服务中心"),
        ("支出", "2026-10-20", "村部办公用品", "386.50", "记-1004", "示例文具店"),
        ("支出", "2026-10-28", "老年活动室取暖设备", "2,150.00", "记-1006", "示例电器店"),
    ],
}
WANGHU_Q3 = [
    ("收入", "2026-07-03", "社区用房出租租金", "9,600.00", "记-301", "示例便利店"),
    ("收入", "2026-08-15", "社区服务项目补助", "15,000.00", "记-305", "示例镇民政办"),
    ("支出", "2026-07-25", "楼道照明维修", "1,735.80", "记-303", "示例物业公司"),
    ("支出", "2026-09-09", "敬老助餐点食材", "5,420.00", "记-308", "示例农贸市场"),
]


def build():
    q2 = table("152,340.16", XUYANG_Q2)
    q3_opening = q2["closing_balance"]
    records = [
        record(
            "demo-xuyang-2026q2-caiwu",
            XUYANG,
            "圩洋村2026年第二季度财务收支公开",
            "2026-07-08",
            "财务",
            "2026-Q2",
            "2026-07-06",
            finance=q2,
            summary="本季度集体收支情况如下，原始凭证可到村会计室查阅。",
            posted_on="2026-07-08",
        ),
        record(
            "demo-xuyang-2026q3-caiwu",
            XUYANG,
            "圩洋村2026年第三季度财务收支公开",
            "2026-10-09",
            "财务",
            "2026-Q3",
            "2026-10-07",
            finance=table(q3_opening, XUYANG_Q3),
            summary="本季度集体收支情况如下，原始凭证可到村会计室查阅。",
            posted_on="2026-10-09",
            corrections=[
                {
                    "date": "2026-10-16",
                    "reason": "凭证记-0315 金额录入有误，实为 2,680.00 元，"
                    "相应更正支出合计和期末余额。",
                    "finance": table(q3_opening, XUYANG_Q3_FIXED),
                }
            ],
        ),
        record(
            "demo-xuyang-2026q3-dangwu",
            XUYANG,
            "圩洋村2026年第三季度党务公开",
            "2026-10-09",
            "党务",
            "2026-Q3",
            "2026-10-07",
            items=[
                {
                    "title": "“六个一”责任清单落实情况",
                    "body": "班子成员按清单完成读书、谈心谈话和党课安排（示例内容）。",
                },
                {
                    "title": "党员大会",
                    "body": "本季度召开党员大会 1 次，讨论村级重大事项（示例内容）。",
                },
            ],
        ),
        record(
            "demo-xuyang-2026q3-cunwu",
            XUYANG,
            "圩洋村2026年第三季度村务公开",
            "2026-10-09",
            "村务",
            "2026-Q3",
            "2026-10-07",
            items=[
                {
                    "title": "村民代表大会",
                    "body": "履行民主议事程序，审议集体资产出租方案（示例内容）。",
                },
                {"title": "棚户区改造扫尾", "body": "剩余户协商进展每月在公开栏更新（示例内容）。"},
            ],
        ),
        record(
            "demo-xuyang-2026q3-fuwu",
            XUYANG,
            "圩洋村2026年第三季度服务公开",
            "2026-10-09",
            "服务",
            "2026-Q3",
            "2026-10-07",
            items=[
                {
                    "title": "退休人员资格认证",
                    "body": "每周二、四上午在党群服务中心办理（示例内容）。",
                },
                {"title": "用工平台", "body": "优先为困难群众提供就业信息（示例内容）。"},
            ],
        ),
        record(
            "demo-xuyang-2026-09-road",
            XUYANG,
            "村内道路修缮项目施工单位确定结果",
            "2026-09-12",
            "村务",
            "matter",
            "2026-09-11",
            matter_date="2026-09-10",
            summary="经村民代表会议决定，确定施工单位并公示（示例内容）。",
            items=[
                {"title": "项目", "body": "农庄路支路修缮（示例）"},
                {"title": "合同金额", "body": "约 18 万元（示例数字）"},
            ],
        ),
    ]
    records.append(
        record(
            "demo-xuyang-2026-10-caiwu",
            XUYANG,
            "圩洋村2026年10月财务收支公开",
            "2026-11-06",
            "财务",
            "2026-10",
            "2026-11-05",
            finance=table(table(q3_opening, XUYANG_Q3_FIXED)["closing_balance"], XUYANG_OCTOBER),
            summary="应村民代表要求，10 月收支单独公开一次（示例内容）。",
        )
    )
    opening = parse_amount("40,210.35")
    for month, lines in QINGHE_MONTHS.items():
        finance = table(f"{opening:.2f}", lines)
        opening = Decimal(finance["closing_balance"])
        records.append(
            record(
                f"demo-qinghe-2026-{month:02d}-caiwu",
                QINGHE,
                f"青禾村2026年{month}月财务收支公开",
                f"2026-{month + 1:02d}-06",
                "财务",
                f"2026-{month:02d}",
                f"2026-{month + 1:02d}-05",
                finance=finance,
            )
        )
    records += [
        record(
            "demo-qinghe-2026q3-dangwu",
            QINGHE,
            "青禾村2026年第三季度党务公开",
            "2026-10-08",
            "党务",
            "2026-Q3",
            "2026-10-06",
            items=[{"title": "发展党员", "body": "本季度确定入党积极分子 1 名（示例内容）。"}],
        ),
        record(
            "demo-qinghe-2026q2-cunwu",
            QINGHE,
            "青禾村2026年第二季度村务公开",
            "2026-07-09",
            "村务",
            "2026-Q2",
            "2026-07-07",
            items=[{"title": "土地流转", "body": "新签流转合同 3 份（示例内容）。"}],
        ),
        record(
            "demo-wanghu-2026q3-caiwu",
            WANGHU,
            "望湖社区2026年第三季度财务收支公开",
            "2026-10-10",
            "财务",
            "2026-Q3",
            "2026-10-08",
            finance_csv="wanghu-2026q3.csv",
        ),
        record(
            "demo-wanghu-2026q3-dangwu",
            WANGHU,
            "望湖社区2026年第三季度党务公开",
            "2026-10-10",
            "党务",
            "2026-Q3",
            "2026-10-08",
            items=[{"title": "主题党日", "body": "组织党员开展楼道清理志愿服务（示例内容）。"}],
        ),
        record(
            "demo-wanghu-2026q3-cunwu",
            WANGHU,
            "望湖社区2026年第三季度居务公开",
            "2026-10-10",
            "村务",
            "2026-Q3",
            "2026-10-08",
            items=[{"title": "加装电梯意见征集", "body": "3 个单元完成意见征集（示例内容）。"}],
        ),
        record(
            "demo-wanghu-2026q3-fuwu",
            WANGHU,
            "望湖社区2026年第三季度服务公开",
            "2026-10-10",
            "服务",
            "2026-Q3",
            "2026-10-08",
            items=[{"title": "敬老助餐", "body": "工作日中午供餐（示例内容）。"}],
            corrections=[
                {
                    "date": "2026-10-15",
                    "reason": "与社区另行张贴的服务指南内容重复，撤回后将合并重新公开。",
                    "withdrawn": {
                        "reason": "与社区另行张贴的服务指南内容重复，撤回后将合并重新公开。"
                    },
                }
            ],
        ),
    ]
    wanghu = table("63,118.40", WANGHU_Q3)
    with (HERE / "wanghu-2026q3.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([f"# {DEMO}：望湖社区为虚构示例，数字均为演示用"])
        writer.writerow(["类型", "日期", "摘要", "金额", "凭证号", "往来单位"])
        writer.writerow(["期初余额", "", "", wanghu["opening_balance"], "", ""])
        for line in wanghu["lines"]:
            writer.writerow(
                [
                    line["direction"],
                    line["date"],
                    line["item"],
                    line["amount"],
                    line["voucher"],
                    line["counterparty"],
                ]
            )
        for key, label in (
            ("total_income", "收入合计"),
            ("total_expenditure", "支出合计"),
            ("closing_balance", "期末余额"),
        ):
            writer.writerow([label, "", "", wanghu[key], "", ""])
    with (HERE / "sample.jsonl").open("w", encoding="utf-8") as handle:
        for item in records:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    build()
