"""The rich-text allow-list, and turning imported text or HTML into safe rich text."""

import html
import re

import nh3

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "b",
    "strong",
    "i",
    "em",
    "ol",
    "ul",
    "li",
    "a",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_PROTOCOLS = {"http", "https", "mailto"}

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


# Elements dropped with everything inside them, not just their tags.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "svg", "math", "template"}


def sanitize_html(value):
    """Keep only the allow-listed markup (nh3, the maintained successor of bleach); scripts,
    styles and embedded objects go with their content, comments and event handlers too."""
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_PROTOCOLS,
        strip_comments=True,
        link_rel=None,
    ).strip()


def text_paragraphs(value):
    """Split plain text into paragraphs at blank lines, joining lines inside a paragraph."""
    paragraphs = []
    for chunk in _PARAGRAPH_BREAK.split(value.replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if lines:
            paragraphs.append("".join(lines))
    return paragraphs


def text_to_html(value):
    """Plain-text paragraphs as escaped <p> elements."""
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in text_paragraphs(value))
