"""The HTML 网站地图: the page tree's sections and listings, then the standalone pages.

Sections (the home page's children) list their pages when they hold a few; deeper listings
(a county's townships, a township's villages) are shown down to ``MAX_DEPTH`` levels, each
with how many pages it holds. Content pages under a big section are counted, not listed, so
the map stays readable at any size of the site.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.db.models.functions import Substr
from wagtail.models import Page

from editorial.services import grouped, service_entries

LIST_LIMIT = 12  # a section with at most this many content pages lists them
MAX_DEPTH = 4  # levels below the home page


@dataclass
class Node:
    page: Page
    children: list = field(default_factory=list)
    count: int = 0  # live public pages directly below that are not listed


def _pages(root):
    return root.get_descendants().live().public().filter(depth__lte=root.depth + MAX_DEPTH)


def _child_counts(root):
    """{parent path: number of live public children} for every page down to MAX_DEPTH."""
    rows = (
        _pages(root)
        .annotate(parent=Substr("path", 1, (F("depth") - 1) * Page.steplen))
        .order_by()  # no ORDER BY path, which would split the groups
        .values("parent")
        .annotate(n=Count("pk"))
    )
    return {row["parent"]: row["n"] for row in rows}


def tree(root):
    """Nodes for the home page's live public children, with their listings below."""
    counts = _child_counts(root)
    section_length = len(root.path) + Page.steplen
    small = [p for p, n in counts.items() if n <= LIST_LIMIT and len(p) == section_length]
    wanted = Q(numchild__gt=0) | Q(depth=root.depth + 1)
    for path in small:  # the content pages of small sections
        wanted |= Q(path__startswith=path, depth=root.depth + 2)
    nodes = {root.path: Node(root)}
    for page in _pages(root).filter(wanted).order_by("path"):
        parent = nodes.get(page.path[: -Page.steplen])
        if parent is None:
            continue
        nodes[page.path] = Node(page)
        parent.children.append(nodes[page.path])
    for path, node in nodes.items():
        node.count = counts.get(path, 0) - len(node.children)
    return nodes[root.path].children


def standalone_groups():
    """[(group, entries)] of the registered service entries that have a page."""
    return grouped([e for e in service_entries() if e.url and e.in_sitemap])
