"""Settings shared by every environment; values come from the environment."""

import os
from pathlib import Path

import dj_database_url

from .env import env_bool, env_list, env_str

SITE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SITE_DIR.parent
VAR_DIR = Path(env_str("GONGKAI_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
# Signs each disclosure version and chain head (HMAC-SHA256); never stored in the database.
GONGKAI_CHAIN_KEY = env_str("GONGKAI_CHAIN_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "importing",
    "taxonomy",
    "workflows",
    "editorial",
    "news",
    "policies",
    "search",
    "media",
    "disclosures",
    "workdays",
    "listings",
    "throttling",
    "specials",
    "alerts",
    "enquiries",
    "portal",
    "notices",
    "siteidentity",
    "secondfactor",
    "govinfo",
    "quality",
    "readerprefs",
    "backup",
    "attachments",
    "linkcheck",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "pagecache",  # after frontend_cache: takes over its publish and unpublish purges
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "gongkai.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above every middleware that changes the page body: it stores what the reader receives.
    "pagecache.middleware.PageCacheMiddleware",
    "readerprefs.preferences.ReaderPreferencesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "secondfactor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Hands Wagtail's serve view the Site and page it found for the same host and path before,
    # under the publish generation (one query instead of one or two per level of the tree).
    "listings.routes.KeptRoutesMiddleware",
]

# Who must give a second factor (TOTP) after the password to use the admin: "all", nobody
# (empty) or comma-separated group names (superusers then too). See secondfactor/__init__.py.
GONGKAI_SECOND_FACTOR = os.environ.get("GONGKAI_SECOND_FACTOR", "all")  # set but empty: nobody
OTP_TOTP_ISSUER = "公开 Gongkai"

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "readerprefs.preferences.reader",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in production).
# Each worker keeps its connection (checked before reuse) for DATABASE_CONN_MAX_AGE seconds:
# opening one (and setting up SQLite's WAL mode) took about 2 ms of every page (issue 32).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            # A write waits this long for a lock (a backup, a long import) before it fails;
            # below gunicorn's 30-s timeout, so a filing still gets its form back, text kept.
            "timeout": 20,
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "gongkai.login_throttle.RequestLoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Chinese first.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# The project's own catalogue first: the admin strings Wagtail's zh_Hans leaves untranslated.
LOCALE_PATHS = [BASE_DIR / "siteidentity" / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [SITE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

# Upload limits: a clear error rather than a half-stored file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# Cache: one for every worker and process. Redis when REDIS_URL is set (how production is
# meant to run), else Django's database cache (`manage.py createcachetable`, run by
# `make migrate` and deploy.sh); never per-process memory, which gunicorn's workers would not
# share (synonyms, site settings, search caches).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "gongkai_cache",
        }
    }

# The deployed release (e.g. its git revision); fragment caches key on it. Unset, they
# key on a hash of the templates and code read at start (listings.fragments.code_version).
GONGKAI_RELEASE = env_str("GONGKAI_RELEASE", "")

# Wagtail.
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "公开 · 城乡社区治理信息公开")
# The one public address of the site (scheme, host, port): every absolute link it writes.
# Serve /media/ from Django (site/media_serving.py): the demo and development only; production
# serves uploads through nginx and must leave this off.
GONGKAI_SERVE_MEDIA = False
GONGKAI_BASE_URL = env_str("GONGKAI_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", GONGKAI_BASE_URL)
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# No in-place replacement of a disclosure's original; images stripped of EXIF/GPS.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "disclosures.documents.DocumentForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ofd", "wps", "jpg", "png"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
# Daily search counts kept by searchpromotions_garbage_collect (检索词统计 covers 30 days).
WAGTAILSEARCH_HITS_MAX_AGE = 30
# Public search engine: "database" (SQLite FTS5 / PostgreSQL, no server) or "elasticsearch".
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "database")
# PostgreSQL: rank-ordered RUM indexes (postgresql-15-rum) when the extension can be created at
# migrate time; GONGKAI_SEARCH_RUM=0 keeps the GIN-only path (search/backends/rum.py).
SEARCH_RUM = env_bool("GONGKAI_SEARCH_RUM", True)
# SQLite: very common queries rank the documents holding them in the title first
# (search/backends/sqlite.py); GONGKAI_SEARCH_BOUNDED_TOPK=0 ranks every match.
SEARCH_BOUNDED_TOPK = env_bool("GONGKAI_SEARCH_BOUNDED_TOPK", True)
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = env_str("ELASTICSEARCH_INDEX", "gongkai-pages")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# Security defaults that hold everywhere; production.py tightens the rest.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
# No request to any third-party host, from the admin either.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Publish-time page cache (pagecache): files under PAGECACHE_ROOT that nginx serves to
# anonymous readers; on in production, off elsewhere unless GONGKAI_PAGECACHE=1.
PAGECACHE_ENABLED = env_bool("GONGKAI_PAGECACHE", False)
PAGECACHE_ROOT = Path(env_str("GONGKAI_PAGECACHE_ROOT", str(VAR_DIR / "pagecache")))
PAGECACHE_EAGER = env_bool("GONGKAI_PAGECACHE_EAGER", True)
# A publish keeps serving the old files of pages that stay public until the task worker has
# written the new ones, never longer than this (10-second steps; 0: remove them at once; always
# 0 without PAGECACHE_EAGER, when nothing renders them ahead of the readers).
# Unpublished, deleted, withdrawn or restricted content is removed at once whatever this says.
PAGECACHE_MAX_STALE_SECONDS = int(env_str("GONGKAI_PAGECACHE_MAX_STALE_SECONDS", "60"))
# Non-page routes to cache as well (glob patterns allowed; only exact names are pre-rendered).
PAGECACHE_URL_NAMES = ["sitemap", "news:feed-topic-*", "specials:feed-*", "alerts:feed-*"]
PAGECACHE_URL_NAMES += [
    f"news:feed-{f}-{k}" for f in ("news", "cases") for k in ("rss", "atom")
] + [f"{app}:feed-{k}" for app in ("policies", "media") for k in ("rss", "atom")]
# The page every section index hangs under: apps name it through this setting (as
# AUTH_USER_MODEL names the user model), never by the home app's label.
HOME_PAGE_MODEL = "home.HomePage"
# Pages that list other pages: purged with every publish (with the page's own ancestors).
PAGECACHE_LISTING_MODELS = [
    "home.HomePage",
    "policies.PolicyIndexPage",
    "news.NewsIndexPage",
    "news.CaseStudyIndexPage",
    "media.PhotoFeatureIndexPage",
    "disclosures.DisclosureIndexPage",
    "specials.CollectionIndexPage",
    "specials.CollectionPage",
]
# Anonymous GET pages with a query string (search, filters, pagination, the JSON search API)
# may be kept this many seconds by nginx's microcache (X-Accel-Expires); 0 turns it off.
PAGECACHE_QUERY_SECONDS = int(env_str("GONGKAI_MICROCACHE_SECONDS", "10"))
PAGECACHE_QUERY_URL_NAMES = ["search:page", "search:api", "search:autocomplete"]
# Purges go through wagtail.contrib.frontend_cache: this node's files and, signed with
# GONGKAI_PAGECACHE_PURGE_KEY, every other web node's (GONGKAI_PAGECACHE_NODES, base URLs of
# their gunicorn). Add a CDN backend here to purge it with the same URLs.
PAGECACHE_PURGE_KEY = env_str("GONGKAI_PAGECACHE_PURGE_KEY", "")
WAGTAILFRONTENDCACHE = {
    "pagecache": {
        "BACKEND": "pagecache.frontend.PageCacheBackend",
        "NODES": env_list("GONGKAI_PAGECACHE_NODES"),
    }
}

# Client addresses: X-Forwarded-For counts only from these proxies (addresses or networks).
# The nginx recipe runs on the same machine: GONGKAI_TRUSTED_PROXIES=127.0.0.1 (production's
# default). Nobody else can choose the address the site sees for them.
GONGKAI_TRUSTED_PROXIES = env_list("GONGKAI_TRUSTED_PROXIES")

# Admin login throttling: a lockout holds one username from one address, so failures from one
# address never lock out the same or another person elsewhere (nginx limits the login rate).
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "throttling.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "account_locked.html"

# Email: SMTP from the environment (dev.py prints to the console, the tests keep it in memory).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(env_str("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "公开 <noreply@localhost>")

# Background tasks (django-tasks, shipped with Wagtail 8). The immediate backend runs a task
# as it is enqueued; set TASKS_BACKEND to a queued backend with a worker in production.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    }
}

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

if env_bool("GONGKAI_TRUST_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
WAGTAILIMAGES_IMAGE_MODEL = "media.CreditedImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "media.forms.CreditedImageForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "heic"]
