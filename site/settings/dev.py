"""Development and demo settings: DEBUG on, a per-checkout secret key."""

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import STORAGES, VAR_DIR
from .env import env_bool, env_str


def _local_secret_key(name="secret_key"):
    """A random key kept under var/, so sessions (and signatures) survive restarts of the demo."""
    path = VAR_DIR / name
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(get_random_secret_key())
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG", True)
# Uploaded images for `make demo` (no nginx): served like the production recipe, documents private.
GONGKAI_SERVE_MEDIA = env_bool("GONGKAI_SERVE_MEDIA", True)
SECRET_KEY = env_str("SECRET_KEY") or _local_secret_key()
GONGKAI_CHAIN_KEY = env_str("GONGKAI_CHAIN_KEY") or _local_secret_key("chain_key")
ALLOWED_HOSTS = ["*"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
