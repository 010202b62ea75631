"""Production settings: refuse to start without a secret key; HTTPS everywhere."""

from .base import *  # noqa: F403
from .env import env_bool, env_list, env_required, env_str

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
GONGKAI_CHAIN_KEY = env_required("GONGKAI_CHAIN_KEY")  # signs disclosure versions and heads
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
GONGKAI_TRUSTED_PROXIES = env_list("GONGKAI_TRUSTED_PROXIES", ["127.0.0.1", "::1"])

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
PAGECACHE_ENABLED = env_bool("GONGKAI_PAGECACHE", True)
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# Behind the nginx recipe: documents go through Wagtail's privacy check, nginx sends the file.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
if env_bool("GONGKAI_X_ACCEL", False):
    SENDFILE_BACKEND = "media.sendfile_nginx"
