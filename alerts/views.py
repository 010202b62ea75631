"""Subscribe, confirm and unsubscribe: plain forms that work without JavaScript.

Every answer about an address is the same whether or not it is known, and no email is sent
from a request: the confirmation goes to a background task once the transaction commits.
"""

import logging

from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import limits, tokens
from .addresses import mask
from .forms import SubscribeForm
from .models import Subscriber, Subscription
from .targets import TargetError, from_params
from .tasks import send_confirmation

logger = logging.getLogger(__name__)


def _subscribe_form_context(request, form, target=None, error=""):
    return {"form": form, "target": target, "target_error": error}


def _request_confirmation(address, target):
    """Create (or reuse) the pending subscription and queue its confirmation email."""
    try:
        with transaction.atomic():
            subscriber, _ = Subscriber.objects.get_or_create(email=address)
    except IntegrityError:  # the same address submitted twice at the same moment
        subscriber = Subscriber.objects.get(email=address)
    subscription = subscriber.subscriptions.filter(kind=target.kind, **target.fields).first()
    if subscription is not None and subscription.confirmed:
        return  # already subscribed: nothing to send, and the reader is told the same
    if subscription is None:
        subscription = Subscription.objects.create(
            subscriber=subscriber, kind=target.kind, **target.fields
        )
    pk = subscription.pk
    transaction.on_commit(lambda: send_confirmation.enqueue(pk))
    logger.info("alerts: confirmation queued for %s (%s)", mask(address), target.kind)


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_robot:
            return redirect("alerts:sent")
        if not form.is_valid():
            context = _subscribe_form_context(request, form, form.cleaned_data.get("resolved"))
            return TemplateResponse(request, "alerts/subscribe.html", context, status=400)
        address = form.cleaned_data["email"]
        if limits.allow_subscription(request, address):
            with transaction.atomic():
                _request_confirmation(address, form.cleaned_data["resolved"])
        else:
            logger.warning("alerts: rate limit reached for %s", mask(address))
        return redirect("alerts:sent")
    try:
        target = from_params(request.GET)
    except TargetError as exc:
        context = _subscribe_form_context(request, SubscribeForm(), error=str(exc))
        return TemplateResponse(request, "alerts/subscribe.html", context, status=404)
    initial = {"kind": target.kind, "target": target.value} if target else {}
    form = SubscribeForm(initial=initial)
    return TemplateResponse(
        request, "alerts/subscribe.html", _subscribe_form_context(request, form, target)
    )


def sent(request):
    return TemplateResponse(request, "alerts/sent.html", {})


def _bad_link(request, exc):
    expired = isinstance(exc, tokens.Expired)
    context = {"expired": expired, "valid_days": tokens.confirm_max_age() // 86400}
    return TemplateResponse(request, "alerts/bad_link.html", context, status=400)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscription = tokens.find(
            tokens.CONFIRM, token, Subscription.objects.all(), tokens.confirm_max_age()
        )
    except (tokens.Invalid, tokens.Expired) as exc:
        return _bad_link(request, exc)
    if request.method == "POST" and not subscription.confirmed:
        subscription.confirm()
        logger.info("alerts: subscription %s confirmed", subscription.pk)
        return TemplateResponse(
            request, "alerts/confirmed.html", {"subscription": subscription, "just_now": True}
        )
    template = "alerts/confirmed.html" if subscription.confirmed else "alerts/confirm.html"
    return TemplateResponse(request, template, {"subscription": subscription})


def _unsubscribe(request, purpose, queryset, token):
    try:
        obj = tokens.find(purpose, token, queryset)
    except tokens.Gone:
        return TemplateResponse(request, "alerts/unsubscribed.html", {"already": True})
    except tokens.Invalid as exc:
        return _bad_link(request, exc)
    if request.method == "POST":  # a click on the button, or a mail client's RFC 8058 POST
        with transaction.atomic():
            subscriber = obj if isinstance(obj, Subscriber) else obj.subscriber
            if obj is subscriber:
                subscriber.delete()
            else:
                obj.delete()
                if not subscriber.subscriptions.exists():
                    subscriber.delete()
        logger.info("alerts: unsubscribed (%s)", purpose)
        return TemplateResponse(request, "alerts/unsubscribed.html", {})
    context = {
        "everything": isinstance(obj, Subscriber),
        "subscription": obj if isinstance(obj, Subscription) else None,
        "masked_email": obj.masked_email if isinstance(obj, Subscriber) else "",
    }
    return TemplateResponse(request, "alerts/unsubscribe.html", context)


# No CSRF token: mail clients POST the one-click unsubscribe without cookies (RFC 8058); the
# signed token in the address is what authorises it.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    queryset = Subscription.objects.select_related("subscriber")
    return _unsubscribe(request, tokens.UNSUBSCRIBE, queryset, token)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe_all(request, token):
    return _unsubscribe(request, tokens.UNSUBSCRIBE_ALL, Subscriber.objects.all(), token)
