"""Import record types `policy` and `interpretation`."""

from home.importing import RecordType, register
from home.importing.pages import (
    attribution_fields,
    ensure_index,
    lookup,
    paragraph_stream,
    save_page,
)
from home.importing.records import check_date, check_string_list

from .models import (
    IssuingAuthority,
    PackageRole,
    PolicyIndexPage,
    PolicyInterpretationPage,
    PolicyPackageMember,
    PolicyPackagePage,
    PolicyPage,
    Topic,
)
from .models.pages import DocType, Validity

POLICY_DATES = ("written_date", "published_date", "effective_date", "expiry_date")


def policy_index():
    return ensure_index(PolicyIndexPage, "policies", "政策文件库")


@register
class PolicyRecord(RecordType):
    name = "policy"
    order = 10
    required_fields = ("title", "date")

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
        return problems

    def save(self, record, batch):
        from policies.models import Region

        fields = {
            "doc_number": record.text("doc_number"),
            "index_number": record.text("index_number"),
            "doc_type": record.get("doc_type") or DocType.OTHER,
            "validity": record.get("validity") or Validity.VALID,
            "summary": record.text("summary"),
            "is_summary": bool(record.get("is_summary")),
            "editor_note": record.text("demo_label"),
            "region": Region.for_name(record.text("region")),
            "body": paragraph_stream(record),
            "issuing_authorities": [
                IssuingAuthority.objects.get_or_create(name=name.strip())[0]
                for name in record.get("issuing_authorities") or []
            ],
            "topics": [
                Topic.objects.get_or_create(name=name.strip())[0]
                for name in record.get("topics") or []
            ],
        }
        for key in POLICY_DATES:
            fields[key] = record.date(key)
        fields["published_date"] = fields["published_date"] or record.date("date")
        return save_page(record, PolicyPage, policy_index(), fields, batch)


@register
class InterpretationRecord(RecordType):
    name = "interpretation"
    order = 20
    required_fields = ("title", "date", "body")

    def validate(self, record, batch):
        target = record.get("interprets")
        if not target:
            return []
        other = batch.record(target)
        if other is not None and other.type != "policy":
            return [f"interprets 指向的 {target!r} 不是政策记录"]
        if other is None and not isinstance(lookup(target), PolicyPage):
            return [f"interprets 指向的政策 {target!r} 不存在"]
        return []

    def save(self, record, batch):
        target = record.get("interprets")
        policy = batch.saved.get(target) or (lookup(target) if target else None)
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
        problems = []
        for n, member in enumerate(members, start=1):
            if not isinstance(member, dict) or member.get("role") not in PackageRole.values:
                problems.append(
                    f"members 第 {n} 项应有 id 和 role（{'/'.join(PackageRole.values)}）"
                )
                continue
            other = batch.record(member.get("id"))
            if other is None and not isinstance(lookup(member.get("id") or ""), PolicyPage):
                problems.append(f"members 第 {n} 项的政策 {member.get('id')!r} 不存在")
            elif other is not None and other.type != "policy":
                problems.append(f"members 第 {n} 项 {member.get('id')!r} 不是政策记录")
        return problems

    def save(self, record, batch):
        fields = {"summary": record.text("summary"), "editor_note": record.text("demo_label")}

        def set_members(page):
            page.members = [
                PolicyPackageMember(
                    policy=batch.saved.get(m["id"]) or lookup(m["id"]), role=m["role"]
                )
                for m in record.get("members")
            ]

        return save_page(
            record, PolicyPackagePage, policy_index(), fields, batch, prepare=set_members
        )
