"""What happens around saving an enquiry: history rows, e-mails, signals, cache purges."""

import logging
from dataclasses import dataclass, field

from django.db import transaction

from . import clock
from .signals import publicity_changed, reply_published
from .statuses import Status

logger = logging.getLogger("enquiries")

PAUSE_LABELS = dict(clock.PAUSE_CHOICES)


@dataclass
class Before:
    """An enquiry's state as stored, before a save."""

    status: str = ""
    public: bool = False
    pauses: dict = field(default_factory=dict)  # pk → ended_on
    extensions: int = 0
    starts: dict = field(default_factory=dict)  # pause pk → started_on
    extension_dates: dict = field(default_factory=dict)  # pk → (decided_on, notice_sent_on)
    new: bool = True
    received_on: object = None
    replied_on: object = None
    due_on: object = None


def before_save(enquiry):
    if not enquiry.pk:
        return Before()
    stored = type(enquiry).objects.filter(pk=enquiry.pk).first()
    if stored is None:
        return Before()
    return Before(
        status=stored.status,
        public=stored.is_public,
        pauses={p.pk: p.ended_on for p in stored.pauses.all()},
        extensions=stored.extensions.count(),
        starts={p.pk: p.started_on for p in stored.pauses.all()},
        extension_dates={x.pk: (x.decided_on, x.notice_sent_on) for x in stored.extensions.all()},
        new=False,
        received_on=stored.received_on,
        replied_on=stored.replied_on,
        due_on=stored.due_on,
    )


def _day(value):
    return f"{value:%Y-%m-%d}" if value else "（空）"


def date_notes(enquiry, before):
    """Sentences for every changed date (received, replied, due): the history keeps them all."""
    if before.new:
        return []
    notes = []
    if before.received_on != enquiry.received_on:
        reason = getattr(enquiry, "_received_reason", "") or "未说明"
        notes.append(
            f"收到日期由 {_day(before.received_on)} 改为 {_day(enquiry.received_on)}，"
            f"原因：{reason}"
        )
    if before.replied_on and before.replied_on != enquiry.replied_on:
        notes.append(f"答复日期由 {_day(before.replied_on)} 改为 {_day(enquiry.replied_on)}")
    if before.due_on != enquiry.due_on:
        reason = getattr(enquiry, "_due_reason", "")
        notes.append(
            f"答复期限由 {_day(before.due_on)} 改为 {_day(enquiry.due_on)}"
            + (f"（{reason}）" if reason else "")
        )
    return notes


def clock_notes(enquiry, before):
    """Sentences for pauses started or ended and extensions granted in this save."""
    notes = []
    for pause in enquiry.pauses.all():
        label = PAUSE_LABELS.get(pause.kind, pause.kind)
        if pause.pk not in before.pauses:
            notes.append(f"计时暂停（{label}），自 {pause.started_on} 起，原因：{pause.reason}")
            if pause.ended_on:
                notes.append(f"计时恢复（{label}），{pause.ended_on} 结束")
        elif pause.ended_on and before.pauses[pause.pk] != pause.ended_on:
            notes.append(f"计时恢复（{label}），{pause.ended_on} 结束")
        if pause.pk in before.starts and before.starts[pause.pk] != pause.started_on:
            notes.append(
                f"计时暂停（{label}）的开始日期由 {_day(before.starts[pause.pk])} "
                f"改为 {_day(pause.started_on)}"
            )
    for extension in enquiry.extensions.all():
        old = before.extension_dates.get(extension.pk)
        if old and old != (extension.decided_on, extension.notice_sent_on):
            notes.append(
                f"延期的批准日期、告知日期由 {_day(old[0])}、{_day(old[1])} "
                f"改为 {_day(extension.decided_on)}、{_day(extension.notice_sent_on)}"
            )
    for extension in list(enquiry.extensions.all())[before.extensions :]:
        notes.append(
            f"延期答复：{extension.decided_on} 经{extension.approved_by}批准，"
            f"{extension.notice_sent_on} 书面告知申请人，理由：{extension.reason}"
        )
    return notes


def the_item(enquiry):
    return enquiry.disclosure or enquiry.village or enquiry.department


def after_save(enquiry, before, notes, actor=""):
    """Append history rows, then after commit e-mail the asker and tell listeners."""
    StatusEvent = enquiry.events.model  # noqa: N806 (the history model, through its relation)
    events = []
    if before.new:
        events.append(StatusEvent(enquiry=enquiry, status_to=enquiry.status, note="已收到"))
    elif before.status != enquiry.status:
        events.append(
            StatusEvent(enquiry=enquiry, status_from=before.status, status_to=enquiry.status)
        )
    events += [
        StatusEvent(enquiry=enquiry, status_from=enquiry.status, status_to=enquiry.status, note=n)
        for n in notes
    ]
    for event in events:
        event.actor = actor
        event.note = event.note[:500]
        event.save()
    answered = enquiry.status == Status.ANSWERED and before.status != Status.ANSWERED
    public = enquiry.is_public
    became_public = public and not before.public
    if before.public and not public:
        from modelsearch.index import remove_object

        remove_object(enquiry)
    logger.info("事项 %s：%s", enquiry.display_tracking_number, enquiry.get_status_display())

    def on_commit():
        _notify(enquiry, [e.pk for e in events if e.notify])
        if answered or became_public:
            reply_published.send(
                sender=type(enquiry),
                enquiry=enquiry,
                item=the_item(enquiry),
                to_asker=answered,
                public=public,
            )
        if public != before.public:
            publicity_changed.send(sender=type(enquiry), enquiry=enquiry, public=public)

    transaction.on_commit(on_commit)


def _notify(enquiry, event_ids):
    if not enquiry.email or not event_ids:
        return
    from .tasks import send_step_email

    for event_id in event_ids:
        send_step_email.enqueue(event_id)
