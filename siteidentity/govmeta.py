"""Government page metadata (《政府网站发展指引》 网页元数据) read from what pages declare.

Nothing here names a page model. A page takes part by declaring facts about itself:

- a **section** (栏目) page sets ``gov_column_type`` (e.g. ``"政务动态"``), and may set
  ``gov_column_name`` (instead of its title), ``gov_column_keywords`` (a string),
  ``gov_freshness`` (``"home"``, ``"news"``, ``"notice"`` or ``"policy"``: which update limit
  applies, see ``InspectionLimits``) and define ``gov_column_items()`` (the pages whose dates
  count as the section's updates; by default its live public descendants);
- an **article** (a page with a publication date: news, policy, interpretation, disclosure…)
  defines ``gov_article()`` returning a dict with ``pub_date`` (date, datetime or None),
  and optionally ``source``, ``author`` and ``keywords`` (a list of words).

A page's section is the nearest of itself and its ancestors that declares ``gov_column_type``.
Views that are not pages put ``gov_column = {"name": …, "type": …}`` in their context.
"""

import datetime

from django.utils import timezone

OTHER_COLUMN = {"name": "网站服务", "type": "服务", "description": "", "keywords": ""}


def column_of(page):
    """The section page a page belongs to (itself if it is one), or None."""
    if getattr(page, "gov_column_type", ""):
        return page
    for ancestor in reversed(page.get_ancestors().specific(defer=True)):
        if getattr(ancestor, "gov_column_type", ""):
            return ancestor
    return None


def column_facts(column):
    description = getattr(column, "search_description", "") or getattr(column, "intro", "")
    return {
        "name": getattr(column, "gov_column_name", "") or column.title,
        "type": column.gov_column_type,
        "description": " ".join(str(description).split()),
        "keywords": getattr(column, "gov_column_keywords", ""),
    }


def article_facts(page):
    """The dict a page's ``gov_article()`` returns, or None for pages that are not articles."""
    declared = getattr(page, "gov_article", None)
    return declared() if callable(declared) else None


def format_pub_date(value):
    """2024-03-01 or 2024-03-01 09:30 (Beijing time), as gov.cn pages write PubDate."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")


def as_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def gov_meta_tags(identity, domain, *, page=None, column=None, url="", description="", image=""):
    """(name, content) pairs for every 发展指引 meta tag, in the guide's order."""
    if column is None:
        section = column_of(page) if page is not None else None
        column = column_facts(section) if section is not None else OTHER_COLUMN
    article = article_facts(page) if page is not None else None
    tags = [
        ("SiteName", identity.name),
        ("SiteDomain", identity.domain or domain),
        ("SiteIDCode", identity.site_code),
        ("ColumnName", column["name"]),
        ("ColumnDescription", column.get("description", "")),
        ("ColumnKeywords", column.get("keywords", "")),
        ("ColumnType", column["type"]),
    ]
    if article is not None:
        keywords = article.get("keywords") or []
        tags += [
            ("ArticleTitle", page.title),
            ("PubDate", format_pub_date(article.get("pub_date"))),
            ("ContentSource", article.get("source") or identity.publisher),
            ("Keywords", ",".join(str(k) for k in keywords)),
            ("Author", article.get("author", "")),
        ]
    if description:  # an empty Description is read as the page's description: leave it out
        tags.append(("Description", description))
    tags += [("Image", image), ("Url", url)]
    return tags
