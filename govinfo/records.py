"""Import 机构, 负责人 and 办事指南 from JSON Lines (one record a line, ``type``
body|leader|service).

Every line is checked before anything is saved; errors name the line (``第N行：…``) and nothing is
imported. Bodies are keyed by name, leaders by (body, name, group), services by (body, name):
importing again updates them.
"""

import datetime
import json

from django.db import transaction

from .models import Body, Leader, ServiceItem
from .models.bodies import Group, Kind
from .models.services import LIFE_EVENTS

BODY_FIELDS = ["duties", "address", "postcode", "phone", "office_hours", "demo_label"]
LEADER_FIELDS = ["position", "resume", "responsibilities"]
SERVICE_FIELDS = [
    "basis", "conditions", "materials", "place", "hours", "phone", "process", "time_limit",
    "fees", "demo_label",
]  # fmt: skip
REQUIRED_BODY = {
    "duties": "主要职责",
    "address": "办公地址",
    "phone": "联系电话",
    "office_hours": "办公时间",
}
KINDS = {label: value for value, label in Kind.choices} | {v: v for v in Kind.values}
GROUPS = {label: value for value, label in Group.choices} | {v: v for v in Group.values}


class RecordError(Exception):
    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


def _text(record, name):
    value = record.get(name, "")
    if isinstance(value, list):
        value = "\n".join(str(v) for v in value)
    return str(value or "").strip()


def _date(record, line, errors):
    raw = record.get("last_verified")
    if not raw:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(str(raw))
    except ValueError:
        errors.append(f"第{line}行：核实日期“{raw}”应写成 2026-01-31")
        return None


def _check(line, record, names, errors):
    kind = record.get("type")
    if kind == "body":
        if not _text(record, "name"):
            errors.append(f"第{line}行：机构缺少名称")
        if record.get("kind") not in KINDS:
            errors.append(f"第{line}行：机构类别“{record.get('kind')}”不存在")
        for field, label in REQUIRED_BODY.items():
            if not _text(record, field):
                errors.append(f"第{line}行：机构“{_text(record, 'name')}”缺少{label}")
        names.add(_text(record, "name"))
    elif kind == "leader":
        if not _text(record, "name"):
            errors.append(f"第{line}行：负责人缺少姓名")
        if not _text(record, "position"):
            errors.append(f"第{line}行：负责人“{_text(record, 'name')}”缺少职务")
        if record.get("group", "领导班子") not in GROUPS:
            errors.append(f"第{line}行：所属班子“{record.get('group')}”不存在")
    elif kind == "service":
        if not _text(record, "name"):
            errors.append(f"第{line}行：办事指南缺少事项名称")
        if not _text(record, "basis"):
            errors.append(f"第{line}行：办事指南“{_text(record, 'name')}”缺少设定依据")
        unknown = [e for e in record.get("life_events", []) if e not in LIFE_EVENTS]
        if unknown:
            errors.append(f"第{line}行：人生事件“{'、'.join(unknown)}”不存在")
    else:
        errors.append(f"第{line}行：记录类型“{kind}”应为 body、leader 或 service")
    _date(record, line, errors)


def parse(text):
    records, errors, names = [], [], set()
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError:
            errors.append(f"第{line}行：不是有效的 JSON")
            continue
        if not isinstance(record, dict):
            errors.append(f"第{line}行：应为一个 JSON 对象")
            continue
        _check(line, record, names, errors)
        records.append((line, record))
    known = names | set(Body.objects.values_list("name", flat=True))
    for line, record in records:
        for key in ("parent", "body"):
            name = _text(record, key)
            if name and name not in known:
                errors.append(f"第{line}行：机构“{name}”不存在")
        for name in record.get("agency_villages", []):
            if name not in known:
                errors.append(f"第{line}行：代办村“{name}”不存在")
    if errors:
        raise RecordError(errors)
    return records


def _save_body(record):
    body, _ = Body.objects.update_or_create(
        name=_text(record, "name"),
        defaults={
            "kind": KINDS[record["kind"]],
            "parent": Body.objects.filter(name=_text(record, "parent")).first(),
            "handles_requests": bool(record.get("handles_requests")),
            "sort_order": int(record.get("sort_order", 100)),
            "last_verified": _date(record, 0, []),
            **{f: _text(record, f) for f in BODY_FIELDS},
        },
    )
    return body


def _save_leader(record):
    Leader.objects.update_or_create(
        body=Body.objects.get(name=_text(record, "body")),
        name=_text(record, "name"),
        group=GROUPS[record.get("group", "领导班子")],
        defaults={
            "last_verified": _date(record, 0, []),
            **{f: _text(record, f) for f in LEADER_FIELDS},
        },
    )


def _save_service(record):
    service, _ = ServiceItem.objects.update_or_create(
        body=Body.objects.get(name=_text(record, "body")),
        name=_text(record, "name"),
        defaults={
            "life_events": list(record.get("life_events", [])),
            "last_verified": _date(record, 0, []),
            **{f: _text(record, f) for f in SERVICE_FIELDS},
        },
    )
    service.agency_villages.set(Body.objects.filter(name__in=record.get("agency_villages", [])))
    service.save()


SAVERS = {"body": _save_body, "leader": _save_leader, "service": _save_service}


def import_records(text):
    """Check every line, then save them all in one transaction; returns the count."""
    records = parse(text)
    with transaction.atomic():
        for _line, record in records:
            SAVERS[record["type"]](record)
    return len(records)
