"""Signed tokens for the links in alert emails.

A token names one subscription (or one subscriber, for "unsubscribe from everything") by its id
and a random key stored with it, signed with the site's SECRET_KEY. Confirmation tokens expire
(ALERTS_CONFIRM_MAX_AGE seconds, three days by default); unsubscribe tokens do not, so an old
email's link still works. Deleting the row, or changing its key, voids every token for it.
"""

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare

CONFIRM = "alerts.confirm"
UNSUBSCRIBE = "alerts.unsubscribe"
UNSUBSCRIBE_ALL = "alerts.unsubscribe-all"
DEFAULT_CONFIRM_MAX_AGE = 3 * 24 * 3600


class Expired(Exception):
    """The signature is good but the token is too old."""


class Invalid(Exception):
    """Forged or damaged."""


class Gone(Invalid):
    """Genuine, but what it named has been deleted (e.g. already unsubscribed)."""


def confirm_max_age():
    return int(getattr(settings, "ALERTS_CONFIRM_MAX_AGE", DEFAULT_CONFIRM_MAX_AGE))


def make(purpose, obj):
    return signing.dumps([obj.pk, obj.key], salt=purpose, compress=False)


def _load(purpose, token, max_age):
    try:
        pk, key = signing.loads(str(token)[:300], salt=purpose, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise Expired from exc
    except (signing.BadSignature, TypeError, ValueError) as exc:
        raise Invalid from exc
    if not isinstance(pk, int) or not isinstance(key, str):
        raise Invalid
    return pk, key


def find(purpose, token, queryset, max_age=None):
    """The object the token names, or Expired / Invalid / Gone."""
    pk, key = _load(purpose, token, max_age)
    obj = queryset.filter(pk=pk).first()
    if obj is None or not constant_time_compare(obj.key, key):
        raise Gone
    return obj
