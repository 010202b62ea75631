"""Between split text and StreamField: stream data from a split, outline and units from a stream."""

import html
import re
from dataclasses import dataclass, field

from policies.text import Article, Heading, article_anchor, int_to_chinese, split_policy_text

_TAG_RE = re.compile(r"<[^>]+>")


def split_to_stream(text):
    """StreamField data (list of (block type, value)) for a pasted or imported plain text."""
    result = split_policy_text(text)
    if not result.has_structure:
        return [("text", result.preamble)] if result.preamble else []
    stream = []
    if result.preamble:
        stream.append(("text", result.preamble))
    for node in result.nodes:
        if isinstance(node, Heading):
            stream.append(
                (node.kind, {"number": node.number, "label": node.label, "title": node.title})
            )
        elif isinstance(node, Article):
            stream.append(
                (
                    "article",
                    {
                        "number": node.number,
                        "sub": node.sub,
                        "label": node.label,
                        "text": node.text,
                    },
                )
            )
        else:
            stream.append(("text", node.text))
    return stream


def _children(stream):
    for child in stream or []:
        if isinstance(child, tuple):
            yield child[0], child[1], None
        else:
            yield child.block_type, child.value, child


@dataclass
class OutlineEntry:
    kind: str  # chapter / section / article / text / paragraph
    anchor: str
    label: str
    title: str = ""
    text: str = ""
    child: object = None
    articles: list = field(default_factory=list)
    sections: list = field(default_factory=list)


def _heading_label(kind, value):
    char = "章" if kind == "chapter" else "节"
    return value.get("label") or f"第{int_to_chinese(value['number'])}{char}"


def _article_label(value):
    from policies.blocks import article_label

    return article_label(value)


def _plain(value):
    source = getattr(value, "source", value)
    return html.unescape(_TAG_RE.sub("", str(source or ""))).strip()


def outline(stream):
    """Every block of a policy body with a unique, stable anchor, in reading order."""
    entries, used = [], set()
    chapter = 0
    counters = {"text": 0, "paragraph": 0}

    def unique(anchor):
        candidate, n = anchor, 2
        while candidate in used:
            candidate, n = f"{anchor}-r{n}", n + 1
        used.add(candidate)
        return candidate

    for kind, value, child in _children(stream):
        if kind in ("chapter", "section"):
            if kind == "chapter":
                chapter = value["number"]
                anchor = f"chapter-{chapter}"
            else:
                prefix = f"chapter-{chapter}-" if chapter else ""
                anchor = f"{prefix}section-{value['number']}"
            entries.append(
                OutlineEntry(
                    kind,
                    unique(anchor),
                    _heading_label(kind, value),
                    title=value.get("title") or "",
                    child=child,
                )
            )
        elif kind == "article":
            anchor = unique(article_anchor(value["number"], value.get("sub")))
            entries.append(
                OutlineEntry(
                    "article",
                    anchor,
                    _article_label(value),
                    text=value.get("text") or "",
                    child=child,
                )
            )
        else:
            counters.setdefault(kind, 0)
            counters[kind] += 1
            entries.append(
                OutlineEntry(
                    kind, unique(f"{kind}-{counters[kind]}"), "", text=_plain(value), child=child
                )
            )
    return entries


def table_of_contents(entries):
    """Nested TOC: chapters → sections → articles; articles outside chapters stay top-level."""
    toc, chapter, section = [], None, None
    for entry in entries:
        if entry.kind == "chapter":
            chapter, section = entry, None
            entry.sections, entry.articles = [], []
            toc.append(entry)
        elif entry.kind == "section":
            section = entry
            entry.articles = []
            (chapter.sections if chapter else toc).append(entry)
        elif entry.kind == "article":
            if section is not None:
                section.articles.append(entry)
            elif chapter is not None:
                chapter.articles.append(entry)
            else:
                toc.append(entry)
    return toc


def units(stream):
    """Comparable units ({key, label, text}) for version snapshots and diffs."""
    return [
        {
            "key": e.anchor,
            "label": e.label,
            "text": e.title if e.kind in ("chapter", "section") else e.text,
        }
        for e in outline(stream)
    ]
