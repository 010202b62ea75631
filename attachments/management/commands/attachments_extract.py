"""Read the text of documents not read yet (or every document with --all), e.g. after an
upgrade; uploads are read by the background task on their own."""

from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from attachments.models import AttachmentText, Status
from attachments.tasks import extract_document


class Command(BaseCommand):
    help = "提取附件文字：默认只处理尚未提取的文件，--all 重新提取全部文件"

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="重新提取全部文件")

    def handle(self, *args, **options):
        documents = get_document_model().objects.order_by("pk")
        if not options["all"]:
            read = AttachmentText.objects.exclude(status=Status.PENDING)
            documents = documents.exclude(pk__in=read.values("document_id"))
        count = 0
        for pk in documents.values_list("pk", flat=True):
            extract_document.enqueue(pk, force=options["all"])
            count += 1
        self.stdout.write(f"已安排提取 {count} 个文件的文字。")
