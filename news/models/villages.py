"""The villages a news article or case study is about, chosen in the admin; linked both ways."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable


class VillageLink(Orderable):
    village = models.ForeignKey(
        "disclosures.VillagePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="村（社区）",
    )

    panels = [PageChooserPanel("village", "disclosures.VillagePage")]

    class Meta(Orderable.Meta):
        abstract = True


class NewsArticleVillage(VillageLink):
    page = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="village_links"
    )

    class Meta(Orderable.Meta):
        verbose_name = "相关村（社区）"
        verbose_name_plural = "相关村（社区）"


class CaseStudyVillage(VillageLink):
    page = ParentalKey("news.CaseStudyPage", on_delete=models.CASCADE, related_name="village_links")

    class Meta(Orderable.Meta):
        verbose_name = "相关村（社区）"
        verbose_name_plural = "相关村（社区）"


def articles_about(village):
    """Live public news and case studies naming the village, newest first."""
    from .articles import NewsArticlePage
    from .case_studies import CaseStudyPage

    found = []
    for model in (NewsArticlePage, CaseStudyPage):
        found += model.objects.live().public().filter(village_links__village=village).distinct()
    return sorted(found, key=lambda p: (p.date, p.pk), reverse=True)
