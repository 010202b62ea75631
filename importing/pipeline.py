"""Read every file of a batch, check every record, then save all of them or none."""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .gate import gate_problems
from .records import Record, check_common
from .registry import get_record_type, record_type_names


class ImportError_(Exception):  # noqa: N801  (not the builtin ImportError)
    """The batch has problems; nothing was imported."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(f"{len(problems)} 个问题，未导入任何内容")


@dataclass
class Batch:
    """The records of one import call, indexed by id, and what has been saved so far.

    `checked` holds the typed value each record's check returned, which its save consumes;
    `existing` holds, while a record is saved, the object an earlier import made of it.

    One batch is built per call, so looking a record up is a dict access and checking a file
    is linear in its size; `index` keeps other per-batch tables that record types build once.
    """

    records: list
    saved: dict = field(default_factory=dict)
    existing: dict = field(default_factory=dict)
    checked: dict = field(default_factory=dict)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    _by_id: dict = field(default_factory=dict, init=False, repr=False)
    _indexes: dict = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self):
        for record in self.records:
            if isinstance(record.id, str):
                self._by_id.setdefault(record.id, record)

    def ids(self):
        return self._by_id.keys()

    def record(self, record_id):
        return self._by_id.get(record_id) if isinstance(record_id, str) else None

    def index(self, name, build):
        """The table `build(records)` for this batch, built on first use only."""
        if name not in self._indexes:
            self._indexes[name] = build(self.records)
        return self._indexes[name]


def _read(path):
    records, problems = [], []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: 无法读取文件（{exc}）"]
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: 不是有效的 JSON（{exc.msg}，第 {exc.colno} 列）")
            continue
        if not isinstance(data, dict):
            problems.append(f"{path}:{number}: 每行应是一个 JSON 对象")
            continue
        records.append(Record(data=data, path=Path(path), line=number))
    return records, problems


def _check(batch):
    problems, seen = [], {}
    known = ", ".join(record_type_names())
    for record in batch.records:
        where = f"{record.path}:{record.line}"
        record_type = get_record_type(record.type)
        if record_type is None:
            problems.append(f"{where}: 未知的类型 {record.type!r}（可用：{known}）")
            continue
        found = check_common(record, record_type.required_fields)
        if isinstance(record.id, str) and record.id in seen:
            found.append(f"编号 {record.id!r} 重复（首次出现在 {seen[record.id]}）")
        elif isinstance(record.id, str):
            seen[record.id] = where
        if not found and record_type.gated:
            found = gate_problems(record, batch)
        if not found:
            found, value = record_type.check(record, batch)
            if not found:
                batch.checked[record.id] = value
        problems += [f"{where}: {message}" for message in found]
    return problems


def import_files(paths, dry_run=False):
    """Import the records of every file as one batch; raise ImportError_ listing all problems."""
    records, problems = [], []
    for path in paths:
        found, read_problems = _read(path)
        records += found
        problems += read_problems
    batch = Batch(records)
    problems += _check(batch)
    if problems:
        raise ImportError_(problems)
    if dry_run:
        return batch
    ordered = sorted(records, key=lambda r: get_record_type(r.type).order)
    with transaction.atomic():
        for record in ordered:
            batch.saved[record.id] = _save(record, batch)
    return batch


def checksum(record):
    canonical = json.dumps(record.data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _save(record, batch):
    """Save a record unless exactly this record was imported before and its page still exists.

    The record's row in ImportedRecord is read once here and written once, after the save,
    with the object it became and its checksum.
    """
    from importing.models import ImportedRecord

    digest = checksum(record)
    previous = ImportedRecord.objects.filter(source_id=record.id).first()
    target = previous.target if previous else None
    if target is not None and previous.checksum == digest:
        batch.unchanged += 1
        return target
    if target is not None:
        batch.existing[record.id] = target  # what the record's save updates
    record_type = get_record_type(record.type)
    saved = record_type.save(record, batch)
    if record_type.remembered:
        _remember(previous, record.id, saved, digest)
    return saved


def _remember(previous, source_id, obj, digest):
    from django.contrib.contenttypes.models import ContentType

    from importing.models import ImportedRecord

    row = previous or ImportedRecord(source_id=source_id)
    row.content_type = ContentType.objects.get_for_model(obj)
    row.object_id = obj.pk
    row.checksum = digest
    row.save()
