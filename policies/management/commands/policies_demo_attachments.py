"""Attach a generated PDF and DOCX (示例附件) to a demo policy, so that site search can be
seen finding words that occur only inside attachments (run by ``make demo``; idempotent)."""

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from attachments.samples import docx_bytes, pdf_bytes
from policies.models import PolicyAttachment, PolicyPage

POLICY = "国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见"
FILES = [
    (
        "附件1 高原特色农产品产销对接实施细则（示例）",
        "gaoyuan-shishi-xize.pdf",
        [
            "高原特色农产品产销对接实施细则（示例附件）",
            "第一条 支持建设青稞晾晒场和冷链集配中心。",
            "第二条 青稞晾晒场每平方米补助三十元，由县农业农村部门验收后拨付。",
        ],
    ),
    (
        "附件2 牦牛养殖保险理赔流程（示例）",
        "maoniu-baoxian-liucheng.docx",
        [
            "牦牛养殖保险理赔流程（示例附件）",
            "一、牦牛死亡后二十四小时内向乡镇畜牧站报案。",
            "二、理赔材料齐全的，保险机构在十个工作日内赔付。",
        ],
    ),
]


def _document(title, name, lines):
    Document = get_document_model()
    found = Document.objects.filter(title=title).first()
    if found:
        return found
    data = pdf_bytes(lines) if name.endswith(".pdf") else docx_bytes(lines)
    return Document.objects.create(title=title, file=ContentFile(data, name))


class Command(BaseCommand):
    help = "给一份示例政策文件附上生成的 PDF 和 DOCX 附件（演示附件全文检索）"

    def handle(self, *args, **options):
        page = PolicyPage.objects.live().filter(title=POLICY).first()
        page = page or PolicyPage.objects.live().order_by("pk").first()
        if page is None:
            self.stdout.write("没有已发布的政策文件，未添加示例附件。")
            return
        attached = set(page.attachments.values_list("document__title", flat=True))
        added = 0
        for title, name, lines in FILES:
            if title not in attached:
                page.attachments.add(PolicyAttachment(document=_document(title, name, lines)))
                added += 1
        if added:
            page.save_revision().publish()
        self.stdout.write(
            f"《{page.title}》：新增示例附件 {added} 个（搜索“青稞晾晒场”或“牦牛养殖保险”）。"
        )
