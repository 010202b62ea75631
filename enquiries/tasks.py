"""Background tasks (django-tasks): the asker's e-mail at each step, never sent in a request."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from personaldata.mailboxes import mailbox
from throttling.mail import allow_outgoing_mail
from throttling.ratelimit import Limit

logger = logging.getLogger(__name__)
DEFAULT_MAILS_PER_MAILBOX = 10  # step mails to one mailbox per hour


def mailbox_limit():
    allowed = getattr(settings, "ENQUIRIES_MAILS_PER_MAILBOX", DEFAULT_MAILS_PER_MAILBOX)
    return Limit("enquiries:mailbox", int(allowed), 3600)


@task()
def send_step_email(event_id):
    """E-mail the asker about one history step; returns the number of messages sent.

    The address was typed by whoever filed, unconfirmed, so the mail carries none of the filer's
    words (the title stays on the status page behind the tracking number), and it counts
    against a per-mailbox limit and the site's hourly mail budget."""
    from django.apps import apps

    from siteidentity.models import SiteIdentity

    # By the app registry: the model's save queues this task (workflow.after_save).
    StatusEvent = apps.get_model("enquiries", "StatusEvent")  # noqa: N806

    event = StatusEvent.objects.select_related("enquiry").filter(pk=event_id).first()
    if event is None or not event.enquiry.email:
        return 0
    enquiry = event.enquiry
    if not (mailbox_limit().allow(mailbox(enquiry.email)) and allow_outgoing_mail()):
        logger.warning("enquiries: step mail for %s not sent: mail limit", enquiry.pk)
        return 0
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    context = {
        "enquiry": enquiry,
        "event": event,
        "status_url": base + reverse("enquiries:status"),
        "site_name": SiteIdentity.current().name,
    }
    subject = f"【{context['site_name']}】您的{enquiry.get_kind_display()}：{event.status_label}"
    body = render_to_string("enquiries/email/step.txt", context)
    message = EmailMessage(subject.replace("\n", " "), body, to=[enquiry.email])
    return message.send()
