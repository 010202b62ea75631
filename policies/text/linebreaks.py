"""Join the hard line breaks of texts wrapped at a fixed width into whole paragraphs.

Some sources (old law databases, plain-text dumps) wrap every paragraph at a fixed display
width, so sentences break in the middle and a line may even start with "。". A line is joined
to the next one when the next line starts with closing punctuation (no real paragraph does),
or when the text is wrapped at a fixed width, the line fills that width and does not end a
sentence. Article and chapter headings and list items (一、 （一） 1. ①) always start a new
line, and a heading line is never joined to what follows.
"""

import re
import unicodedata

from .splitter import _ITEM_PATTERNS, _SPACES, _parse_heading

__all__ = ["join_hard_breaks", "wrap_width"]

# Punctuation that closes a sentence or a clause and so never starts a paragraph.
CLOSING = tuple("。，、；：！？）」』》〉】〕．，,;:!?)")
SENTENCE_END = tuple("。！？!?")
# A text counts as wrapped when at least this many lines fill its widest width (±1 column),
# and that width is at least MIN_WIDTH columns.
MIN_FULL_LINES = 3
MIN_WIDTH = 30
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def display_width(line):
    """Columns a line takes in a fixed-width font: CJK and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def wrap_width(lines):
    """The fixed width the lines were wrapped at, or None when they were not wrapped."""
    widths = [display_width(line) for line in lines]
    if not widths:
        return None
    widest = max(widths)
    full = sum(1 for w in widths if w >= widest - 1)
    if widest < MIN_WIDTH or full < MIN_FULL_LINES:
        return None
    return widest


def _starts_block(line):
    """True for a line that must begin its own paragraph: a heading or a list item."""
    if _parse_heading(line) is not None:
        return True
    return any(pattern.match(line) for _, pattern in _ITEM_PATTERNS)


def _is_heading(line):
    parsed = _parse_heading(line)
    return parsed is not None and not parsed[4]


def _joins(line, following, width):
    if not following or _starts_block(following) or _is_heading(line):
        return False
    if following.startswith(CLOSING):
        return True
    if width is None or line.endswith(SENTENCE_END):
        return False
    return display_width(line) >= width - 1


def _glue(left, right):
    if _ASCII_WORD.match(left[-1:]) and _ASCII_WORD.match(right[:1]):
        return f"{left} {right}"
    return left + right


def join_hard_breaks(text):
    """``text`` with its wrapped lines joined; every other line is kept exactly as it was."""
    if not text:
        return text or ""
    raw = text.splitlines()
    lines = [line.strip(_SPACES) for line in raw]
    width = wrap_width([line for line in lines if line])
    out, previous = [], ""  # previous: the last physical line, before any joining
    for original, line in zip(raw, lines, strict=True):
        if out and previous and line and _joins(previous, line, width):
            out[-1] = _glue(out[-1].rstrip(_SPACES), line)
        else:
            out.append(original)
        previous = line
    return "\n".join(out)
