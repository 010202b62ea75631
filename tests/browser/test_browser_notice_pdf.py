"""The paper board: the A4 and A3 notice sheets printed to PDF by Chromium."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from disclosures.models import ChainHead, DisclosurePage

from .pdftext import MISSING, read_pdf, shows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

A4 = (595.3, 841.9)
A3 = (841.9, 1190.6)


def has_cjk_font():
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def printed(session, url):
    page = session.page
    page.goto(url)
    page.emulate_media(media="print")
    return read_pdf(page.pdf(prefer_css_page_size=True))


@pytest.mark.parametrize("route,size", [("disclosures:notice", A4), ("disclosures:notice_a3", A3)])
def test_notice_sheet_prints_with_signatures_head_and_qr(open_session, site_pages, route, size):
    disclosure = DisclosurePage.objects.live().get()
    session = open_session()
    pages = printed(session, reverse(route, args=[disclosure.pk]))
    assert 1 <= len(pages) <= 2, len(pages)
    for sheet in pages:
        assert abs(sheet.width - size[0]) < 2 and abs(sheet.height - size[1]) < 2
    text = " ".join(p.text for p in pages)
    head = ChainHead.objects.filter(village_id=disclosure.get_parent().pk).last().head
    for expected in (
        "幸福村财务公开",
        "本期合计",
        "村务监督委员会签字",
        "张明",
        "（村务监督委员会盖章）",
        "网上公开第 1 版 · 发布日期",
        head,
        f"/siwu-data/d/{disclosure.pk}/",
    ):
        assert shows(text, expected), expected
    # The signature block is kept whole on the last page, and the screen-only links are gone.
    assert shows(pages[-1].text, "村务监督委员会签字") and shows(pages[-1].text, "盖章")
    assert not shows(text, "返回公开页面") and not shows(text, "跳到正文")
    if has_cjk_font():
        assert MISSING not in text  # every Chinese character printed as itself
    assert session.foreign_requests() == []


def test_both_sheets_pass_axe_on_screen(open_session, site_pages, axe_source):
    from .test_browser_axe import run_axe

    disclosure = DisclosurePage.objects.live().get()
    session = open_session(bypass_csp=True)
    problems = {}
    for route in ("disclosures:notice", "disclosures:notice_a3"):
        session.page.goto(reverse(route, args=[disclosure.pk]))
        found = run_axe(session.page, axe_source)
        if found:
            problems[route] = found
    assert problems == {}
