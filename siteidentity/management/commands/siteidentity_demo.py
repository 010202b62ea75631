"""Fill the default site's 网站标识 with clearly marked sample values (for `make demo`)."""

import io

from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from wagtail.images import get_image_model
from wagtail.models import Site

from siteidentity.models import SiteIdentity

SAMPLE = {
    "sponsor": "示例市人民政府办公室（示例）",
    "organizer": "示例市政务服务和大数据管理局（示例）",
    "phone": "010-00000000（示例）",
    "address": "示例省示例市示例路1号（示例地址）",
    "email": "gongkai-demo@example.org",
    "icp_number": "示ICP备00000000号-1",
    "psb_number": "示公网安备00000000000000号",
    "site_code": "0000000000",
    "is_sample": True,
}
BADGE_TITLE = "党政机关网站标识（示例）"


class Command(BaseCommand):
    help = "为演示站填写示例网站标识（主办单位、备案号、网站标识码等均注明为示例）。"

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="覆盖已填写的网站标识")

    def handle(self, *args, force=False, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stderr.write("没有默认站点，未填写网站标识。")
            return
        identity = SiteIdentity.for_site(site)
        if identity.sponsor and not force:
            self.stdout.write("网站标识已填写，未改动（用 --force 覆盖）。")
            return
        for field, value in SAMPLE.items():
            setattr(identity, field, value)
        identity.gov_badge = self._badge()
        identity.full_clean()
        identity.save()
        self.stdout.write(f"已为 {site} 填写示例网站标识。")

    def _badge(self):
        from importing.placeholders import placeholder_image

        Image = get_image_model()
        existing = Image.objects.filter(title=BADGE_TITLE).first()
        if existing:
            return existing
        buffer = io.BytesIO()
        placeholder_image(165, 110).save(buffer, format="PNG")
        image = Image(title=BADGE_TITLE)
        if hasattr(image, "alt_text"):
            image.alt_text = "党政机关网站标识（示例图片）"
        image.file = ImageFile(buffer, name="gov-badge-sample.png")
        image.save()
        return image
