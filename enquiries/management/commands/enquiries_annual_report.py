"""python manage.py enquiries_annual_report YEAR [--organ 名称] [--publish]"""

from django.core.management.base import BaseCommand, CommandError

from importing.pages import home_page

from ...report_build import ReportDataError, build_report


class Command(BaseCommand):
    help = "根据本站数据生成某年度的政府信息公开工作年度报告（草稿，可在后台修改后发布）"

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--organ", default="本机关", help="报告机关名称")
        parser.add_argument("--publish", action="store_true", help="生成后立即发布")
        parser.add_argument("--demo-label", default="")

    def handle(self, year, organ, publish, demo_label, **options):
        if not 2008 <= year <= 2100:
            raise CommandError("年份应在 2008 至 2100 之间")
        try:
            page, created = build_report(year, organ, home_page(), demo_label=demo_label)
        except ReportDataError as error:
            raise CommandError(
                "数据不一致，未生成年度报告，请先在后台更正：\n" + "\n".join(error.problems)
            ) from None
        if publish:
            page.get_latest_revision().publish()
        table = page.applications
        self.stdout.write(
            f"{'已生成' if created else '已更新'}《{page.title}》（页面 {page.pk}）："
            f"新收 {table['new'][-1]} 件，上年结转 {table['carried_in'][-1]} 件，"
            f"办结 {table['results_total'][-1]} 件，结转下年 {table['carried_out'][-1]} 件。"
            + ("已发布。" if publish else "请在后台核对、补充后发布。")
        )
