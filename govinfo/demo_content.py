"""The demo's 政务公开 content (示例数据): bodies, rosters, services with forms, the catalogue
loaded for the demo county, a few items tied to the demo's pages (one of them overdue) and last
year's website report. Safe to run again."""

import datetime
import io
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone
from openpyxl import Workbook
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from .catalogue_import import load
from .models import Body, CatalogueItem, CatalogueLink, Leader, ServiceForm, ServiceItem
from .records import import_records
from .webreport import draft_report

HERE = Path(__file__).resolve().parent
COUNTY = "亭湖区人民政府"
LABEL = "示例数据"


def _village_pages():
    model = apps.get_model("disclosures", "VillagePage")
    for body in Body.objects.filter(kind="village", village_page__isnull=True):
        page = Page.objects.type(model).filter(title=body.name).first()
        if page is not None:
            body.village_page = page
            body.save(update_fields=["village_page"])


def _portrait(name):
    Image = get_image_model()
    title = f"{name}（示例照片）"
    found = Image.objects.filter(title=title).first()
    if found:
        return found
    picture = PILImage.new("RGB", (192, 240), "#e6e6e6")
    draw = ImageDraw.Draw(picture)
    draw.ellipse((56, 40, 136, 120), fill="#9a9a9a")
    draw.rectangle((36, 140, 156, 240), fill="#9a9a9a")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return Image.objects.create(title=title, file=ContentFile(buffer.getvalue(), "portrait.png"))


def _photos():
    for leader in Leader.objects.filter(group="leaders", photo__isnull=True):
        leader.photo = _portrait(leader.name)
        leader.save(update_fields=["photo"])


def _form_document(service, sample):
    Document = get_document_model()
    kind = "示例样表" if sample else "空白表格"
    title = f"{service.name}申请表（{kind}，示例数据）"
    found = Document.objects.filter(title=title).first()
    if found:
        return found
    book = Workbook()
    sheet = book.active
    sheet.title = "申请表"
    sheet.append([f"{service.name}申请表"])
    for field in ("申请人姓名", "身份证号", "联系电话", "户籍地址", "申请事由"):
        sheet.append([field, "王某某（示例）" if sample and field == "申请人姓名" else ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return Document.objects.create(title=title, file=ContentFile(buffer.getvalue(), "form.xlsx"))


def _forms():
    for service in ServiceItem.objects.filter(forms__isnull=True):
        for order, sample in enumerate((False, True)):
            ServiceForm.objects.create(
                service=service, sort_order=order, sample=sample,
                title=f"{service.name}申请表", document=_form_document(service, sample),
            )  # fmt: skip


def _tie(code, body, model_label, *, overdue=False):
    """Link an item to the demo's newest pages of one kind. ``overdue``: the demo's seeded
    articles are years old, so a quarterly item tracked for two years is past its time rule."""
    item = CatalogueItem.objects.filter(code=code, body__name=body).first()
    if item is None:
        return None
    if overdue:
        item.tracking_since = timezone.localdate() - datetime.timedelta(days=730)
        item.save(update_fields=["tracking_since"])
    if not item.links.exists():
        model = apps.get_model(model_label)
        pages = Page.objects.type(model).live().order_by("-first_published_at")
        for order, page in enumerate(pages[:2]):
            CatalogueLink.objects.create(item=item, page=page, sort_order=order)
    return item


def run(stdout=None):
    import_records((HERE / "demo" / "sample.jsonl").read_text(encoding="utf-8"))
    _village_pages()
    _photos()
    _forms()
    county = Body.objects.get(name=COUNTY)
    text = (HERE / "data" / "standard_catalogue.csv").read_text(encoding="utf-8")
    created, kept = load(text, county, timezone.localdate())
    _tie("JB-07", COUNTY, "policies.PolicyPage")
    _tie("JB-08", COUNTY, "policies.PolicyInterpretationPage")
    # The demo's overdue item: quarterly 低保 figures, last published long ago.
    _tie("SH-02", "亭湖区民政局", "news.NewsArticlePage", overdue=True)
    site = Site.objects.filter(is_default_site=True).first()
    year = timezone.localdate().year - 1
    report, _ = draft_report(year, site)
    if not report.published:
        report.published, report.published_on, report.demo_label = True, timezone.localdate(), LABEL
        report.save()
    if stdout:
        stdout.write(
            f"政务公开示例数据：目录新增 {created} 项（已有 {kept} 项），{year}年度网站报表已发布。"
        )
