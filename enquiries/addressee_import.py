"""Import record type `addressee`: one body that receives requests and messages (受理机关).

Keys (besides id, type, title = the body's name): kind (government / department / township /
village, or 人民政府及办公室 / 政府部门 / 乡镇（街道） / 村（社区）), takes_requests, takes_messages
(true or false, default true), address, phone, sort_order, demo_label. ``date`` is not needed.
"""

from importing import RecordType, register

from .models import Addressee, AddresseeKind

KINDS = {**{k: k for k, _ in AddresseeKind.choices}, **{v: k for k, v in AddresseeKind.choices}}


@register
class AddresseeRecordType(RecordType):
    name = "addressee"
    order = 150  # before the enquiries addressed to them
    required_fields = ("title",)

    def validate(self, record, batch):
        if record.text("kind") not in KINDS:
            yield f"kind 应为 {'、'.join(AddresseeKind.values)} 之一，实际为 {record.get('kind')!r}"
        if len(record.text("title")) > 100:
            yield "title（机关名称）不能超过 100 个字"
        for key in ("takes_requests", "takes_messages"):
            if record.get(key) not in (None, True, False):
                yield f"{key} 应为 true 或 false"
        order = record.get("sort_order")
        if order is not None and not (isinstance(order, int) and 0 <= order <= 32767):
            yield "sort_order 应为 0 到 32767 之间的整数"

    def save(self, record, batch):
        existing = self.existing(record, batch)
        if not isinstance(existing, Addressee):
            existing = Addressee.objects.filter(name=record.text("title")).first()
        addressee = existing or Addressee()
        created = addressee.pk is None
        addressee.name = record.text("title")
        addressee.kind = KINDS[record.text("kind")]
        addressee.takes_requests = record.get("takes_requests") is not False
        addressee.takes_messages = record.get("takes_messages") is not False
        addressee.address = record.text("address")[:200]
        addressee.phone = record.text("phone")[:50]
        addressee.sort_order = record.get("sort_order") or 100
        addressee.demo_label = record.text("demo_label")[:100]
        addressee.save()
        if created:
            batch.created += 1
        else:
            batch.updated += 1
        return addressee
