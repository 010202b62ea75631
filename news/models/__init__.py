"""News articles and case studies of local practice."""

from .articles import ArticleIndexPage, ArticlePage, NewsArticlePage, NewsArticleTag, NewsIndexPage
from .case_studies import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPolicy,
    CaseStudyTag,
    KeyFigure,
)

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyPolicy",
    "CaseStudyTag",
    "KeyFigure",
    "NewsArticlePage",
    "NewsArticleTag",
    "NewsIndexPage",
]
