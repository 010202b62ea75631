"""Load the standard catalogue (a CSV file) for a county, its townships and its villages.

Every line is checked first; any error is reported as ``第N行：…`` (N counts the header as line 1)
and nothing is loaded. Items are keyed by (body, 目录编号): loading again adds new items and
leaves the ones already there as the editors left them.
"""

import csv
import io
from dataclasses import dataclass

from django.db import transaction

from . import timerules
from .areas import AREAS, LEVEL_BY_LABEL, TOWNSHIP, VILLAGE_LEVEL
from .models import Body, CatalogueItem
from .models.bodies import Kind
from .models.catalogue import GENERATED_CHOICES

COLUMNS = {
    "编号": "code",
    "层级": "level",
    "领域": "area",
    "公开事项": "name",
    "公开内容": "content",
    "公开依据": "basis",
    "公开时限": "time_rule",
    "公开主体": "responsible",
    "公开栏目": "channel",
    "本站页面": "generated",
    "来源": "source",
}
REQUIRED = ["编号", "层级", "领域", "公开事项", "公开内容", "公开依据", "公开时限", "公开主体"]
GENERATED = {label: value for value, label in GENERATED_CHOICES}
LIMITS = {"code": 30, "name": 200, "responsible": 100, "channel": 200, "source": 300}


class CatalogueError(Exception):
    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Row:
    line: int
    values: dict


def _check_row(line, raw, seen):
    errors, values = [], {}
    for header, name in COLUMNS.items():
        values[name] = " ".join((raw.get(header) or "").split())
    for header in REQUIRED:
        if not values[COLUMNS[header]]:
            errors.append(f"第{line}行：缺少“{header}”")
    if values["area"] and values["area"] not in AREAS:
        errors.append(f"第{line}行：领域“{values['area']}”不是标准领域（见 govinfo/areas.py）")
    if values["level"]:
        if values["level"] not in LEVEL_BY_LABEL:
            errors.append(f"第{line}行：层级“{values['level']}”应为县级、乡级或村级")
        values["level"] = LEVEL_BY_LABEL.get(values["level"], "")
    if values["time_rule"]:
        try:
            values["time_rule"] = str(timerules.parse(values["time_rule"]))
        except timerules.TimeRuleError as error:
            errors.append(f"第{line}行：{error}")
    if values["generated"]:
        if values["generated"] not in GENERATED:
            errors.append(f"第{line}行：本站页面“{values['generated']}”不存在")
        values["generated"] = GENERATED.get(values["generated"], "")
    for name, limit in LIMITS.items():
        if len(values[name]) > limit:
            errors.append(f"第{line}行：{name}超过 {limit} 个字")
    key = (values["level"], values["code"])
    if values["code"] and key in seen:
        errors.append(f"第{line}行：编号“{values['code']}”与第{seen[key]}行重复")
    seen.setdefault(key, line)
    return errors, values


def read_rows(text):
    """Checked rows of a catalogue CSV text; ``CatalogueError`` listing every bad line."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [h for h in REQUIRED if h not in (reader.fieldnames or [])]
    if missing:
        raise CatalogueError([f"第1行：表头缺少“{'”“'.join(missing)}”"])
    rows, errors, seen = [], [], {}
    for number, raw in enumerate(reader, start=2):
        if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
            continue
        if None in raw:
            errors.append(f"第{number}行：列数比表头多")
            continue
        row_errors, values = _check_row(number, raw, seen)
        errors += row_errors
        rows.append(Row(number, values))
    if errors:
        raise CatalogueError(errors)
    if not rows:
        raise CatalogueError(["文件中没有目录事项"])
    return rows


def bodies_for(county):
    """{level: [bodies]} below a county body: itself or its departments, townships, villages."""
    townships = list(county.children.filter(kind=Kind.TOWNSHIP))
    villages = list(Body.objects.filter(kind=Kind.VILLAGE, parent__in=townships))
    departments = list(county.children.filter(kind=Kind.DEPARTMENT))
    return county, departments, townships, villages


def _county_body(county, departments, responsible):
    wanted = responsible.removeprefix("县（区）").removeprefix("县").removeprefix("区")
    for body in departments:
        if wanted and body.name.endswith(wanted):
            return body
    return county


def _targets(row, county, departments, townships, villages):
    level = row.values["level"]
    if level == TOWNSHIP:
        return townships
    if level == VILLAGE_LEVEL:
        return villages
    return [_county_body(county, departments, row.values["responsible"])]


def load(text, county, today):
    """Create the catalogue's items for the county's bodies; returns (created, kept)."""
    rows = read_rows(text)
    county, departments, townships, villages = bodies_for(county)
    created = kept = 0
    with transaction.atomic():
        for row in rows:
            for body in _targets(row, county, departments, townships, villages):
                defaults = dict(row.values, tracking_since=today)
                if body.kind == Kind.VILLAGE and body.village_page_id:
                    defaults["column_id"] = body.village_page_id
                _, made = CatalogueItem.objects.get_or_create(
                    body=body, code=row.values["code"], defaults=defaults
                )
                created += made
                kept += not made
    return created, kept
