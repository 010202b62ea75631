"""Who must give a second factor, read from ``GONGKAI_SECOND_FACTOR``."""

from django.conf import settings

ALL = "all"


def required_groups():
    """None when nobody must, ALL when everyone must, else the set of group names."""
    value = (getattr(settings, "GONGKAI_SECOND_FACTOR", ALL) or "").strip()
    if not value:
        return None
    if value.lower() == ALL:
        return ALL
    return {name.strip() for name in value.split(",") if name.strip()}


def must_verify(user):
    """True when ``user`` must give a code before using the admin."""
    if not getattr(user, "is_authenticated", False):
        return False
    groups = required_groups()
    if groups is None:
        return False
    if groups == ALL or user.is_superuser:
        return True
    return user.groups.filter(name__in=groups).exists()
