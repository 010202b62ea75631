"""Editor-managed search data: synonym and abbreviation groups."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

from .analysis import Synonyms

SEPARATORS = re.compile(r"[,，、;；\n]+")
MAX_TERM_LENGTH = 50


def split_terms(text):
    """Terms of a group as typed by an editor: separated by commas (either width), 、 or ；."""
    seen, terms = set(), []
    for term in SEPARATORS.split(text or ""):
        term = term.strip()
        if term and term not in seen:
            seen.add(term)
            terms.append(term)
    return terms


class Synonym(models.Model):
    """同义词组: terms a search treats as the same (both directions)."""

    terms = models.TextField(
        "同义词组",
        help_text="用逗号或顿号分隔的两个或更多等价词语，例如：社治委，城乡社区发展治理委员会。"
        "简体或繁体均可，保存后立即生效，无需重建索引。",
    )
    note = models.CharField("说明", max_length=200, blank=True)
    one_way = models.BooleanField(
        "单向扩展",
        default=False,
        help_text="勾选后只从第一个词扩展到其余词（如 群众说法“低保” → 文件用语“最低生活保障”），"
        "反方向不扩展，也不与其他词组合并。",
    )
    enabled = models.BooleanField("启用", default=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    panels = [
        FieldPanel("terms"),
        FieldPanel("one_way"),
        FieldPanel("note"),
        FieldPanel("enabled"),
    ]

    class Meta:
        verbose_name = "检索同义词"
        verbose_name_plural = "检索同义词"
        ordering = ["terms"]

    def __str__(self):
        terms = self.term_list()
        if self.one_way and len(terms) > 1:
            return f"{terms[0]} → {'，'.join(terms[1:])}"
        return "，".join(terms)

    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": "请至少填写两个不同的词语，用逗号或顿号分隔。"})
        too_long = [t for t in terms if len(t) > MAX_TERM_LENGTH]
        if too_long:
            raise ValidationError(
                {"terms": f"每个词语不能超过{MAX_TERM_LENGTH}个字：“{too_long[0][:20]}…”"}
            )
        self.terms = "，".join(terms)

    @classmethod
    def as_synonyms(cls):
        """All enabled groups as one Synonyms object for the analyzer."""
        synonyms = Synonyms()
        for row in cls.objects.filter(enabled=True):
            terms = row.term_list()
            if row.one_way and terms:
                synonyms.add_mapping(terms[0], terms[1:])
            else:
                synonyms.add_group(terms)
        return synonyms


class ZeroResultHits(models.Model):
    """Searches of one day for one query that found nothing.

    The searches themselves are counted in Wagtail's ``QueryDailyHits``; this table only adds how
    many of them came back empty, so the report can list the questions the site cannot answer.
    """

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query",
        on_delete=models.CASCADE,
        related_name="zero_result_hits",
        verbose_name="检索词",
    )
    date = models.DateField("日期")
    hits = models.PositiveIntegerField("无结果次数", default=0)

    class Meta:
        verbose_name = "无结果检索"
        verbose_name_plural = "无结果检索"
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="search_zero_hits_query_date")
        ]

    def __str__(self):
        return f"{self.query} {self.date:%Y-%m-%d}: {self.hits}"
