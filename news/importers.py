"""Import record types `news` and `case_study`."""

from home.importing import RecordType, register
from home.importing.pages import attribution_fields, ensure_index, paragraph_stream, save_page
from policies.models import Region

from .models import CaseStudyIndexPage, CaseStudyPage, NewsArticlePage, NewsIndexPage


def article_fields(record):
    return {
        **attribution_fields(record),
        "region": Region.for_name(record.text("region"), record.get("region_level")),
        "body": paragraph_stream(record),
    }


@register
class NewsRecord(RecordType):
    name = "news"
    order = 50
    required_fields = ("title", "date", "body")

    def save(self, record, batch):
        parent = ensure_index(NewsIndexPage, "news", "新闻动态")
        return save_page(record, NewsArticlePage, parent, article_fields(record), batch)


@register
class CaseStudyRecord(RecordType):
    name = "case_study"
    order = 50
    required_fields = ("title", "date", "body")

    def save(self, record, batch):
        parent = ensure_index(CaseStudyIndexPage, "cases", "典型案例")
        return save_page(record, CaseStudyPage, parent, article_fields(record), batch)
