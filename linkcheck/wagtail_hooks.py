"""网站自查: dead links and images, and refused addresses, each with the page to fix."""

from wagtail import hooks

from .models import Link, Outcome

PAGES_PER_LINK = 5


def _what(link):
    if link.image:
        return "图片无法显示"
    return "站外链接无法访问" if link.external else "站内链接无法访问"


def _findings(link, site):
    uses = link.uses.filter(page__path__startswith=site.root_page.path).select_related("page")
    uses = list(uses.order_by("page__depth", "page__path")[: PAGES_PER_LINK + 1])
    if link.outcome == Outcome.REFUSED:
        kind, severity = "链接指向内网地址", "warning"
    else:
        kind, severity = _what(link), "serious" if link.on_home_page else "warning"
    for use in uses[:PAGES_PER_LINK]:
        yield {
            "severity": severity,
            "kind": kind,
            "message": f"{link.url}：{link.message}",
            "page": use.page.specific,
        }
    if len(uses) > PAGES_PER_LINK:
        yield {
            "severity": severity,
            "kind": kind,
            "message": f"{link.url}：还出现在其他页面上（只列出前 {PAGES_PER_LINK} 个）。",
            "url": link.url,
        }


@hooks.register("gongkai_inspection_findings")
def broken_links(site, today):
    links = Link.objects.filter(outcome__in=[Outcome.DEAD, Outcome.REFUSED])
    for link in links.order_by("-on_home_page", "url").iterator():
        yield from _findings(link, site)
