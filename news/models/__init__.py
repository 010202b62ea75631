"""News articles and case studies of local practice."""

from .articles import ArticleIndexPage, ArticlePage, NewsArticlePage, NewsArticleTag, NewsIndexPage
from .case_studies import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPolicy,
    CaseStudyTag,
    KeyFigure,
)
from .villages import CaseStudyVillage, NewsArticleVillage, articles_about

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyPolicy",
    "CaseStudyTag",
    "CaseStudyVillage",
    "KeyFigure",
    "NewsArticlePage",
    "NewsArticleTag",
    "NewsArticleVillage",
    "NewsIndexPage",
    "articles_about",
]
