"""Plain-text tools for policy documents: Chinese numerals and the article splitter."""

from .numerals import chinese_to_int, int_to_chinese, parse_number
from .splitter import (
    Article,
    Heading,
    Paragraph,
    SplitResult,
    TextBlock,
    article_anchor,
    split_paragraphs,
    split_policy_text,
)

__all__ = [
    "Article",
    "Heading",
    "Paragraph",
    "SplitResult",
    "TextBlock",
    "article_anchor",
    "chinese_to_int",
    "int_to_chinese",
    "parse_number",
    "split_paragraphs",
    "split_policy_text",
]
