"""A draft's text split into 第X条, as policy documents are numbered (pure).

Each article starts a line with 第…条 (Chinese or Arabic numerals); text before the first
article is the preamble (article 0, comments on it count as on the whole draft).
"""

import re
from dataclasses import dataclass

ARTICLE_RE = re.compile(r"^\s*(第([一二三四五六七八九十百零〇两\d]+)条)[\s　]*(.*)$")
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
DIGITS.update({"七": 7, "八": 8, "九": 9})


def chinese_to_int(text):
    """一百零五 → 105; Arabic digits pass through; 0 when it is not a number."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in DIGITS:
            current = DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return 0
    return total + current


@dataclass(frozen=True)
class DraftArticle:
    number: int
    label: str  # 第三条
    text: str

    @property
    def anchor(self):
        return f"tiao-{self.number}"


def split_articles(text):
    """(preamble, [DraftArticle …]) of a plain-text draft; numbers as written, in order."""
    preamble, articles, current = [], [], None
    for line in (text or "").replace("\r\n", "\n").split("\n"):
        match = ARTICLE_RE.match(line)
        if match and chinese_to_int(match[2]):
            if current:
                articles.append(current)
            current = [chinese_to_int(match[2]), match[1], [match[3]]]
        elif current:
            current[2].append(line)
        else:
            preamble.append(line)
    if current:
        articles.append(current)
    found = [DraftArticle(n, label, "\n".join(lines).strip()) for n, label, lines in articles]
    return "\n".join(preamble).strip(), found
