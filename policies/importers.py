"""Import record types `policy`, `interpretation` and `package` (see policies/IMPORT.md)."""

from django.utils import timezone

from importing import RecordType, register
from importing.pages import (
    attribution_fields,
    ensure_index,
    lookup,
    paragraph_stream,
    save_page,
)
from importing.records import check_date, check_string_list
from taxonomy.doc_numbers import canonical_doc_number
from taxonomy.models import IssuingAuthority, Topic

from .forms import stream_from_text
from .models import (
    DocType,
    PackageRole,
    PolicyIndexPage,
    PolicyInterpretationPage,
    PolicyPackageMember,
    PolicyPackagePage,
    PolicyPage,
    PolicyRelation,
    RelationType,
    Validity,
)

POLICY_DATES = ("written_date", "published_date", "effective_date", "expiry_date")
RELATION_KEYS = {"amends": RelationType.AMENDS, "repeals": RelationType.REPEALS}


def policy_index():
    return ensure_index(PolicyIndexPage, "policies", "政策文件库")


def _canonical(record):
    try:
        return canonical_doc_number(record.get("doc_number")), None
    except ValueError as exc:
        return None, str(exc)


def _authority_names(record):
    return {n.strip() for n in record.get("issuing_authorities") or [] if isinstance(n, str)}


def _existing_page(record_id):
    target = lookup(record_id)
    return target.specific if target is not None else None


def _canonical_numbers(records):
    """(canonical number, error) of each policy record's doc_number, parsed once per batch."""
    return {
        id(other): _canonical(other)
        for other in records
        if other.type == "policy" and other.get("doc_number")
    }


def _by_doc_number(records, numbers):
    """The batch's policy records by canonical document number, with their authority names."""
    table = {}
    for other in records:
        if id(other) in numbers:
            number, _ = numbers[id(other)]
            if number is not None:
                table.setdefault(number, []).append((other, _authority_names(other)))
    return table


def _by_index_number(records):
    """The batch's policy records by index number (索引号)."""
    table = {}
    for other in records:
        if other.type == "policy" and other.text("index_number"):
            table.setdefault(other.text("index_number"), []).append(other)
    return table


def _doc_number_problems(record, batch, number):
    names = _authority_names(record)
    problems = []
    numbers = batch.index("policy_numbers", _canonical_numbers)
    by_number = batch.index("policy_doc_numbers", lambda records: _by_doc_number(records, numbers))
    for other, other_names in by_number.get(number, []):
        if other is not record and (not names or not other_names or names & other_names):
            problems.append(f"发文字号 {number} 与同批记录 {other.id!r} 重复（同一发文机关）")
            break
    own = _existing_page(record.id)
    for page in PolicyPage.objects.filter(doc_number=number).exclude(pk=getattr(own, "pk", None)):
        page_names = {a.name for a in page.issuing_authorities.all()}
        if not names or not page_names or names & page_names:
            problems.append(f"发文字号 {number} 已被《{page.title}》使用（同一发文机关）")
            break
    return problems


def _index_number_problems(record, batch):
    value = record.text("index_number")
    if not value:
        return []
    for other in batch.index("policy_index_numbers", _by_index_number).get(value, []):
        if other is not record:
            return [f"索引号 {value} 与同批记录 {other.id!r} 重复"]
    own = _existing_page(record.id)
    clash = PolicyPage.objects.filter(index_number=value).exclude(pk=getattr(own, "pk", None))
    if clash.exists():
        return [f"索引号 {value} 已被《{clash.first().title}》使用"]
    return []


def _relation_problems(record, batch):
    problems = []
    for key in RELATION_KEYS:
        shape = check_string_list(record, key)
        problems += shape
        targets = [] if shape else record.get(key) or []
        for target in targets:
            other = batch.record(target)
            if target == record.id:
                problems.append(f"{key} 不能指向记录自身")
            elif other is not None and other.type != "policy":
                problems.append(f"{key} 中的 {target!r} 不是政策记录")
            elif other is None and not isinstance(_existing_page(target), PolicyPage):
                problems.append(f"{key} 中的政策 {target!r} 不存在")
    return problems


@register
class PolicyRecord(RecordType):
    name = "policy"
    order = 10
    required_fields = ("title", "date", "body")

    def check(self, record, batch):
        """Problems, or the canonical document number that `save` stores."""
        problems = list(self.validate(record, batch))
        numbers = batch.index("policy_numbers", _canonical_numbers)
        return problems, (numbers[id(record)][0] if id(record) in numbers else "")

    def validate(self, record, batch):
        problems = []
        for key in POLICY_DATES:
            problems += check_date(record, key)
        for key in ("issuing_authorities", "topics"):
            problems += check_string_list(record, key)
        if record.get("validity") and record.get("validity") not in Validity.values:
            problems.append(f"validity 只能是 {'/'.join(Validity.values)}")
        if record.get("doc_type") and record.get("doc_type") not in DocType.values:
            problems.append(f"doc_type 只能是 {'/'.join(DocType.values)}")
        if record.get("doc_number"):
            number, error = batch.index("policy_numbers", _canonical_numbers)[id(record)]
            if error:
                problems.append(f"doc_number：{error}")
            elif not check_string_list(record, "issuing_authorities"):
                problems += _doc_number_problems(record, batch, number)
        if record.get("is_summary") not in (None, True, False):
            problems.append("is_summary 应为 true 或 false")
        problems += _index_number_problems(record, batch)
        problems += _relation_problems(record, batch)
        return problems

    def save(self, record, batch):
        from taxonomy.models import Region

        existing = self.existing(record, batch)
        existing = existing.specific if existing is not None else None
        number = batch.checked[record.id]
        if record.get("body_format", "text") == "html":
            body = paragraph_stream(record)
        else:
            text = record.get("body") or ""  # hard line breaks joined by stream_from_text
            body = stream_from_text(PolicyPage._meta.get_field("body"), text)
        fields = {
            "doc_number": number,
            "index_number": record.text("index_number"),
            "doc_type": record.get("doc_type") or DocType.OTHER,
            "validity": record.get("validity") or Validity.VALID,
            "summary": record.text("summary"),
            "is_summary": bool(record.get("is_summary")),
            "editor_note": record.text("demo_label"),
            "region": Region.for_name(record.text("region")),
            "body": body,
            "paste_text": "",
            "issuing_authorities": [
                IssuingAuthority.objects.get_or_create(name=name.strip())[0]
                for name in record.get("issuing_authorities") or []
            ],
            "topics": [
                Topic.objects.get_or_create(name=name.strip())[0]
                for name in record.get("topics") or []
            ],
        }
        if isinstance(existing, PolicyPage):
            stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M:%S")
            fields["change_note"] = record.text("change_note") or f"批量导入更新（{stamp}）"
        else:
            fields["change_note"] = record.text("change_note")
        for key in POLICY_DATES:
            fields[key] = record.date(key)
        if not record.get("is_summary") and "published_date" not in record.data:
            # A summary record's `date` is when a report mentioned the document, not when the
            # document itself was published: never present the one as the other. An explicit
            # "published_date": null says the publication date is unknown (the source gives
            # only when it collected or reprinted the text).
            fields["published_date"] = record.date("date")

        def set_relations(page):
            page.relations_out = [
                PolicyRelation(relation_type=kind, target=batch.saved.get(t) or _existing_page(t))
                for key, kind in RELATION_KEYS.items()
                for t in record.get(key) or []
                if batch.saved.get(t) or _existing_page(t)
            ]

        return save_page(record, PolicyPage, policy_index(), fields, batch, prepare=set_relations)


@register
class InterpretationRecord(RecordType):
    name = "interpretation"
    order = 20
    required_fields = ("title", "date", "body")

    def validate(self, record, batch):
        target = record.get("interprets")
        if not target:
            return []
        if not isinstance(target, str):
            return ["interprets 应为政策记录的 id"]
        other = batch.record(target)
        if other is not None and other.type != "policy":
            return [f"interprets 指向的 {target!r} 不是政策记录"]
        if other is None and not isinstance(_existing_page(target), PolicyPage):
            return [f"interprets 指向的政策 {target!r} 不存在"]
        return []

    def save(self, record, batch):
        target = record.get("interprets")
        policy = batch.saved.get(target) or (_existing_page(target) if target else None)
        fields = {
            **attribution_fields(record),
            "interprets": policy,
            "body": paragraph_stream(record),
        }
        return save_page(record, PolicyInterpretationPage, policy_index(), fields, batch)


@register
class PackageRecord(RecordType):
    name = "package"
    order = 30
    required_fields = ("title", "date")

    def validate(self, record, batch):
        members = record.get("members")
        if not isinstance(members, list) or not members:
            return ["members 应为至少一项的列表"]
        problems, seen = [], set()
        for n, member in enumerate(members, start=1):
            if not isinstance(member, dict) or member.get("role") not in PackageRole.values:
                problems.append(
                    f"members 第 {n} 项应有 id 和 role（{'/'.join(PackageRole.values)}）"
                )
                continue
            member_id = member.get("id")
            if not isinstance(member_id, str) or not member_id:
                problems.append(f"members 第 {n} 项缺少 id")
                continue
            if member_id in seen:
                problems.append(f"members 第 {n} 项 {member_id!r} 重复")
            seen.add(member_id)
            other = batch.record(member_id)
            if other is None and not isinstance(_existing_page(member_id), PolicyPage):
                problems.append(f"members 第 {n} 项的政策 {member_id!r} 不存在")
            elif other is not None and other.type != "policy":
                problems.append(f"members 第 {n} 项 {member_id!r} 不是政策记录")
        if sum(1 for m in members if isinstance(m, dict) and m.get("role") == "core") > 1:
            problems.append("一个政策体系只能有一个核心文件（role: core）")
        return problems

    def save(self, record, batch):
        fields = {"summary": record.text("summary"), "editor_note": record.text("demo_label")}

        def set_members(page):
            page.members = [
                PolicyPackageMember(
                    policy=batch.saved.get(m["id"]) or _existing_page(m["id"]), role=m["role"]
                )
                for m in record.get("members")
            ]

        return save_page(
            record, PolicyPackagePage, policy_index(), fields, batch, prepare=set_members
        )
