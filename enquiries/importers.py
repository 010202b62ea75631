"""Import record type `enquiry`: a request, a villager question or a message, in any state.

Keys (besides id, type, title, date = the day it was received, demo_label):
  kind (request / question / message, or 政府信息公开申请 / 村务质询 / 咨询留言), body,
  asker_name, phone (required), email, asker_type, id_type, id_number (requests: checked),
  contact_person, address, preferred_form, delivery, department (a 受理机关's name, see
  `addressee_import.py`; created when missing), disclosure (the id of an imported
  disclosure record; questions),
  line (1-based number of the disclosure's finance line), status, outcome, ground,
  legal_basis, reply_link, reply, replied_on, answered_by, reviewers, reviewed_on,
  allow_public, show_name, moderation, pauses [{kind, start, end, reason}],
  extension {decided_on, approved_by, reason, notice_sent_on}.
"""

import datetime

from importing import RecordType, register
from importing.pages import lookup
from importing.records import check_date, check_url
from personaldata import identity as idnumbers

from . import clock, rules
from .models import Addressee, ClockPause, Enquiry, Extension, Moderation, Status
from .outcomes import APPLICANT_CHOICES, GROUND_CHOICES, OUTCOME_CHOICES

KINDS = {**{k: k for k, _ in rules.KIND_CHOICES}, **{v: k for k, v in rules.KIND_CHOICES}}
CHOICES = {
    "status": Status.values,
    "outcome": [c for c, _ in OUTCOME_CHOICES],
    "ground": [c for c, _ in GROUND_CHOICES],
    "asker_type": [c for c, _ in APPLICANT_CHOICES],
    "moderation": Moderation.values,
}
TEXT = {"title": 100, "body": 3000, "asker_name": 100, "reply": 10000, "answered_by": 100}


def _problems(record):
    if record.get("kind") not in KINDS:
        yield f"kind 应为 request、question 或 message，实际为 {record.get('kind')!r}"
    for key, allowed in CHOICES.items():
        if record.get(key) not in (None, "", *allowed):
            yield f"{key} 的值 {record.get(key)!r} 无效（可用：{'、'.join(allowed)}）"
    for key, limit in TEXT.items():
        value = record.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            yield f"{key} 应为不超过 {limit} 字的字符串"
    if not record.text("phone"):
        yield "缺少字段 phone（查询进度需要手机号码后四位）"
    if record.text("id_number"):
        problem = idnumbers.id_problem(record.text("id_type"), record.text("id_number"))
        if problem:
            yield f"id_number：{problem}"
    for key in ("replied_on", "reviewed_on"):
        yield from check_date(record, key)
    received, replied = record.text("date"), record.text("replied_on")
    if received and replied and replied < received:  # ISO dates compare as text
        yield f"replied_on {replied} 早于收到日期 date {received}：答复日期须在收到日期之后"
    yield from check_url(record, "reply_link")
    for number, pause in enumerate(record.get("pauses") or [], start=1):
        if not isinstance(pause, dict) or pause.get("kind") not in dict(clock.PAUSE_CHOICES):
            yield f"pauses 第 {number} 条的 kind 应为 third_party 或 supplement"
            continue
        yield from (f"pauses 第 {number} 条：{p}" for p in check_date(pause, "start", True))
        yield from (f"pauses 第 {number} 条：{p}" for p in check_date(pause, "end"))


@register
class EnquiryRecordType(RecordType):
    name = "enquiry"
    order = 200  # after the disclosures it may question
    gated = False  # a citizen's own contact data is kept private, masked wherever shown

    def validate(self, record, batch):
        yield from _problems(record)
        ref = record.get("disclosure")
        if ref and ref not in batch.ids() and lookup(ref) is None:
            yield f"disclosure {ref!r} 既不在本批记录中，也未导入过"

    def save(self, record, batch):
        existing = self.existing(record, batch)
        enquiry = existing if isinstance(existing, Enquiry) else Enquiry()
        created = enquiry.pk is None
        self.fill(enquiry, record, batch)
        enquiry.pauses = [
            ClockPause(
                kind=p["kind"],
                started_on=datetime.date.fromisoformat(p["start"]),
                ended_on=datetime.date.fromisoformat(p["end"]) if p.get("end") else None,
                reason=str(p.get("reason") or "")[:300],
            )
            for p in record.get("pauses") or []
        ]
        ext = record.get("extension")
        enquiry.extensions = (
            [
                Extension(
                    decided_on=datetime.date.fromisoformat(ext["decided_on"]),
                    approved_by=str(ext.get("approved_by", ""))[:50],
                    reason=str(ext.get("reason", ""))[:300],
                    notice_sent_on=datetime.date.fromisoformat(ext["notice_sent_on"]),
                )
            ]
            if isinstance(ext, dict)
            else []
        )
        enquiry._actor = "导入"
        enquiry.save()
        if created:
            batch.created += 1
        else:
            batch.updated += 1
        return enquiry

    def fill(self, enquiry, record, batch):
        enquiry.kind = KINDS[record.get("kind")]
        enquiry.received_on = record.date("date")
        for key in (
            "title", "body", "asker_name", "phone", "email", "contact_person", "address",
            "id_type", "reply", "legal_basis", "reply_link", "answered_by", "reviewers",
            "preferred_form", "delivery", "demo_label",
        ):  # fmt: skip
            setattr(enquiry, key, record.text(key))
        enquiry.id_number = idnumbers.normalise(record.text("id_number"))
        for key in CHOICES:
            if record.text(key):
                setattr(enquiry, key, record.text(key))
        enquiry.replied_on = record.date("replied_on")
        enquiry.reviewed_on = record.date("reviewed_on")
        enquiry.allow_public = bool(record.get("allow_public"))
        enquiry.show_name = bool(record.get("show_name"))
        if record.text("department"):
            enquiry.department = Addressee.objects.get_or_create(
                name=record.text("department")[:100]
            )[0]
        ref = record.get("disclosure")
        if ref:
            page = batch.saved.get(ref) or lookup(ref)
            page = page.specific
            enquiry.disclosure = page
            enquiry.village = page.get_parent().specific
            enquiry.subject_label = f"{enquiry.village.title} · {page.title}"
            line = record.get("line")
            lines = list(page.finance_lines.all())
            if isinstance(line, int) and 1 <= line <= len(lines):
                chosen = lines[line - 1]
                enquiry.line_ref = f"finance:{chosen.pk}"
                enquiry.subject_label += f" · {chosen.item} {chosen.amount}元"
