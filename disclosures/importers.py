"""Import record type `disclosure`: a village disclosure, its place in the hierarchy, finances.

Keys (besides id, type, title, date, demo_label):
  county, township, village (names; created under 四务公开 when missing), township_kind
  (乡镇/街道), village_kind (村/社区), finance_interval (month/quarter), village_board_location;
  category (党务/村务/财务/服务), period ("2024-Q1", "2024-03", "2024" or "matter" with
  matter_date), summary, board_location, posted_on, items [{title, body}];
  finance {opening_balance, lines [{direction 收入/支出, date, item, amount, voucher,
  counterparty}], total_income, total_expenditure, closing_balance} with amounts as strings,
  or finance_csv (a CSV in the template layout, relative to the JSONL file);
  sign_off {reviewers, review_date, opinion} (required: import publishes);
  correction_reason (required when a re-import changes a published disclosure);
  withdrawn {reason}.
"""

import datetime
import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from importing import ImportError_, RecordType, register
from importing.pages import ensure_index, save_page, unique_slug
from importing.records import Record, check_date

from . import schedule
from .finance import DIRECTION_BY_LABEL, DIRECTION_LABELS, SUMMARY_FIELDS, Line, check_table
from .finance_csv import parse_finance_csv
from .models import (
    CountyPage,
    DisclosureIndexPage,
    DisclosureItem,
    DisclosurePage,
    FinanceLine,
    TownshipPage,
    VillagePage,
)
from .models.versions import publication_time
from .money import AmountError, parse_amount

CATEGORIES = {
    "党务": schedule.PARTY,
    "村务": schedule.VILLAGE,
    "财务": schedule.FINANCE,
    "服务": schedule.SERVICE,
    **{key: key for key in schedule.CATEGORY_LABELS},
}
DIRECTIONS = {**DIRECTION_BY_LABEL, **{key: key for key in DIRECTION_LABELS}}
PERIOD_RE = re.compile(r"^(\d{4})(?:-Q([1-4])|-(\d{2}))?$")


def parse_period(record):
    """(kind, year, number, matter_date) from the record, or raise ValueError in Chinese."""
    period = record.get("period")
    if period == "matter":
        if check_date(record, "matter_date", required=True):
            raise ValueError("单项事项（period 为 matter）须填写 matter_date（YYYY-MM-DD）")
        day = record.date("matter_date")
        return schedule.MATTER, day.year, None, day
    match = PERIOD_RE.match(period) if isinstance(period, str) else None
    if not match:
        raise ValueError(f"period 应为 2024-Q1、2024-03、2024 或 matter，实际为 {period!r}")
    year, quarter, month = int(match[1]), match[2], match[3]
    if quarter:
        return schedule.QUARTER, year, int(quarter), None
    if month:
        if not 1 <= int(month) <= 12:
            raise ValueError(f"period 的月份 {month} 无效")
        return schedule.MONTH, year, int(month), None
    return schedule.YEAR, year, None, None


def _amount(value, where, problems):
    if isinstance(value, float):
        problems.append(f'{where} 应写成字符串（如 "1234.50"），不能用浮点数字')
        return None
    try:
        return parse_amount(value)
    except AmountError as exc:
        problems.append(f"{where}：{exc}")
        return None


def _json_lines(raw_lines, problems):
    lines = []
    if not isinstance(raw_lines, list):
        problems.append("finance.lines 应为列表")
        return lines
    for number, raw in enumerate(raw_lines, start=1):
        where = f"finance.lines 第 {number} 条"
        if not isinstance(raw, dict):
            problems.append(f"{where} 应为对象")
            continue
        direction = DIRECTIONS.get(raw.get("direction"))
        if direction is None:
            problems.append(f"{where} 的 direction 应为“收入”或“支出”")
        date_problems = check_date(raw, "date", required=True)
        problems += [f"{where}：{p}" for p in date_problems]
        amount = _amount(raw.get("amount"), f"{where} 的 amount", problems)
        if direction and amount is not None and not date_problems:
            lines.append(
                Line(
                    direction,
                    amount,
                    str(raw.get("item") or "").strip(),
                    date.fromisoformat(raw["date"]),
                    str(raw.get("voucher") or "").strip(),
                    str(raw.get("counterparty") or "").strip(),
                )
            )
    return lines


def read_finance(record, period_bounds):
    """(table dict, problems): the table from `finance` or `finance_csv`, fully checked."""
    problems = []
    start, end = period_bounds
    if record.get("finance_csv"):
        path = record.base_dir / str(record.get("finance_csv"))
        try:
            data = path.read_bytes()
        except OSError as exc:
            return None, [f"无法读取 finance_csv 文件 {path.name}（{exc.strerror}）"]
        parsed = parse_finance_csv(data, period_start=start, period_end=end)
        if not parsed.ok:
            return None, [f"finance_csv {path.name} {error}" for error in parsed.errors]
        summary = parsed.summary
        missing = [k for k in SUMMARY_FIELDS if k not in summary]
        if missing:
            return None, [
                f"finance_csv {path.name} 缺少汇总行：期初余额、收入合计、支出合计、期末余额"
            ]
        return {"lines": parsed.lines, **summary}, []
    finance = record.get("finance")
    if not isinstance(finance, dict):
        return None, ["财务公开须提供 finance（对象）或 finance_csv（CSV 文件）"]
    table = {"lines": _json_lines(finance.get("lines", []), problems)}
    for key in SUMMARY_FIELDS:
        table[key] = _amount(finance.get(key), f"finance.{key}", problems)
    if problems:
        return None, problems
    checks = check_table(
        table["opening_balance"],
        table["lines"],
        stated_income=table["total_income"],
        stated_expenditure=table["total_expenditure"],
        stated_closing=table["closing_balance"],
        period_start=start,
        period_end=end,
    )
    return table, [
        f"finance.lines {p.message}" if p.line is not None else p.message for p in checks
    ]


def _sign_off_problems(record):
    sign_off = record.get("sign_off")
    if not isinstance(sign_off, dict):
        return ["须提供 sign_off（村务监督委员会审核人 reviewers 和审核日期 review_date）"]
    reviewers = sign_off.get("reviewers")
    if isinstance(reviewers, list):
        reviewers = "、".join(str(r).strip() for r in reviewers if str(r).strip())
    problems = (
        [] if isinstance(reviewers, str) and reviewers.strip() else ["sign_off.reviewers 不能为空"]
    )
    problems += [f"sign_off.{p}" for p in check_date(sign_off, "review_date", required=True)]
    return problems


def _reviewers(record):
    reviewers = record.get("sign_off", {}).get("reviewers")
    if isinstance(reviewers, list):
        return "、".join(str(r).strip() for r in reviewers if str(r).strip())
    return reviewers.strip()


CORRECTABLE = (
    "title",
    "summary",
    "items",
    "finance",
    "finance_csv",
    "sign_off",
    "board_location",
    "posted_on",
    "withdrawn",
)


def corrected(record, correction):
    """The record as it reads after applying one correction's keys."""
    data = {**record.data, **{k: v for k, v in correction.items() if k in CORRECTABLE}}
    return Record(data=data, path=record.path, line=record.line)


def states(record):
    """The successive published states: the record itself, then each correction applied."""
    current, result = record, [(record, None)]
    for correction in record.get("corrections") or []:
        current = corrected(current, correction)
        result.append((current, correction))
    return result


@register
class DisclosureRecord(RecordType):
    name = "disclosure"
    order = 60
    required_fields = ("title", "date", "county", "township", "village")

    def check(self, record, batch):
        """Problems, or the (state, correction, page values) of each state to publish, with the
        period parsed and the finance table read once."""
        problems = []
        if record.get("category") not in CATEGORIES:
            problems.append("category 应为 党务、村务、财务 或 服务")
        try:
            period = parse_period(record)
        except ValueError as exc:
            return [*problems, str(exc)], None
        interval = record.get("finance_interval")
        if interval is not None and interval not in (schedule.MONTH, schedule.QUARTER):
            problems.append("finance_interval 应为 month 或 quarter")
        corrections = record.get("corrections") or []
        if not isinstance(corrections, list):
            return [*problems, "corrections 应为列表"], None
        previous_date = record.get("date")
        for number, correction in enumerate(corrections, start=1):
            where = f"corrections 第 {number} 条"
            if not isinstance(correction, dict) or not str(correction.get("reason") or "").strip():
                problems.append(f"{where} 须为对象并填写 reason（更正原因）")
                continue
            date_problems = check_date(correction, "date", required=True)
            problems += [f"{where}：{p}" for p in date_problems]
            if not date_problems and correction["date"] < previous_date:
                problems.append(f"{where}：date 不能早于上一次发布日期 {previous_date}")
            previous_date = correction.get("date") or previous_date
        checked = []
        for state, correction in states(record):
            prefix = f"更正“{correction['reason']}”后：" if correction else ""
            found, table = self.state_problems(state, _bounds(period))
            problems += [prefix + p for p in found]
            checked.append((state, correction, table))
        if problems:
            return problems, None
        return [], [(s, c, page_state(s, period, table)) for s, c, table in checked]

    def state_problems(self, record, bounds):
        """(problems, finance table or None) of one published state."""
        problems = check_date(record, "posted_on")
        problems += _sign_off_problems(record)
        items = record.get("items", [])
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and str(i.get("title") or "").strip() for i in items
        ):
            problems.append("items 应为 {title, body} 对象的列表，且每项须有 title")
        withdrawn = record.get("withdrawn")
        if withdrawn is not None and not (
            isinstance(withdrawn, dict) and str(withdrawn.get("reason") or "").strip()
        ):
            problems.append('withdrawn 应为 {"reason": "撤回原因"}')
        table = None
        if CATEGORIES.get(record.get("category")) == schedule.FINANCE:
            table, found = read_finance(record, bounds)
            problems += found
        return problems, table

    def save(self, record, batch):
        village = self.village(record)
        existing = self.existing(record, batch)
        history = batch.checked[record.id]
        history = history if existing is None else history[-1:]
        page = None
        try:
            for state, correction, values in history:
                when = correction["date"] if correction else record.get("date")
                if existing is not None:
                    when = None  # a re-import is published now, not back-dated
                token = publication_time.set(_noon(when) if when else None)
                try:
                    page = self.publish_state(state, correction, values, village, batch)
                finally:
                    publication_time.reset(token)
        except ValidationError as exc:
            where = f"{record.path}:{record.line}"
            raise ImportError_([f"{where}: {message}" for message in exc.messages]) from exc
        return page

    def publish_state(self, record, correction, values, village, batch):
        fields, items, lines = values
        if correction:
            fields["change_reason"] = str(correction["reason"]).strip()

        def prepare(page):
            page.clean()
            page.items = items
            page.finance_lines = lines

        return save_page(record, DisclosurePage, village, fields, batch, prepare=prepare)

    def village(self, record):
        demo = record.text("demo_label")
        index = ensure_index(DisclosureIndexPage, "siwu", "四务公开")
        county = _child(index, CountyPage, record.text("county"), demo)
        township_name = record.text("township")
        township_kind = record.text("township_kind") or (
            "街道" if township_name.endswith("街道") else "乡镇"
        )
        township = _child(county, TownshipPage, township_name, demo, kind=township_kind)
        village_name = record.text("village")
        village_kind = record.text("village_kind") or (
            "社区" if village_name.endswith("社区") else "村"
        )
        extra = {"kind": village_kind}
        if record.get("finance_interval"):
            extra["finance_interval"] = record.get("finance_interval")
        if record.text("village_board_location"):
            extra["board_location"] = record.text("village_board_location")
        return _child(township, VillagePage, village_name, demo, **extra)


def _bounds(period):
    kind, year, number, _matter = period
    if kind == schedule.MATTER:
        return None, None
    return schedule.period_bounds(kind, year, number or 0)


def _noon(day):
    return timezone.make_aware(
        datetime.datetime.combine(date.fromisoformat(day), datetime.time(12))
    )


def page_state(record, period, table):
    """(fields, items, finance lines) of a disclosure page for one published state, from the
    record's parsed period and checked finance table."""
    kind, year, number, matter = period
    category = CATEGORIES[record.get("category")]
    sign_off = record.get("sign_off")
    withdrawn = record.get("withdrawn") or {}
    fields = {
        "category": category,
        "period_kind": kind,
        "period_year": year,
        "period_number": number,
        "matter_date": matter,
        "summary": record.text("summary"),
        "board_location": record.text("board_location"),
        "posted_on": record.date("posted_on"),
        "reviewers": _reviewers(record),
        "review_date": date.fromisoformat(sign_off["review_date"]),
        "review_opinion": str(sign_off.get("opinion") or "").strip(),
        "change_reason": record.text("correction_reason"),
        "withdrawn": bool(withdrawn),
        "withdrawal_reason": str(withdrawn.get("reason") or "").strip(),
        "demo_label": record.text("demo_label"),
    }
    items = [
        DisclosureItem(title=str(i["title"]).strip(), body=str(i.get("body") or "").strip())
        for i in record.get("items", [])
    ]
    lines = []
    if category == schedule.FINANCE:
        fields.update({k: table[k] for k in SUMMARY_FIELDS})
        lines = [
            FinanceLine(
                direction=ln.direction,
                date=ln.date,
                item=ln.item,
                amount=ln.amount,
                voucher=ln.voucher,
                counterparty=ln.counterparty,
            )
            for ln in table["lines"]
        ]
    return fields, items, lines


def _child(parent, model, title, demo_label, **fields):
    """The live child page of this type and title, created or updated with `fields`."""
    page = model.objects.child_of(parent).filter(title=title).first()
    if page is not None:
        changed = [k for k, v in fields.items() if getattr(page, k) != v]
        if demo_label and not page.demo_label:
            fields["demo_label"] = demo_label
            changed.append("demo_label")
        if not changed:
            return page
    else:
        page = model(title=title, slug=unique_slug(parent, title))
        fields["demo_label"] = demo_label
        parent.add_child(instance=page)
    for key, value in fields.items():
        setattr(page, key, value)
    page.save_revision().publish()
    return page
