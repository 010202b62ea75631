"""Background tasks (django-tasks): the asker's e-mail at each step, never sent in a request."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task


@task()
def send_step_email(event_id):
    """E-mail the asker about one history step; returns the number of messages sent."""
    from siteidentity.models import SiteIdentity

    from .models import StatusEvent

    event = StatusEvent.objects.select_related("enquiry").filter(pk=event_id).first()
    if event is None or not event.enquiry.email:
        return 0
    enquiry = event.enquiry
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
