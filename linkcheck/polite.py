"""Politeness: robots.txt per host, and at most two requests a second to one host."""

import time
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from django.conf import settings

from . import fetch

MIN_INTERVAL = 0.5  # seconds between two requests to one host (≤ 2 per second)
MAX_CRAWL_DELAY = 10


class Host:
    def __init__(self):
        self.last = 0.0
        self.interval = getattr(settings, "LINKCHECK_MIN_INTERVAL", MIN_INTERVAL)
        self.robots = None


class Politeness:
    """Per-run state: when each host was last asked, and its robots.txt rules."""

    def __init__(self, sleep=time.sleep, clock=time.monotonic):
        self.hosts = {}
        self.sleep, self.clock = sleep, clock
        self.requests = 0

    def host(self, name):
        return self.hosts.setdefault(name.lower(), Host())

    def wait(self, name):
        host = self.host(name)
        delay = host.last + host.interval - self.clock()
        if delay > 0:
            self.sleep(delay)
        host.last = self.clock()
        self.requests += 1

    def may_fetch(self, url):
        parts = urlsplit(url)
        name = parts.hostname or ""
        host = self.host(name)
        if host.robots is None:
            host.robots = self._robots(f"{parts.scheme}://{parts.netloc}/robots.txt", name)
            delay = host.robots.crawl_delay(fetch.USER_AGENT)
            if delay:
                host.interval = max(host.interval, min(float(delay), MAX_CRAWL_DELAY))
        return host.robots.can_fetch(fetch.USER_AGENT, url)

    def _robots(self, url, name):
        parser = RobotFileParser()
        try:
            self.wait(name)
            answer = fetch.request(url, "GET", read=64 * 1024)
        except (fetch.Failed, fetch.Refused):
            parser.parse([])
            return parser
        if answer.status == 200:
            parser.parse(answer.body.decode("utf-8", "replace").splitlines())
        else:
            parser.parse([])  # no robots.txt: everything may be fetched
        return parser
