"""The rich-text allow-list, and turning imported text or HTML into safe rich text."""

import html
import re

import bleach

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
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = {"http", "https", "mailto"}

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def sanitize_html(value):
    """Keep only the allow-listed markup; drop scripts and event handlers with their content."""
    cleaner = bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    without_scripts = re.sub(
        r"<(script|style|iframe|object|svg|math)\b.*?</\1\s*>", "", value, flags=re.I | re.S
    )
    return cleaner.clean(without_scripts).strip()


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
