"""Strict settings for the test suite."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, REDIS_URL, STORAGES

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
GONGKAI_CHAIN_KEY = "test-only-chain-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Every test process (each pytest-xdist worker too) writes only under folders of its own: its
# var/ (backups, the page cache), media and collected static files; never the checkout's var/.
VAR_DIR = Path(tempfile.mkdtemp(prefix="gongkai-test-var-"))
PAGECACHE_ROOT = VAR_DIR / "pagecache"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="gongkai-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="gongkai-test-static-"))
for _folder in (VAR_DIR, MEDIA_ROOT, STATIC_ROOT):
    atexit.register(shutil.rmtree, _folder, True)
WHITENOISE_USE_FINDERS = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if REDIS_URL:
    # CI's Redis pass: the real backend, under a key prefix of this run's own.
    CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
GONGKAI_BASE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
# Admin tests log in with a password only; secondfactor/tests turns the second factor on.
GONGKAI_SECOND_FACTOR = os.environ.get("GONGKAI_SECOND_FACTOR", "")
# The mail budgets count in the cache for a whole test process; tests that check them lower them.
MAIL_HOURLY_CAP = ENQUIRIES_MAILS_PER_MAILBOX = 10**9
AXES_ENABLED = False  # tests/test_security.py turns it on to check the lockout
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
