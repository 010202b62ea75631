"""The tables of the 政府信息公开工作年度报告, in the State Council disclosure office's format,
and how they are counted from the data. Pure functions over plain values (the policies app
counts its own 规范性文件, see report_build.normative_counts)."""

import datetime

from .outcomes import (
    ALREADY_PUBLIC,
    APPLICANT_CHOICES,
    DISCLOSE,
    GROUNDS,
    OUTCOME_LABELS,
    PARTIAL,
)

COLUMNS = [code for code, _ in APPLICANT_CHOICES] + ["total"]
COLUMN_LABELS = [label for _, label in APPLICANT_CHOICES] + ["总计"]
CN_NUMBERS = "一二三四五六七八"

# 二、主动公开政府信息情况: (key, article, label, column headings)
PROACTIVE_ROWS = [
    ("rules", "第二十条第（一）项", "规章", ["本年制发件数", "本年废止件数", "现行有效件数"]),
    ("normative", "第二十条第（一）项", "行政规范性文件", ["本年制发件数", "本年废止件数", "现行有效件数"]),  # noqa: E501
    ("licensing", "第二十条第（五）项", "行政许可", ["本年处理决定数量"]),
    ("punishment", "第二十条第（六）项", "行政处罚", ["本年处理决定数量"]),
    ("coercion", "第二十条第（六）项", "行政强制", ["本年处理决定数量"]),
    ("fees", "第二十条第（八）项", "行政事业性收费", ["本年收费金额（单位：万元）"]),
]  # fmt: skip

# 四、行政复议、行政诉讼情况: 15 numbers in three groups.
REVIEW_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
REVIEW_GROUPS = [
    ("review", "行政复议"),
    ("direct_suit", "行政诉讼（未经复议直接起诉）"),
    ("suit_after_review", "行政诉讼（复议后起诉）"),
]


def application_rows():
    """(key, label, depth) of 三、收到和处理政府信息公开申请情况, top to bottom."""
    rows = [
        ("new", "一、本年新收政府信息公开申请数量", 0),
        ("carried_in", "二、上年结转政府信息公开申请数量", 0),
        ("results", "三、本年度办理结果", 0),
        ("disclose", "（一）予以公开", 1),
        ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1),
    ]
    for number, (outcome, grounds) in enumerate(GROUNDS.items(), start=3):
        rows.append((outcome, f"（{CN_NUMBERS[number - 1]}）{OUTCOME_LABELS[outcome]}", 1))
        rows += [
            (f"{outcome}.{code}", f"{i}.{label}", 2)
            for i, (code, label) in enumerate(grounds, start=1)
        ]
    rows += [("results_total", "（七）总计", 1), ("carried_out", "四、结转下年度继续办理", 0)]
    return rows


ROW_KEYS = [key for key, _label, _depth in application_rows()]
HEADING_ROWS = {"results", *GROUNDS}  # headings whose numbers are the sum of their lines


def outcome_row(outcome, ground):
    if outcome in (DISCLOSE, ALREADY_PUBLIC):
        return "disclose"
    if outcome == PARTIAL:
        return "partial"
    if outcome in GROUNDS:
        codes = [code for code, _ in GROUNDS[outcome]]
        return f"{outcome}.{ground if ground in codes else codes[-1]}"
    return "other.other"


def count_applications(requests, year):
    """The application table: row key → 7 numbers (six applicant columns and 总计).

    ``requests`` are objects with received_on, replied_on (date or None), outcome, ground and
    asker_type; a request is finished in the year its reply is dated.
    """
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    table = {key: [0] * len(COLUMNS) for key in ROW_KEYS}

    def add(key, column):
        table[key][column] += 1
        table[key][-1] += 1

    for r in requests:
        column = COLUMNS.index(r.asker_type) if r.asker_type in COLUMNS[:-1] else 5
        if r.received_on > end:
            continue
        if r.received_on >= start:
            add("new", column)
        elif r.replied_on is None or r.replied_on >= start:
            add("carried_in", column)
        else:
            continue
        if r.replied_on and start <= r.replied_on <= end:
            add(outcome_row(r.outcome, r.ground), column)
            add("results_total", column)
        elif r.replied_on is None or r.replied_on > end:
            add("carried_out", column)
    for heading in GROUNDS:
        lines = [k for k in ROW_KEYS if k.startswith(heading + ".")]
        table[heading] = [sum(table[k][c] for k in lines) for c in range(len(COLUMNS))]
    table["results"] = [0] * len(COLUMNS)
    return table


def check_application_table(table):
    """Problems (Chinese) with an edited application table; [] when it is consistent."""
    problems = []
    if not isinstance(table, dict):
        return ["申请情况表格式不正确"]
    for key, label, _depth in application_rows():
        row = table.get(key)
        if not isinstance(row, list) or len(row) != len(COLUMNS):
            problems.append(f"“{label}”应有 {len(COLUMNS)} 个数字")
            continue
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in row):
            problems.append(f"“{label}”的数字应为非负整数")
        elif sum(row[:-1]) != row[-1]:
            problems.append(f"“{label}”的总计 {row[-1]} 与各列之和 {sum(row[:-1])} 不符")
    if problems:
        return problems
    done = table["results_total"][-1]
    if table["new"][-1] + table["carried_in"][-1] != done + table["carried_out"][-1]:
        problems.append("本年新收与上年结转之和，应等于办理结果总计与结转下年度之和")
    return problems


def empty_proactive():
    return {key: [0] * len(columns) for key, _a, _l, columns in PROACTIVE_ROWS}


def empty_review():
    return {key: [0] * len(REVIEW_RESULTS) for key, _label in REVIEW_GROUPS}
