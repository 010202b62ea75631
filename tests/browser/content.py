"""A small site with one live page of every public page type, built the way editors' data arrives.

Articles, policies and photos come through ``import_content`` (tests/browser/content.jsonl), the
village disclosures through the disclosures app's factories.
"""

from html.parser import HTMLParser
from pathlib import Path

from django.core.management import call_command
from wagtail.models import Page, get_page_models

CONTENT = Path(__file__).with_name("content.jsonl")
SEARCH_TERM = "加装电梯"  # appears in article 第四条 of the test policy (and in the case study)


def ensure_base():
    """Root page, home page, default site and root collection, as the migrations leave them.

    Transactional tests (live_server) flush the database afterwards, data migrations included.
    """
    from django.conf import settings
    from wagtail.models import Collection, Locale, Site

    from home.models import HomePage

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.objects.filter(depth=1).first()
    if root is None:
        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title="公开 · 城乡社区治理信息公开",
                slug="home",
                intro="城乡社区发展治理的政策文件、新闻、典型案例、图片报道与村务公开。",
            )
        )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


def build_site():
    """Import the test content; returns {model label: live page} for every page type present."""
    ensure_base()
    call_command("import_content", str(CONTENT), verbosity=0)
    _add_disclosures()
    _add_collections()
    _add_annual_report()
    _add_notices()
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        pages.setdefault(page._meta.label, page)
    return pages


def _add_disclosures():
    try:
        from disclosures.tests.factories import finance_disclosure, hierarchy
    except ImportError:  # the disclosures app not there yet
        return
    index, county, township, (village,) = hierarchy(("幸福村",))
    index.show_in_menus = True
    index.save_revision().publish()
    finance_disclosure(village)


def _add_collections():
    """A 专题 index with one criteria-built collection (every policy)."""
    from specials.tests.factories import make_collection, special_index

    make_collection(parent=special_index(), title="测试专题", content_types=["policy"])


def _add_annual_report():
    """The year's 政府信息公开工作年度报告, built from the (empty) data and published."""
    from enquiries.report_build import build_report
    from home.models import HomePage

    page, _ = build_report(2025, "测试市人民政府办公室", HomePage.objects.first())
    page.save_revision().publish()


def _add_notices():
    """A 公示 in its window and an open 意见征集, each in its list."""
    from notices.tests.factories import (
        ConsultationPageFactory,
        NoticePageFactory,
        consultation_index,
        notice_index,
    )

    NoticePageFactory(parent=notice_index(), publish=True)
    ConsultationPageFactory(parent=consultation_index(), publish=True)


def public_page_types():
    """Labels of every concrete page model a reader can reach (all but Wagtail's root Page)."""
    return sorted(m._meta.label for m in get_page_models() if m is not Page)


class Tags(HTMLParser):
    """Start tags of an HTML document as (name, attrs dict), plus inline script bodies."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self._in_script = [], [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script = attrs
            self.scripts.append([attrs, ""])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self.scripts[-1][1] += data

    def find_all(self, name, **attrs):
        return [
            a for t, a in self.tags if t == name and all(a.get(k) == v for k, v in attrs.items())
        ]
