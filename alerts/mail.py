"""The messages alerts send: a confirmation request and the daily digest, each in Chinese as
plain text with a simple HTML alternative, each with a one-click unsubscribe (RFC 8058)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Site

from . import tokens


def site_name(request=None):
    """The site's name for subjects, signatures and feed titles: the 网站标识 setting's."""
    from siteidentity.models import SiteIdentity

    return SiteIdentity.current(request).name


def site_root(request=None):
    """The configured Wagtail Site's root URL (the default site outside a request)."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return site.root_url.rstrip("/")


def absolute(path, request=None):
    return path if path.startswith(("http://", "https://")) else site_root(request) + path


def unsubscribe_url(subscription):
    token = tokens.make(tokens.UNSUBSCRIBE, subscription)
    return absolute(reverse("alerts:unsubscribe", args=[token]))


def unsubscribe_all_url(subscriber):
    token = tokens.make(tokens.UNSUBSCRIBE_ALL, subscriber)
    return absolute(reverse("alerts:unsubscribe-all", args=[token]))


def _message(subject, template, context, to, unsubscribe):
    context = {**context, "site_name": site_name(), "site_url": site_root()}
    context["unsubscribe"] = unsubscribe
    text = render_to_string(f"alerts/email/{template}.txt", context)
    html = render_to_string(f"alerts/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split())[:150],
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(subscription):
    """Asks the address's owner to confirm; the only message sent before confirmation."""
    token = tokens.make(tokens.CONFIRM, subscription)
    context = {
        "label": subscription.label,
        "confirm_url": absolute(reverse("alerts:confirm", args=[token])),
        "valid_days": max(1, tokens.confirm_max_age() // 86400),
    }
    return _message(
        f"请确认订阅：{subscription.label}",
        "confirm",
        context,
        subscription.subscriber.email,
        unsubscribe_url(subscription),
    )


def digest_message(subscriber, sections):
    """One message for one address: ``sections`` is a list of (subscription, entries)."""
    count = sum(len(entries) for _sub, entries in sections)
    context = {
        "sections": [
            {"label": sub.label, "entries": entries, "unsubscribe_one": unsubscribe_url(sub)}
            for sub, entries in sections
        ],
        "count": count,
    }
    return _message(
        f"{site_name()}订阅提醒：{count} 条新内容",
        "digest",
        context,
        subscriber.email,
        unsubscribe_all_url(subscriber),
    )
