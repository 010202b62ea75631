"""The XSS suite in a real browser: hostile content and parameters, loaded in headless Chromium,
must not run anything. A dialog handler and a console hook catch any payload that executes;
the page's Content-Security-Policy is bypassed so that escaping alone is what is tested."""

import json
from urllib.parse import urlencode

import pytest
from django.core.management import call_command

from media.models import PhotoFeatureIndexPage, PhotoFeaturePhoto
from media.tests.factories import credited_image, photo_feature
from news.models import NewsArticlePage, NewsIndexPage
from news.tests.factories import news_article
from policies.models import PolicyIndexPage
from policies.tests.factories import TopicFactory, policy_page

from ..hostile import MARKERS, PAYLOADS
from .content import ensure_base

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ALL = "\n".join(PAYLOADS)
PARAMS = ["q", "page", "sort", "topic", "region", "authority", "year", "theme", "tag", "type"]


def hostile_site(tmp_path):
    """Hostile text through the importer, rich text, image captions and credits."""
    ensure_base()
    record = {
        "id": "xss-news",
        "type": "news",
        "title": '社区新闻"><script>alert("gk1")</script>',
        "date": "2024-05-01",
        "author": PAYLOADS[2],
        "source": PAYLOADS[11],
        "body_format": "html",
        "body": "<p>正文</p>" + ALL,
        "tags": [PAYLOADS[4]],
    }
    path = tmp_path / "xss.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    call_command("import_content", str(path), verbosity=0)
    typed = "".join(f"<p>{p.replace('<', '&lt;').replace('>', '&gt;')}</p>" for p in PAYLOADS)
    news_article("编辑输入的文字", body=[("paragraph", typed)])
    image = credited_image(caption=PAYLOADS[0], alt=PAYLOADS[10])
    image.credit = PAYLOADS[17]
    image.save()
    feature = photo_feature(photos=0, title="图片报道")
    feature.photos = [PhotoFeaturePhoto(image=image, caption=PAYLOADS[2])]
    feature.save_revision().publish()
    policy_page(summary=ALL, topics=[TopicFactory()])
    pages = [p.url for p in NewsArticlePage.objects.all()] + [feature.url, "/"]
    listings = [
        NewsIndexPage.objects.get().url,
        PolicyIndexPage.objects.get().url,
        PhotoFeatureIndexPage.objects.get().url,
        "/search/",
    ]
    return pages, listings


def watch(session):
    """Everything a payload could do that we can see: dialogs and console messages."""
    fired = []

    def on_dialog(dialog):
        fired.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    session.page.on("dialog", on_dialog)
    session.page.on(
        "console",
        lambda msg: (
            fired.append(f"console: {msg.text}") if any(m in msg.text for m in MARKERS) else None
        ),
    )
    return fired


def visit(session, url):
    session.page.goto(url, wait_until="load")
    # Give handlers such as onfocus/ontoggle/onload a moment, then hover and tab through links.
    session.page.wait_for_timeout(150)
    session.page.mouse.move(10, 10)
    for _ in range(3):
        session.page.keyboard.press("Tab")


def test_no_payload_runs_in_chromium(open_session, tmp_path):
    pages, listings = hostile_site(tmp_path)
    session = open_session(bypass_csp=True)
    fired = watch(session)

    for url in pages:
        visit(session, url)
    for url in listings:
        for start in range(0, len(PAYLOADS), len(PARAMS)):
            chunk = PAYLOADS[start : start + len(PARAMS)]
            visit(session, f"{url}?{urlencode(dict(zip(PARAMS, chunk, strict=False)))}")
    # No link, form or frame on the hostile page points at script.
    visit(session, NewsArticlePage.objects.get(title__startswith="社区新闻").url)
    targets = session.page.eval_on_selector_all(
        "a[href], form[action], iframe, object, embed",
        "els => els.map(e => (e.href || e.action || e.src || e.data || '').toString())",
    )
    assert not [t for t in targets if t.strip().lower().startswith(("javascript:", "data:"))]

    assert fired == []
    assert session.foreign_requests() == []


def test_the_csp_blocks_inline_script_even_if_one_slipped_through(open_session, live_server):
    """Defence in depth: with the policy on, an injected inline script would not run."""
    ensure_base()
    session = open_session()
    fired = watch(session)
    session.page.goto(live_server.url + "/")
    session.page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'console.log(\"XSS:gk1\")'; document.body.appendChild(s); }"
    )
    session.page.wait_for_timeout(200)
    assert fired == []
