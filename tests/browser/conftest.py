"""Headless Debian Chromium driven by Playwright against pytest-django's live_server.

Without /usr/bin/chromium (or CHROMIUM_PATH) the browser tests are skipped with the reason shown;
with GONGKAI_REQUIRE_BROWSER=1 (CI) they fail instead. Playwright is started once per test
module and stopped at its end, so its event loop never outlives the browser tests.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from .content import build_site
from .signin import second_factor  # noqa: F401  (a fixture for the admin journeys)

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
PHONE = {"width": 320, "height": 640}


def browser_required():
    return os.environ.get("GONGKAI_REQUIRE_BROWSER") == "1"


def missing(reason):
    """Skip, or fail when the browser suite is required (CI)."""
    if browser_required():
        pytest.fail(f"{reason} (GONGKAI_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


def chromium_path():
    candidates = (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium"))
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        missing("Chromium not installed: apt-get install chromium to run the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python is not installed")
    # Playwright's sync API keeps an asyncio loop in this thread; the test's own ORM calls
    # (building content, checking results) are plain synchronous code all the same.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    manager = sync_playwright().start()
    instance = manager.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS, headless=True)
    yield instance
    instance.close()
    manager.stop()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class Session:
    """A browser context bound to the live server, recording every request it makes."""

    def __init__(self, browser, base_url, **options):
        self.base_url = base_url
        self.context = browser.new_context(base_url=base_url, locale="zh-CN", **options)
        self.context.set_default_timeout(15_000)
        self.requests = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()

    def foreign_requests(self):
        """Requests to any host other than the live server (there must be none)."""
        own = urlparse(self.base_url).netloc
        return [
            url
            for url in self.requests
            if urlparse(url).scheme in ("http", "https", "ws", "wss")
            and urlparse(url).netloc != own
        ]

    def close(self):
        self.context.close()


@pytest.fixture
def open_session(browser, live_server):
    sessions = []

    def factory(**options):
        session = Session(browser, live_server.url, **options)
        sessions.append(session)
        return session

    yield factory
    for session in sessions:
        session.close()


@pytest.fixture
def site_pages(transactional_db):
    return build_site()


@pytest.fixture
def axe_source():
    if not AXE_JS.is_file():
        missing("axe-core not installed: run npm ci --prefix tests/browser")
    return AXE_JS.read_text(encoding="utf-8")
