"""网站自查: dead links and images, and refused addresses, each with the page to fix."""

from wagtail import hooks

from .models import Link, Outcome

PAGES_PER_LINK = 5


def _what(link):
    if link.image:
        return "图片无法显示"
    return "站外链接无法访问" if link.external else "站内链接无法访问"


def _kind(link):
    if link.outcome == Outcome.REFUSED:
        return "链接指向内网地址", "warning"
    return _what(link), "serious" if link.on_home_page else "warning"


def _findings(link, site):
    """One finding per page; a link on many pages (a header or footer) once, on the first."""
    uses = link.uses.filter(page__path__startswith=site.root_page.path)
    count = uses.count()
    first = uses.select_related("page").order_by("page__depth", "page__path")
    kind, severity = _kind(link)
    message = f"{link.url}：{link.message}"
    if count > PAGES_PER_LINK:
        yield {
            "severity": severity,
            "kind": kind,
            "message": f"{message}（出现在 {count} 个页面上，多为页头、页脚等全站共用的内容）",
            "page": first[0].page.specific,
        }
        return
    for use in first:
        yield {"severity": severity, "kind": kind, "message": message, "page": use.page.specific}


@hooks.register("gongkai_inspection_findings")
def broken_links(site, today):
    links = Link.objects.filter(outcome__in=[Outcome.DEAD, Outcome.REFUSED])
    for link in links.order_by("-on_home_page", "url").iterator():
        yield from _findings(link, site)
