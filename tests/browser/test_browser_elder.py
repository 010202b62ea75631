"""适老化 and layout in headless Chromium, over one page of every page type.

In elder mode (cookie elder=1) at 1280 and 375 px: every text ≥ 18 px, every control and
navigation target ≥ 60 × 60 px (links inside running text excepted), line height ≥ 1.3, one
column. In both modes: no sideways scrolling and no control lying over another. On article,
policy and disclosure pages the 朗读 and 打印 buttons work, and stay hidden without JavaScript.
"""

import pytest

from .content import SEARCH_TERM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 375)
MIN_TEXT = 18
MIN_TARGET = 60

# The measurement: what a reader sees, from computed styles and layout boxes.
MEASURE = """(min) => {
  const shown = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const name = e => e.tagName.toLowerCase()
    + (e.className ? '.' + String(e.className).split(' ')[0] : '')
    + ' "' + (e.textContent || e.value || e.placeholder || '').trim().slice(0, 16) + '"';
  const out = {text: [], targets: [], lines: []};
  for (const e of document.querySelectorAll('body *')) {
    if (!shown(e) || e.closest('svg, script, style, noscript')) continue;
    const s = getComputedStyle(e);
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const size = parseFloat(s.fontSize);
    if (own && size < min.text - 0.05) out.text.push(name(e) + ' ' + size + 'px');
    if (own && s.lineHeight !== 'normal' && parseFloat(s.lineHeight) < size * 1.3 - 0.5)
      out.lines.push(name(e) + ' ' + s.lineHeight);
    const target = e.matches('button, select, textarea, input:not([type=hidden]), nav a, header a, '
      + 'footer a, .pagination a, [aria-label=breadcrumb] a, li > a:only-child');
    const inText = e.matches('a') && e.closest('p, td, .rich-text, .prose');
    if (target && !inText) { const r = e.getBoundingClientRect();
      if (r.width < min.target - 0.5 || r.height < min.target - 0.5)
        out.targets.push(name(e) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); }
  }
  return out;
}"""

# Controls whose boxes must not overlap: every form control and every link outside running text.
OVERLAPS = """() => {
  const boxes = [];
  const controls = 'a[href], button, input:not([type=hidden]), select, textarea';
  for (const e of document.querySelectorAll(controls)) {
    const s = getComputedStyle(e);
    // checkVisibility: controls folded inside a closed <details> are not on screen
    if (s.visibility === 'hidden' || s.display === 'none' || !e.checkVisibility()) continue;
    if (e.closest('p, td, .prose, .rich-text, noscript')) continue;
    for (const r of e.getClientRects()) if (r.width > 0 && r.height > 0) boxes.push([e, r]);
  }
  const found = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, p] = boxes[i], [b, q] = boxes[j];
    if (a === b || a.contains(b) || b.contains(a)) continue;
    const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
    const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
    const label = e => (e.textContent || e.name || e.tagName).trim().slice(0, 12);
    if (w > 1 && h > 1) found.push(label(a) + ' / ' + label(b));
  }
  return found;
}"""


def urls_of(site_pages):
    urls = {label: page.url for label, page in site_pages.items()}
    urls["search results"] = f"/search/?q={SEARCH_TERM}"
    urls["policy history"] = site_pages["policies.PolicyPage"].url + "history/"
    return urls


def visit_all(session, site_pages, check):
    problems = {}
    for width in WIDTHS:
        session.page.set_viewport_size({"width": width, "height": 900})
        for label, url in urls_of(site_pages).items():
            response = session.page.goto(url, timeout=90_000)
            assert response.status == 200, (label, url)
            found = check(session.page)
            if found:
                problems[f"{width}px {label}"] = found
    return problems


def elder(session):
    session.context.add_cookies([{"name": "elder", "value": "1", "url": session.base_url}])


def test_elder_mode_meets_the_sizes_on_every_page_type(open_session, site_pages):
    session = open_session()
    elder(session)

    def check(page):
        assert page.locator("html").get_attribute("class") == "elder"
        found = page.evaluate(MEASURE, {"text": MIN_TEXT, "target": MIN_TARGET})
        return {k: v[:5] for k, v in found.items() if v}

    assert visit_all(session, site_pages, check) == {}


def test_no_sideways_scrolling_or_overlapping_controls(open_session, site_pages):
    for mode in ("normal", "elder"):
        session = open_session()
        if mode == "elder":
            elder(session)

        def check(page):
            found = page.evaluate(OVERLAPS)
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if width[0] > width[1] + 1:
                found.append(f"page is {width[0]} px wide in a {width[1]} px window")
            return found[:5]

        assert visit_all(session, site_pages, check) == {}, mode


def test_elder_mode_is_one_column_including_the_library(open_session, site_pages):
    session = open_session(viewport={"width": 1280, "height": 900})
    elder(session)
    page = session.page
    page.goto(site_pages["policies.PolicyIndexPage"].url)
    filters = page.locator(".library-filters").bounding_box()
    results = page.locator(".library-results").bounding_box()
    assert results["y"] >= filters["y"] + filters["height"]  # below, not beside
    page.goto("/")
    columns = page.evaluate(
        "getComputedStyle(document.querySelector('.home-grid')).gridTemplateColumns"
    )
    assert len(columns.split()) == 1


def test_library_filter_button_is_in_view_on_a_desktop(open_session, site_pages):
    page = open_session(viewport={"width": 1280, "height": 800}).page
    page.goto(site_pages["policies.PolicyIndexPage"].url)
    button = page.locator(".library-filters").get_by_role("button", name="筛选")
    box = button.bounding_box()
    assert box["y"] + box["height"] <= 800


SPEECH_STUB = """
window.__spoken = []; window.__cancelled = 0; window.__printed = 0;
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, 'speechSynthesis', { value: {
  speak: u => window.__spoken.push([u.text, u.lang]), cancel: () => { window.__cancelled++; } } });
window.print = () => { window.__printed++; };
"""


@pytest.mark.parametrize(
    "label", ["policies.PolicyPage", "disclosures.DisclosurePage", "news.NewsArticlePage"]
)
def test_read_aloud_and_print(open_session, site_pages, label):
    session = open_session()
    session.context.add_init_script(SPEECH_STUB)
    page = session.page
    target = site_pages[label]
    page.goto(target.url)
    tools = page.get_by_role("group", name="阅读工具")
    tools.get_by_role("button", name="朗读全文").click()
    spoken = page.evaluate("window.__spoken")
    text = "".join(part for part, _ in spoken)
    assert target.title in text and all(lang == "zh-CN" for _, lang in spoken)
    assert "朗读全文" not in text and "跳到正文" not in text  # the page's content, not its chrome
    stop = tools.get_by_role("button", name="停止朗读")
    assert stop.is_visible()
    stop.click()
    assert page.evaluate("window.__cancelled") >= 2 and not stop.is_visible()
    printing = tools.get_by_role("button", name="打印本页")
    if label == "news.NewsArticlePage":
        assert printing.count() == 0
    else:
        printing.click()
        assert page.evaluate("window.__printed") == 1
    assert session.foreign_requests() == []


def test_reading_tools_stay_hidden_without_javascript(open_session, site_pages):
    page = open_session(java_script_enabled=False).page
    page.goto(site_pages["policies.PolicyPage"].url)
    for name in ("朗读全文", "停止朗读", "打印本页"):
        assert not page.get_by_role("button", name=name).is_visible()
    assert "Ctrl+P" in page.locator("[data-reading-tools]").inner_text()
