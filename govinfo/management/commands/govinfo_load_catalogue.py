"""Load the standard catalogue for a county body, its townships and its villages."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from govinfo.catalogue_import import CatalogueError, load
from govinfo.models import Body
from govinfo.models.bodies import Kind

DEFAULT = Path(__file__).resolve().parents[2] / "data" / "standard_catalogue.csv"


class Command(BaseCommand):
    help = "为一个县（区）及其乡镇、村载入标准目录（CSV）；任何一行有错则全部不载入。"

    def add_arguments(self, parser):
        parser.add_argument("--county", required=True, help="县（区）人民政府的机构名称")
        parser.add_argument("--file", default=str(DEFAULT), help="标准目录 CSV 文件")

    def handle(self, *args, **options):
        county = Body.objects.filter(name=options["county"], kind=Kind.COUNTY).first()
        if county is None:
            raise CommandError(
                f"没有名为“{options['county']}”的县（区）人民政府机构，请先在管理后台添加"
            )
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"无法读取 {path}：{error}") from None
        try:
            created, kept = load(text, county, timezone.localdate())
        except CatalogueError as error:
            raise CommandError(
                f"{path.name} 有错误，未载入任何事项：\n"
                + "\n".join(f"{path.name}：{line}" for line in error.errors)
            ) from None
        self.stdout.write(f"标准目录：新增 {created} 项，已存在 {kept} 项（保留管理后台的修改）。")
