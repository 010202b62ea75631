"""WSGI entry point (gunicorn gongkai.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.production")
application = get_wsgi_application()
