"""A wagtail.contrib.frontend_cache backend for the page cache: purges the files of the given
URLs on this node and, signed with PAGECACHE_PURGE_KEY, on every other web node in NODES.

With ``REFRESH`` (``refresh_settings()``, used for pages that stay public) the files are
retired instead: served stale until rendered again (on this node by the task, on the others by
their purge endpoint), at most PAGECACHE_MAX_STALE_SECONDS. Without it they go at once."""

import hashlib
import hmac
import json
import logging
import time
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from . import store

logger = logging.getLogger(__name__)

PURGE_PATH = "/pagecache/purge/"
EVERYTHING = "/*"  # a URL with this path empties the whole cache


def sign(key, body):
    return hmac.new(key.encode(), body, hashlib.sha256).hexdigest()


def purge_locally(paths, refresh=False):
    """Purge (or with ``refresh`` retire) this node's files; a feed or the sitemap among them
    takes every cached feed along."""
    if not store.enabled():
        return 0
    paths = list(paths)
    if EVERYTHING in paths:
        store.purge()
        return -1
    feeds = any(p.endswith(store.FEED_FILE_SUFFIXES) for p in paths)
    if refresh:
        return store.retire_paths(paths, feeds=feeds)
    return store.purge_paths(paths, feeds=feeds)


def refresh_settings():
    """WAGTAILFRONTENDCACHE with this backend in REFRESH mode (other backends as they are)."""
    configured = getattr(settings, "WAGTAILFRONTENDCACHE", None) or {}
    ours = f"{__name__}.{PageCacheBackend.__name__}"
    return {
        name: {**conf, "REFRESH": True} if conf.get("BACKEND") == ours else dict(conf)
        for name, conf in configured.items()
    }


class PageCacheBackend(BaseBackend):
    """Options: NODES (base URLs of the other nodes' gunicorn, e.g. http://10.0.0.12:8000),
    KEY (default PAGECACHE_PURGE_KEY), TIMEOUT (seconds per node, default 5), REFRESH (retire
    instead of remove)."""

    def __init__(self, params):
        super().__init__(params)
        self.nodes = [n.rstrip("/") for n in params.get("NODES", ()) if n]
        for node in self.nodes:
            if urlsplit(node).scheme not in ("http", "https"):
                raise ImproperlyConfigured(f"页面缓存节点地址须为 http(s) 地址：{node}")
        self.key = params.get("KEY") or getattr(settings, "PAGECACHE_PURGE_KEY", "")
        self.timeout = params.get("TIMEOUT", 5)
        self.refresh = bool(params.get("REFRESH", False))

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        urls = list(urls)
        paths = sorted({urlsplit(url).path or "/" for url in urls})
        purge_locally(paths, refresh=self.refresh)
        if not self.nodes:
            return
        if not self.key:
            logger.error("PAGECACHE_PURGE_KEY is not set: other nodes were not purged")
            return
        host = urlsplit(urls[0]).netloc if urls else ""
        message = {"paths": paths, "ts": int(time.time())}
        if self.refresh:
            message["refresh"] = True  # signed with the rest: nobody can soften a purge
        body = json.dumps(message).encode()
        for node in self.nodes:
            self._send(node, host, body)

    def _send(self, node, host, body):
        signature = sign(self.key, body)
        headers = {"Content-Type": "application/json", "X-Pagecache-Signature": signature}
        if host:
            headers["Host"] = host
        url = node + PURGE_PATH  # NODES are checked to be http(s) URLs
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                response.read()
        except OSError:
            logger.exception("Page-cache purge on %s failed", node)
