"""Small readers for settings taken from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name)
    if value in (None, ""):
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_required(name):
    value = env_str(name)
    if value is None:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value
