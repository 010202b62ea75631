"""Split a pasted policy text into preamble, chapters, sections, articles and items.

Nothing is ever dropped: every non-blank line of the input ends up in exactly one place of
the result (a heading label or title, an article label, a paragraph), so joining the parts
gives the input back up to whitespace. Text without recognisable structure stays whole in
``preamble``.
"""

import re
from dataclasses import dataclass, field

from .numerals import CHINESE_NUMERAL_CHARS, parse_number

__all__ = [
    "Paragraph",
    "Heading",
    "Article",
    "TextBlock",
    "SplitResult",
    "split_policy_text",
    "split_paragraphs",
    "article_anchor",
]

_NUM = rf"[0-9０-９]+|[{CHINESE_NUMERAL_CHARS}]+"
_SPACES = " \t\u3000\u00a0"

HEADING_RE = re.compile(
    rf"^第[{_SPACES}]*(?P<num>{_NUM})"
    rf"(?:[{_SPACES}]*[-－之][{_SPACES}]*(?P<sub>{_NUM}))?"
    rf"[{_SPACES}]*(?P<kind>[章节節条條])"
)
# What may not follow 第X条 when it is a cross-reference rather than a heading.
_REFERENCE_FOLLOWERS = tuple("第之、，,。；;的款项項规規所至到及和与與或中")

_ITEM_PATTERNS = (
    ("paren_cn", re.compile(rf"^[（(][{_SPACES}]*[{CHINESE_NUMERAL_CHARS}]+[{_SPACES}]*[）)]")),
    ("cn_dun", re.compile(rf"^[{CHINESE_NUMERAL_CHARS}]+[{_SPACES}]*、")),
    ("paren_arabic", re.compile(r"^[（(][\s]*[0-9０-９]+[\s]*[）)]")),
    ("arabic", re.compile(r"^[0-9０-９]+[\s]*(?:[.．](?![0-9０-９])|、)")),
    ("circled", re.compile(r"^[①-⑳]")),
)

_TITLE_MAX = 30


@dataclass
class Paragraph:
    """One line of an article; ``label`` is the item marker as written, e.g. （一）."""

    text: str
    label: str = ""
    level: int = 0

    @property
    def is_item(self):
        return bool(self.label)


@dataclass
class Heading:
    kind: str  # "chapter" or "section"
    number: int
    label: str
    title: str = ""
    anchor: str = ""


@dataclass
class Article:
    number: int
    label: str
    paragraphs: list = field(default_factory=list)
    sub: int | None = None
    anchor: str = ""

    @property
    def text(self):
        return "\n".join(p.label + p.text for p in self.paragraphs)


@dataclass
class TextBlock:
    """Lines between headings that belong to no article."""

    text: str


@dataclass
class SplitResult:
    preamble: str = ""
    nodes: list = field(default_factory=list)

    @property
    def articles(self):
        return [n for n in self.nodes if isinstance(n, Article)]

    @property
    def headings(self):
        return [n for n in self.nodes if isinstance(n, Heading)]

    @property
    def has_structure(self):
        return bool(self.nodes)

    def all_text(self):
        """Every piece of text in reading order (used to prove nothing was lost)."""
        parts = [self.preamble]
        for node in self.nodes:
            if isinstance(node, Heading):
                parts += [node.label, node.title]
            elif isinstance(node, Article):
                parts.append(node.label)
                parts += [p.label + p.text for p in node.paragraphs]
            else:
                parts.append(node.text)
        return "\n".join(p for p in parts if p)


def article_anchor(number, sub=None):
    """Stable fragment id of an article: article-12, article-5-1 for 第5-1條."""
    return f"article-{number}" if sub is None else f"article-{number}-{sub}"


def split_paragraphs(text):
    """Split an article's text into paragraphs, recognising item markers and their nesting."""
    paragraphs = []
    styles = []
    for raw in (text or "").splitlines():
        line = raw.strip(_SPACES)
        if not line:
            continue
        label, level = "", 0
        for style, pattern in _ITEM_PATTERNS:
            match = pattern.match(line)
            if match and len(line) > match.end():
                if style not in styles:
                    styles.append(style)
                label, level = match.group(0), styles.index(style) + 1
                line = line[match.end() :].lstrip(_SPACES)
                break
        paragraphs.append(Paragraph(text=line, label=label, level=level))
    return paragraphs


def _parse_heading(line):
    """Return (kind, number, sub, label, rest, strong) for a heading-like line, else None."""
    match = HEADING_RE.match(line)
    if not match:
        return None
    try:
        number = parse_number(match.group("num"))
        sub = parse_number(match.group("sub")) if match.group("sub") else None
    except ValueError:
        return None
    kind = {"章": "chapter", "节": "section", "節": "section"}.get(match.group("kind"), "article")
    rest = line[match.end() :]
    strong = not rest or rest[0] in _SPACES
    if rest.startswith(_REFERENCE_FOLLOWERS):
        return None
    rest = rest.strip(_SPACES)
    return kind, number, sub, match.group(0), rest, strong


class _Splitter:
    def __init__(self, text):
        self.lines = [ln.strip(_SPACES) for ln in (text or "").splitlines()]
        self.lines = [ln for ln in self.lines if ln]
        self.preamble = []
        self.nodes = []
        self.last_article = None  # (number, sub)
        self.last_heading = {"chapter": 0, "section": 0}
        self.anchors = set()
        self.next_repeat = {}  # anchor → next -rN to try, so repeats stay linear
        self.block_lines = {}

    def accepts_article(self, number, sub, strong):
        if self.last_article is None:
            return strong or number == 1
        last_number, last_sub = self.last_article
        if sub is not None:
            return number == last_number or (number > last_number and strong)
        if number == last_number + 1:
            return True
        if strong and number > last_number and number - last_number <= 20:
            return True
        # A new document inside the paste (e.g. an attached 办法) restarts at 第一条.
        return strong and number == 1

    def accepts_heading(self, kind, number, rest, strong):
        if len(rest) > _TITLE_MAX or any(p in rest for p in "。；;，,"):
            return False
        if not strong and not rest:
            return False
        last = self.last_heading[kind]
        return number == last + 1 or number == 1 or (strong and number > last)

    def unique_anchor(self, anchor):
        candidate, n = anchor, self.next_repeat.get(anchor, 2)
        while candidate in self.anchors:
            candidate = f"{anchor}-r{n}"
            n += 1
        self.next_repeat[anchor] = n
        self.anchors.add(candidate)
        return candidate

    def add_heading(self, kind, number, label, rest, index):
        title = rest
        consumed = 0
        if not title and index + 1 < len(self.lines):
            nxt = self.lines[index + 1]
            if (
                len(nxt) <= _TITLE_MAX
                and not _parse_heading(nxt)
                and not any(p in nxt for p in "。；;，,：:")
            ):
                title, consumed = nxt, 1
        anchor = f"{kind}-{number}"
        if kind == "section" and self.last_heading["chapter"]:
            anchor = f"chapter-{self.last_heading['chapter']}-{anchor}"
        self.nodes.append(
            Heading(
                kind=kind,
                number=number,
                label=label,
                title=title,
                anchor=self.unique_anchor(anchor),
            )
        )
        self.last_heading[kind] = number
        if kind == "chapter":
            self.last_heading["section"] = 0
        return consumed

    def add_article(self, number, sub, label, rest):
        article = Article(number=number, sub=sub, label=label)
        article.anchor = self.unique_anchor(article_anchor(number, sub))
        article.pending = [rest] if rest else []
        self.nodes.append(article)
        self.last_article = (number, sub)

    def add_line(self, line):
        current = self.nodes[-1] if self.nodes else None
        if isinstance(current, Article):
            current.pending.append(line)
        elif current is None:
            self.preamble.append(line)
        else:
            if not isinstance(current, TextBlock):
                current = TextBlock(text="")
                self.nodes.append(current)
                self.block_lines[id(current)] = []
            self.block_lines[id(current)].append(line)  # joined once in finish(): linear

    def run(self):
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            parsed = _parse_heading(line)
            if parsed:
                kind, number, sub, label, rest, strong = parsed
                if kind == "article" and self.accepts_article(number, sub, strong):
                    self.add_article(number, sub, label, rest)
                    index += 1
                    continue
                if kind != "article" and self.accepts_heading(kind, number, rest, strong):
                    index += 1 + self.add_heading(kind, number, label, rest, index)
                    continue
            self.add_line(line)
            index += 1
        return self.finish()

    def finish(self):
        for node in self.nodes:
            if isinstance(node, Article):
                node.paragraphs = split_paragraphs("\n".join(node.pending))
                del node.pending
            elif isinstance(node, TextBlock) and id(node) in self.block_lines:
                node.text = "\n".join(self.block_lines[id(node)])
        articles = [n for n in self.nodes if isinstance(n, Article)]
        headings = [n for n in self.nodes if isinstance(n, Heading)]
        if not articles and len(headings) < 2:
            # Not article-structured: keep the text whole.
            return SplitResult(preamble="\n".join(self.lines), nodes=[])
        return SplitResult(preamble="\n".join(self.preamble), nodes=self.nodes)


def split_policy_text(text):
    """Split ``text`` into a :class:`SplitResult`."""
    return _Splitter(text).run()
