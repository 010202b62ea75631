"""Demo 公示 and 意见征集 (示例数据), with windows relative to today; safe to run again."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from notices.models import (
    AdoptionGroup,
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    NoticeIndexPage,
    NoticePage,
    Objection,
)

from ._demo_content import CONSULTATIONS, NOTICES

LABEL = "示例数据"


def _day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _index(model, slug, title, intro):
    page = model.objects.filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, title=title, intro=intro, show_in_menus=True)
        # the home page is the default site's root (no import of the home app: layering)
        Site.objects.get(is_default_site=True).root_page.specific.add_child(instance=page)
        _publish(page)
    return page


def _village(title):
    for page in Page.objects.filter(title=title):
        if page.specific_class._meta.model_name == "villagepage":
            return page
    return None


def _upsert(model, parent, slug, fields):
    """Create or update the demo page; publish only when something changed."""
    page = model.objects.filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, demo_label=LABEL, **fields)
        parent.add_child(instance=page)
        return _publish(page)
    changed = [k for k, v in fields.items() if getattr(page, k) != v]
    if changed:
        for key, value in fields.items():
            setattr(page, key, value)
        if hasattr(page, "correction_note"):
            page.correction_note = f"示例数据按当天日期更新（{timezone.localdate()}）"
        _publish(page)
    return page


class Command(BaseCommand):
    help = "建立或更新公示与意见征集的示例数据（公示期按今天计算）。"

    @transaction.atomic
    def handle(self, *args, **options):
        notices = _index(
            NoticeIndexPage, "gongshigonggao", "公示公告", "各级公示，正在公示的排在最前。"
        )
        consult = _index(
            ConsultationIndexPage, "yijianzhengji", "意见征集", "公开征求意见的草案与意见采纳情况。"
        )
        for item in NOTICES:
            parent = _village(item["village"]) or notices
            fields = dict(item["fields"])
            fields["window_start"] = _day(item["start"])
            fields["window_end"] = _day(item["end"])
            page = _upsert(NoticePage, parent, item["slug"], fields)
            for objection in item.get("objections", []):
                self._objection(page, objection)
        for item in CONSULTATIONS:
            fields = dict(item["fields"])
            fields["window_start"] = _day(item["start"])
            fields["window_end"] = _day(item["end"])
            page = _upsert(ConsultationPage, consult, item["slug"], fields)
            self._comments(page, item)
        self.stdout.write(
            f"公示 {len(NOTICES)} 条、意见征集 {len(CONSULTATIONS)} 条示例数据已就绪。"
        )

    def _objection(self, page, data):
        if Objection.objects.filter(notice=page, content=data["content"]).exists():
            return
        received = max(page.window_start, _day(data["received"]))
        Objection.objects.create(notice=page, received_on=received, **data["fields"],
                                 content=data["content"])  # fmt: skip

    def _comments(self, page, item):
        for article_no, name, content, status in item.get("comments", []):
            if not Comment.objects.filter(consultation=page, content=content).exists():
                Comment.objects.create(
                    consultation=page, article_no=article_no, name=name, anonymous=not name,
                    content=content, status=status,
                )  # fmt: skip
        if item.get("groups") and not page.adoption_groups.exists():
            for order, group in enumerate(item["groups"]):
                AdoptionGroup.objects.create(page=page, sort_order=order, **group)
