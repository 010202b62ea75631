"""The admin speaks Chinese: the project catalogue is complete and compiled, and the main admin
views show no English interface text."""

import gettext
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Task, Workflow

from home.tests.factories import home_page
from media.tests.factories import credited_image
from news.tests.factories import news_article
from policies.tests.factories import policy_page
from siteidentity.pofile import read_po
from siteidentity.translations import PROJECT_CATALOGUE, missing_strings

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")
SKIPPED = {"script", "style", "svg", "template", "noscript"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
    "use",
    "path",
}
SHOWN_ATTRS = ("placeholder", "aria-label", "title", "alt")
# Names, not interface words: the product, formats, and Wagtail's root page and collection.
ALLOWED = {
    "Wagtail",
    "Root",
    "JavaScript",
    "CSV",
    "XLSX",
    "PDF",
    "API",
    "URL",
    "UTC",
    "GMT",
    "Draftail",
    "ICP",
    "SVG",
    "JSON",
    "HTML",
    "ID",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'’]{2,}")


class VisibleText(HTMLParser):
    """Text a user sees or hears: text nodes and labelling attributes outside hidden parts."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.parts, self.stack = [], []
        self.feed(html)

    @property
    def hidden(self):
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = tag in SKIPPED or "hidden" in attrs or attrs.get("aria-hidden") == "true"
        if not (self.hidden or skip):
            self.parts += [attrs[a] for a in SHOWN_ATTRS if attrs.get(a)]
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.parts.append(attrs["value"])
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        if not self.hidden:
            self.parts += [v for k, v in attrs if k in SHOWN_ATTRS and v]

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(data)


def english_words(html, data=()):
    """English words in the interface, leaving out names editors gave to things (``data``)."""
    text = " ".join(VisibleText(html).parts)
    for name in sorted(data, key=len, reverse=True):
        text = text.replace(name, " ")
    text = re.sub(r"\S+@\S+|\S*/\S*|\S+\.(?:png|jpg|pdf)\b", " ", text)  # addresses, paths, files
    return sorted({w.strip("'’") for w in WORD.findall(text)} - ALLOWED)


def test_visible_text_ignores_code_and_hidden_parts():
    html = (
        '<p title="标题">中文 <span hidden>Hidden</span><script>var Pages = 1;</script>'
        '<svg><title>Icon</title></svg><img alt="Picture"><input placeholder="Search"></p>'
    )
    assert english_words(html) == ["Picture", "Search"]


def test_project_catalogue_is_complete_and_its_placeholders_match():
    entries = read_po(PROJECT_CATALOGUE)
    assert len(entries) > 300
    for entry in entries.values():
        assert entry.translated, entry.msgid
        source = set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in entry.msgstr.values():
            assert set(PLACEHOLDER.findall(text)) <= source | set(
                PLACEHOLDER.findall(entry.msgid)
            ), entry.msgid
            assert not re.search(
                r"[A-Za-z]{4,}",
                PLACEHOLDER.sub("", re.sub(r"<[^>]+>", "", text))
                .replace("Wagtail", "")
                .replace("JavaScript", ""),
            ), text


def test_compiled_catalogue_is_current():
    with open(PROJECT_CATALOGUE.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in read_po(PROJECT_CATALOGUE).values():
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            assert compiled.ngettext(key, entry.msgid_plural, 2) == entry.msgstr[0], entry.msgid
        else:
            assert compiled.gettext(key) == entry.msgstr[0], entry.msgid


def test_nothing_is_missing_and_the_command_would_say_so(tmp_path):
    assert missing_strings() == []
    empty = tmp_path / "django.po"
    empty.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    without_ours = [m.msgid for m in missing_strings(project=empty)]
    assert "Search all pages…" in without_ours and "Your pages and snippets in a workflow" in (
        without_ours
    )


@pytest.mark.django_db
def test_main_admin_views_have_no_english_interface_text(client):
    user = get_user_model().objects.create_superuser("管理员", "admin@example.org", "x-9Pw-long")
    client.force_login(user)
    policy = policy_page(title="社区议事规则")
    news_article(title="议事会召开")
    credited_image()
    home = home_page()
    views = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{policy.get_parent().pk}/",
        f"/admin/pages/{home.pk}/edit/",
        f"/admin/pages/{policy.pk}/edit/",
        f"/admin/pages/{policy.pk}/history/",
        "/admin/pages/search/?q=议事",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/snippets/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/account/",
    ]
    # Group, workflow and task names are data (the project's own groups replace Wagtail's
    # defaults elsewhere); the interface around them must be Chinese.
    data = [
        *Group.objects.values_list("name", flat=True),
        *Workflow.objects.values_list("name", flat=True),
        *Task.objects.values_list("name", flat=True),
    ]
    found = {}
    for url in views:
        response = client.get(url)
        assert response.status_code == 200, url
        words = english_words(response.content.decode(), data)
        if words:
            text = re.sub(r"\s+", " ", " ".join(VisibleText(response.content.decode()).parts))
            found[url] = [text[max(0, text.find(w) - 40) : text.find(w) + 20] for w in words[:5]]
    assert found == {}
    assert Page.objects.filter(depth=1).exists()
