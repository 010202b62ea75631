"""Pages for the search tests, built by the apps' own factories.

Only what a test names is indexed: the bylines, summaries and sample bodies the app factories
carry by default are blanked, and the text of ``body`` becomes paragraphs of the page's body.
"""

import datetime
import itertools

from django.utils.html import escape
from wagtail.models import Page, Site

from news.tests.factories import CaseStudyPageFactory, NewsArticlePageFactory, NewsIndexPageFactory
from policies.tests.factories import IssuingAuthorityFactory, PolicyPageFactory

_counter = itertools.count(1)
ARTICLE_DATE = datetime.date(2021, 11, 21)


def paragraphs(text):
    """Body blocks for plain text: one rich-text paragraph per blank-line-separated part."""
    parts = [p for p in (text or "").split("\n\n") if p.strip()]
    return [{"type": "paragraph", "value": f"<p>{escape(p)}</p>"} for p in parts]


def stream_value(model, field_name, text):
    """The body of ``text`` for a bulk insert (bench/search/worker.py)."""
    return paragraphs(text)


def root():
    """The default site's root page, so that pages get public URLs."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else Page.objects.get(depth=1)


def _page(factory_class, title, parent, live, **fields):
    return factory_class(
        parent=parent or root(),
        title=title,
        slug=f"p{next(_counter)}",
        live=live,
        publish=live,
        **fields,
    )


def _article(factory_class, title, body, parent, live, stream, fields):
    fields.setdefault("date", ARTICLE_DATE)
    fields.setdefault("author", "")
    fields.setdefault("source", "")
    fields["body"] = stream if stream is not None else paragraphs(body)
    return _page(factory_class, title, parent, live, **fields)


def news_page(title, body="", parent=None, live=True, stream=None, **fields):
    """A news article (below the site root unless ``parent``), published unless ``live=False``."""
    return _article(NewsArticlePageFactory, title, body, parent, live, stream, fields)


def case_page(title, body="", parent=None, live=True, **fields):
    """A case study below the site root, published unless ``live=False``."""
    return _article(CaseStudyPageFactory, title, body, parent, live, None, fields)


def news_section(title, parent=None, live=True, **fields):
    """A news listing page (a section whose privacy or place a test changes)."""
    return _page(NewsIndexPageFactory, title, parent, live, **fields)


def policy_doc(title, body="", parent=None, live=True, stream=None, **fields):
    """A policy document below the site root; ``issuing_authorities=[…]`` as given."""
    fields.setdefault("published_date", None)
    fields.setdefault("summary", "")
    fields["body"] = stream if stream is not None else paragraphs(body)
    return _page(PolicyPageFactory, title, parent, live, **fields)


def authority(name):
    return IssuingAuthorityFactory(name=name)
