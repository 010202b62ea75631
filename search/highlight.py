"""Snippets with matched words in <mark>; every other character is escaped."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import docnumbers
from .analysis.normalize import clean, to_simplified

_SKIP = set("“”‘’「」『』〝〞\"'")
_SPACES = re.compile(r"\s+")


def _match_view(display):
    """Folded characters of display (skipping quote marks) and their positions in display."""
    folded = to_simplified(display)
    if len(folded) != len(display):
        folded = "".join(to_simplified(ch)[:1] or ch for ch in display)
    lowered = folded.lower()
    if len(lowered) == len(display):  # as the loop below, in two comprehensions
        if not _SKIP.intersection(display):
            return lowered, range(len(display))  # nothing skipped: each character in place
        positions = [index for index, ch in enumerate(display) if ch not in _SKIP]
        return "".join([lowered[index] for index in positions]), positions
    chars, positions = [], []
    for index, ch in enumerate(folded.lower()):
        if display[index] in _SKIP:
            continue
        chars.append(ch)
        positions.append(index)
    return "".join(chars), positions


def find_spans(display, terms, doc_numbers=()):
    """Non-overlapping (start, end) spans in display where a folded term occurs."""
    view, positions = _match_view(display)
    taken = [False] * len(view)
    spans = []
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        start = view.find(term)
        while start != -1:
            end = start + len(term)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(term)
                spans.append((positions[start], positions[end - 1] + 1))
            start = view.find(term, end)
    if doc_numbers:
        for start, end, number in docnumbers.spans(view):
            if number in doc_numbers and not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                spans.append((positions[start], positions[end - 1] + 1))
    return sorted(spans)


def render(display, spans):
    """Escape display and wrap the spans in <mark>."""
    out, cursor = [], 0
    for start, end in spans:
        out.append(escape(display[cursor:start]))
        out.append(f"<mark>{escape(display[start:end])}</mark>")
        cursor = end
    out.append(escape(display[cursor:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def snippet(text, terms, doc_numbers=(), length=120):
    """An escaped excerpt of about ``length`` characters around the first match, with marks."""
    display = _SPACES.sub(" ", clean(text)).strip()
    if not display:
        return mark_safe("")
    spans = find_spans(display, terms, doc_numbers)
    if not spans:
        cut = display[:length]
        return mark_safe(escape(cut) + ("…" if len(display) > length else ""))  # noqa: S308
    first = spans[0][0]
    start = max(0, first - length // 4)
    end = min(len(display), start + length)
    start = max(0, min(start, end - length))
    # Never cut a marked span in half.
    for s, e in spans:
        if s < start < e:
            start = s
        if s < end < e:
            end = e
    window = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    html = render(display[start:end], window)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(display) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 - html is escaped by render()


def highlight_title(title, terms, doc_numbers=()):
    """The whole title, escaped, with matches marked."""
    display = _SPACES.sub(" ", clean(title)).strip()
    return render(display, find_spans(display, terms, doc_numbers))
