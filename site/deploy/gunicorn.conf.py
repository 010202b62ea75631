"""gunicorn settings for Gongkai: `gunicorn -c site/deploy/gunicorn.conf.py` from the checkout.

Environment (see gongkai.env.example): DJANGO_SETTINGS_MODULE, SECRET_KEY, ALLOWED_HOSTS, ...
GUNICORN_BIND / GUNICORN_WORKERS override the defaults below.
"""

import multiprocessing
import os

wsgi_app = "gongkai.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Recycle workers now and then so memory stays flat over weeks of uptime.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
# Seconds a worker may be silent: a request, and (not preloaded) the import of the application
# when a worker starts. GUNICORN_TIMEOUT raises it on a slow or crowded machine.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Not preloaded: each worker imports the application itself, so `systemctl reload gongkai`
# (SIGHUP: new workers) runs the code just deployed. A preloaded master would hand every new
# worker the code it imported at start, and a reload would change nothing.
preload_app = False
# Requests larger than this are refused by gunicorn itself (nginx limits bodies to 25 MB).
limit_request_line = 8190
limit_request_fields = 100
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # "" turns it off
errorlog = "-"
forwarded_allow_ips = "127.0.0.1"
proxy_allow_ips = "127.0.0.1"
