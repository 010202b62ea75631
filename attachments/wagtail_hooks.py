"""网站自查: attachments whose text could not be read, with the page that links them."""

from wagtail import hooks

from . import linked
from .models import AttachmentText, Status


def _finding(row, page=None):
    title = row.document.title
    return {
        "severity": "warning",
        "kind": "附件无法读取",
        "message": f"附件《{title}》无法提取文字，检索不到其中的内容：{row.message}",
        "page": page,
        "url": "" if page is not None else row.document.url,
    }


@hooks.register("gongkai_inspection_findings")
def unreadable_attachments(site, today):
    rows = AttachmentText.objects.filter(status=Status.FAILED).select_related("document")
    for row in rows.order_by("document__title"):
        pages = linked.pages_linking(row.document).descendant_of(site.root_page, inclusive=True)
        pages = list(pages.specific())
        if not pages:
            yield _finding(row)
        for page in pages:
            yield _finding(row, page)
