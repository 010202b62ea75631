"""Import record types `news` and `case_study` (tags, themes, key figures, policies) and
`village_articles` (the villages they are about)."""

import html
import re

from wagtail.rich_text import RichText

from importing import RecordType, register
from importing.pages import attribution_fields, body_html, ensure_index, lookup, save_page
from importing.records import check_string_list
from media.importers import check_photo, photo_image
from policies.models import PolicyPage
from taxonomy.models import Region, RegionLevel, Topic

from .models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPolicy,
    CaseStudyVillage,
    KeyFigure,
    NewsArticlePage,
    NewsArticleVillage,
    NewsIndexPage,
)

NUMBER = re.compile(r"^\d+(\.\d+)?$")
HEADING = re.compile(r"<(h[23])>(.*?)</\1>", re.S)
FIGURE_LIMITS = {"unit": 20, "label": 100}


def check_lead_photo(record):
    photo = record.get("lead_photo")
    if photo is None:
        return []
    return check_photo(photo, record.base_dir, "lead_photo")


def check_key_figures(record):
    figures = record.get("key_figures")
    if figures is None:
        return []
    if not isinstance(figures, list):
        return ["key_figures 应为列表"]
    problems = []
    for n, figure in enumerate(figures, start=1):
        where = f"key_figures 第 {n} 项"
        if not isinstance(figure, dict):
            problems.append(f"{where} 应为对象")
            continue
        number = figure.get("number")
        if not isinstance(number, str) or not NUMBER.match(number):
            problems.append(f"{where} 的 number 应为数字字符串（可带小数点），实际为 {number!r}")
        if not isinstance(figure.get("label"), str) or not figure["label"].strip():
            problems.append(f"{where} 缺少 label")
        for key, limit in FIGURE_LIMITS.items():
            value = figure.get(key)
            if value is not None and (not isinstance(value, str) or len(value) > limit):
                problems.append(f"{where} 的 {key} 应为不超过 {limit} 字的字符串")
    return problems


def check_related_policies(record, batch):
    ids = record.get("related_policies")
    if ids is None:
        return []
    if not isinstance(ids, list) or not all(isinstance(i, str) and i for i in ids):
        return ["related_policies 应为政策记录编号组成的列表"]
    problems = []
    for policy_id in ids:
        other = batch.record(policy_id)
        if other is not None and other.type != "policy":
            problems.append(f"related_policies 中的 {policy_id!r} 不是政策记录")
        elif other is None and not isinstance(lookup(policy_id), PolicyPage):
            problems.append(f"related_policies 中的政策 {policy_id!r} 不存在")
    return problems


def region_for(record, level=None):
    """The record's region; an explicit level corrects one guessed from the name earlier."""
    region = Region.for_name(record.text("region"), level)
    if region is not None and level and region.level != level:
        region.level = level
        region.save(update_fields=["level"])
    return region


def body_stream(record):
    """The sanitised body as StreamField blocks: subheadings become heading blocks and the
    text between them paragraph blocks, so editors can move sections in the admin."""
    source = body_html(record)
    blocks, position = [], 0
    for match in HEADING.finditer(source):
        before = source[position : match.start()].strip()
        if before:
            blocks.append(("paragraph", RichText(before)))
        text = html.unescape(re.sub(r"<[^>]+>", "", match.group(2))).strip()
        if text:
            blocks.append(("heading", {"text": text[:120], "level": match.group(1)}))
        position = match.end()
    rest = source[position:].strip()
    if rest:
        blocks.append(("paragraph", RichText(rest)))
    return blocks


def article_fields(record, level=None):
    fields = {
        **attribution_fields(record),
        "region": region_for(record, level),
        "body": body_stream(record),
    }
    photo = record.get("lead_photo")
    fields["lead_image"] = (
        photo_image(photo, record.base_dir, f"{record.id}/lead_photo", record.text("title"))
        if photo
        else None
    )
    return fields


def set_tags(page, record):
    page.tags.set([name.strip() for name in record.get("tags") or []])


class ArticleRecord(RecordType):
    order = 50
    required_fields = ("title", "date", "body")

    def validate(self, record, batch):
        return check_string_list(record, "tags") + check_lead_photo(record)


@register
class NewsRecord(ArticleRecord):
    name = "news"

    def save(self, record, batch):
        parent = ensure_index(NewsIndexPage, "news", "新闻动态")
        return save_page(
            record,
            NewsArticlePage,
            parent,
            article_fields(record),
            batch,
            prepare=lambda page: set_tags(page, record),
        )


@register
class CaseStudyRecord(ArticleRecord):
    name = "case_study"

    def validate(self, record, batch):
        problems = super().validate(record, batch) + check_string_list(record, "themes")
        level = record.get("region_level")
        if level is not None and level not in RegionLevel.values:
            problems.append(f"region_level 只能是 {'/'.join(RegionLevel.values)}")
        return problems + check_key_figures(record) + check_related_policies(record, batch)

    def save(self, record, batch):
        parent = ensure_index(CaseStudyIndexPage, "cases", "典型案例")
        fields = article_fields(record, record.get("region_level"))
        fields["themes"] = [
            Topic.objects.get_or_create(name=name.strip())[0] for name in record.get("themes") or []
        ]

        def prepare(page):
            set_tags(page, record)
            page.key_figures = [
                KeyFigure(
                    number=figure["number"],
                    unit=(figure.get("unit") or "").strip(),
                    label=figure["label"].strip(),
                )
                for figure in record.get("key_figures") or []
            ]
            policies = [
                batch.saved.get(policy_id) or lookup(policy_id)
                for policy_id in record.get("related_policies") or []
            ]
            page.policy_links = [CaseStudyPolicy(policy=policy) for policy in policies if policy]

        return save_page(record, CaseStudyPage, parent, fields, batch, prepare=prepare)


@register
class VillageArticlesRecord(RecordType):
    """`village_articles`: the news and case studies (record ids) a village is named in."""

    name = "village_articles"
    order = 70  # after the articles (50) and the disclosures that create villages (60)
    remembered = False  # its links are made idempotently; the village is the disclosures' page
    required_fields = ("township", "village")

    def validate(self, record, batch):
        articles = record.get("articles")
        if not isinstance(articles, list) or not articles:
            return ["articles 应为新闻或典型案例编号的列表"]
        problems = []
        for article_id in articles:
            known = batch.record(article_id) if isinstance(article_id, str) else None
            if known is None and not (isinstance(article_id, str) and lookup(article_id)):
                problems.append(f"articles 中的 {article_id!r} 不是本批或已导入的新闻或典型案例")
            elif known is not None and known.type not in ("news", "case_study"):
                problems.append(f"articles 中的 {article_id!r} 不是新闻或典型案例")
        place = (record.text("township"), record.text("village"))
        if _village(record) is None and place not in batch.index("disclosure_villages", _places):
            problems.append(f"找不到{record.text('township')}{record.text('village')}")
        return problems

    def save(self, record, batch):
        village = _village(record)
        for article_id in record.get("articles"):
            page = (batch.saved.get(article_id) or lookup(article_id)).specific
            link_model = CaseStudyVillage if isinstance(page, CaseStudyPage) else NewsArticleVillage
            link_model.objects.get_or_create(page=page, village=village)
        return village


def _places(records):
    """(township, village) of every disclosure record of the batch."""
    return {(r.text("township"), r.text("village")) for r in records if r.type == "disclosure"}


def _village(record):
    from disclosures.models import TownshipPage, VillagePage

    townships = TownshipPage.objects.filter(title=record.text("township"))
    found = VillagePage.objects.filter(title=record.text("village"))
    for township in townships:
        village = found.child_of(township).first()
        if village is not None:
            return village
    return None
